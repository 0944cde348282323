import { DomainError } from '../core/errors';
import { RECENT_AUTH_MS, isRecentlyAuthenticated } from '../core/mfa';
import type { Session } from '../core/records';
import type { AppDeps, RequestContext } from './context';

/** A request made in a session: who, which session, from where. What sign-in steps and sensitive actions need. */
export interface SessionContext extends RequestContext {
  session: Session;
  ip: string;
  userAgent: string | null;
}

/**
 * Sensitive actions (changing MFA, API tokens, exporting the audit log) need a proof of identity from the last
 * `RECENT_AUTH_MS`: the sign-in itself, or POST /auth/reauthenticate (second factor, or password for a user with
 * none). Otherwise 403 `reauthentication_required`, which the web app turns into a re-authentication prompt.
 * The server's guard is `requireRecentAuth(c)` (src/server/middleware/recent-auth.ts).
 */
export function assertRecentAuth(deps: Pick<AppDeps, 'clock'>, session: Session): void {
  if (session.signInStep === 'second_factor' || !isRecentlyAuthenticated(session.authenticatedAt, deps.clock.now())) {
    throw new DomainError(
      'forbidden',
      'Confirm it is you first: sign in again with your second factor (or password) and retry.',
      undefined,
      { reason: 'reauthentication_required', params: { minutes: RECENT_AUTH_MS / 60_000 } },
    );
  }
}
