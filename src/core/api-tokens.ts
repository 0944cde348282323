import { createHash } from 'node:crypto';
import type { Actor, Membership } from './identity';
import type { TokenAccess, TokenResource } from './policies/token-scopes';

/**
 * API tokens (personal access tokens) for automation. A token is `ismap_pat_` and at least 256 random bits
 * (base64url): the fixed prefix lets secret scanners (GitHub's, gitleaks, trufflehog) find a leaked one, and the
 * randomness makes a plain SHA-256 a safe way to store it (nothing to brute-force, so no slow hash is needed).
 */
export const API_TOKEN_PREFIX = 'ismap_pat_';
/** A token, wherever it appears in text (log redaction uses this). */
export const API_TOKEN_PATTERN = /ismap_pat_[A-Za-z0-9_-]{16,}/g;
const TOKEN_SHAPE = /^ismap_pat_[A-Za-z0-9_-]{32,128}$/;

/** Expiry is required; a year at most, so a forgotten token dies on its own. */
export const API_TOKEN_MAX_DAYS = 365;
/** Live tokens one user may hold at once (revoked and expired ones do not count). */
export const API_TOKEN_MAX_ACTIVE = 50;
/** How often the last-used time and address are written: at most once a minute per token. */
export const API_TOKEN_TOUCH_MS = 60_000;

export interface ApiToken {
  id: string;
  userId: string;
  /** The organization the token acts in; null only for a platform administrator's platform-wide token. */
  orgId: string | null;
  name: string;
  /** SHA-256 (hex) of the whole token. */
  tokenHash: string;
  /** The prefix and the first 4 random characters, so people can tell their tokens apart. */
  hint: string;
  access: TokenAccess[];
  resources: TokenResource[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}

/** Builds the token from random text (`IdGenerator.token()`). */
export const apiTokenFrom = (random: string) => `${API_TOKEN_PREFIX}${random}`;
export const looksLikeApiToken = (s: string) => TOKEN_SHAPE.test(s);
export const apiTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const apiTokenHint = (token: string) => token.slice(0, API_TOKEN_PREFIX.length + 4);

export type ApiTokenState = 'active' | 'expired' | 'revoked';

export function apiTokenState(t: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): ApiTokenState {
  if (t.revokedAt) return 'revoked';
  return t.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Whether the last-used record is due: never written, or written at least a minute ago. */
export const touchDue = (lastUsedAt: Date | null, now: Date) =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= API_TOKEN_TOUCH_MS;

/**
 * The actor a token acts as: its user, with only the membership of the token's organization as it is *now* (a
 * changed role applies at once), and the platform administrator flag as it is now. Null when that membership is
 * gone, or when a platform-wide token's user is no longer a platform administrator: the token stops working.
 */
export function tokenActor(
  user: { id: string; isPlatformAdmin: boolean },
  memberships: readonly Membership[],
  token: Pick<ApiToken, 'orgId'>,
): Actor | null {
  if (token.orgId === null) {
    if (!user.isPlatformAdmin) return null;
    return { userId: user.id, isPlatformAdmin: true, memberships: [], activeOrgId: null };
  }
  const m = memberships.find((x) => x.orgId === token.orgId);
  if (!m) return null;
  return { userId: user.id, isPlatformAdmin: user.isPlatformAdmin, memberships: [m], activeOrgId: m.orgId };
}
