import type { Logger } from 'pino';
import type { Actor } from '../core/identity';
import type { Session, User } from '../core/records';
import type { AppDeps } from '../app/context';
import type { ApiToken } from '../core/api-tokens';

/** What the server needs besides the use cases' dependencies. */
export interface ServerDeps extends AppDeps {
  logger: Logger;
  engineKind: 'pglite' | 'postgres';
  secureCookies: 'auto' | 'true' | 'false';
  trustProxy: boolean;
  /** Built web app folder (dist/web); the SPA is not served when absent. */
  webDir?: string | undefined;
  /** The server's own folder for upload temporary files (`ismap serve` claims one); the OS temporary folder when absent. */
  uploadDir?: string | undefined;
  version: string;
  /** Largest accepted upload body in bytes (ISMAP_MAX_UPLOAD_BYTES); JSON bodies have a fixed small limit. */
  maxUploadBytes?: number | undefined;
  /** ISMAP_PUBLIC_URL: the WebAuthn origin and RP ID; the request's own origin when absent. */
  publicUrl?: string | undefined;
  /** Largest evidence file in bytes (ISMAP_MAX_EVIDENCE_BYTES, default 200 MB). */
  maxEvidenceBytes?: number | undefined;
}

export interface AuthState {
  actor: Actor;
  session: Session;
  user: User;
}

/** A request authenticated by an API token (`Authorization: Bearer`): no session, no CSRF, never a cookie. */
export interface TokenAuthState {
  actor: Actor;
  token: ApiToken;
  user: User;
}

export type HonoEnv = {
  Variables: {
    requestId: string;
    /** Set by a cookie session; null for bearer requests. */
    auth: AuthState | null;
    tokenAuth: TokenAuthState | null;
    /** The scope the route checked the bearer token for (set by `scope()` in token-scope.ts). */
    tokenScope: string | null;
    deps: ServerDeps;
  };
};
