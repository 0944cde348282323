import type { Context } from 'hono';
import { assertRecentAuth } from '../../app/recent-auth';
import type { AuthState, HonoEnv } from '../env';
import { requireAuth } from './request-context';

/**
 * The guard for sensitive actions (changing MFA, API tokens, exporting the audit log): a signed-in session whose
 * newest proof of identity (sign-in, or POST /auth/reauthenticate) is at most RECENT_AUTH_MS old (core/mfa.ts).
 * Otherwise 403 with `reason: 'reauthentication_required'`; the web app then asks for the second factor (or the
 * password) and retries. Use it in a route before calling the use case:
 *
 *   const auth = requireRecentAuth(c);
 */
export function requireRecentAuth(c: Context<HonoEnv>): AuthState {
  const auth = requireAuth(c);
  assertRecentAuth(c.get('deps'), auth.session);
  return auth;
}
