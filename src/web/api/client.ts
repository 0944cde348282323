/** The browser's only way to the server: the JSON API under /api/v1, with the CSRF token on every write. */
export type MessageParams = Record<string, string | number | boolean | null>;

export interface ApiIssue {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: MessageParams;
  row?: number;
  file?: string;
}

/** An error answer: `code` (the kind) and `reason` + `params` (which one) are what the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly reason?: string,
    readonly params: MessageParams = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};

export async function api<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body), ...init });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (json as { error?: { code: string; message: string; issues?: ApiIssue[]; reason?: string; params?: MessageParams } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? res.statusText, err?.issues ?? [], err?.reason, err?.params ?? {});
  }
  return json as T;
}

export type Abilities = Record<string, boolean>;

export interface Organization {
  id: string;
  kind: 'csp' | 'audit_firm' | 'secretariat' | 'committee' | 'agency';
  slug: string;
  nameJa: string;
  nameEn: string;
  createdAt: string;
  abilities: Abilities;
}

export interface SessionInfo {
  user: { id: string; email: string; displayName: string; isPlatformAdmin: boolean; locale: string | null };
  memberships: { orgId: string; orgKind: Organization['kind']; role: 'admin' | 'editor' | 'viewer' }[];
  activeOrgId: string | null;
  organizations: Organization[];
  csrfToken: string;
  abilities: Abilities;
}

export type { AuditEvent } from '../../core/audit-chain';
