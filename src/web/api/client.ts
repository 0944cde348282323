import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

/**
 * The browser's only way to the server: the JSON API under /api/v1, typed from the server's OpenAPI document
 * (generated/openapi.ts, `npm run generate:api`), with the CSRF token on every write.
 */
export type Schemas = components['schemas'];
export type Abilities = Schemas['Abilities'];
export type Organization = Schemas['Organization'];
export type SessionInfo = Schemas['SessionInfo'];
export type ApiPaths = paths;

/** The JSON body an operation takes: `Body<'/users', 'post'>`. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The JSON an operation answers with on success: `Json<'/audit-events', 'get'>`. */
export type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer J } } }
    ? J
    : R extends { 201: { content: { 'application/json': infer J } } }
      ? J
      : never
  : never;

type ErrorBody = Schemas['Error']['error'];
export type ApiIssue = Schemas['Issue'];
export type ErrorDetails = NonNullable<ErrorBody['details']>;
export type MessageParams = Schemas['MessageParams'];

/** An error answer: `code` (the kind) and `reason` + `params` (which one) are what the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly reason?: string,
    readonly params: MessageParams = {},
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};
/** The token a write outside openapi-fetch (an upload with progress, api/evidence.ts) sends as x-csrf-token. */
export const currentCsrfToken = () => csrfToken;

const csrf: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** A client for the API at `baseUrl`; the app uses `client` below (tests pass their own fetch). */
export function createApiClient(baseUrl = '/api/v1', fetchImpl?: typeof fetch) {
  const c = createClient<paths>({ baseUrl, credentials: 'same-origin', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  c.use(csrf);
  return c;
}

export const client = createApiClient();

export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const err = (body as { error?: Partial<ErrorBody> } | null | undefined)?.error;
  const e = err ?? {};
  const message = e.message ?? statusText;
  return new ApiError(status, e.code ?? 'internal', message, e.issues ?? [], e.reason, e.params ?? {}, e.details ?? {});
}

/**
 * The body of a successful answer, or an ApiError carrying the server's stable code (the UI translates it):
 * `await data(client.GET('/organizations'))`.
 */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, response.statusText, error);
  return body as T;
}

/**
 * A multipart body (an operation's `multipart/form-data` fields, typed from the document) as FormData, for
 * `client.POST(path, { body, bodySerializer: formData })`; absent and empty fields are left out.
 */
export function formData(body: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) if (v !== undefined && v !== '') form.set(k, v);
  return form;
}
