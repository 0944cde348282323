import { DomainError } from '../../../core/errors';
import { domainAllowed, type SsoConfiguration, type SsoRefusal } from '../../../core/sso/model';
import type { Session, User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { admitAttempt } from '../../login-throttle';
import { OidcFailure, type OidcClaims } from '../../ports/sso';
import type { Repositories } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { hashOf } from './start-sso-sign-in';
import { settingsOf } from './sso-settings';
import { openSsoSession, type SsoSessionInput } from './open-sso-session';

export interface CompleteSsoInput extends SsoSessionInput {
  /** The `state` query parameter the identity provider sent back. */
  state: string;
  /** The full callback URL as received (openid-client reads code, state and iss from it). */
  callbackUrl: string;
  /** The browser-binding cookie set when the sign-in started. */
  browserToken: string | null;
}

/** A refused SSO sign-in: `refusal` is what the UI says (`ssoRefusal.<refusal>`) and the audit row records. */
export class SsoRefused extends DomainError {
  constructor(readonly refusal: SsoRefusal) {
    super('invalid_credentials', `Single sign-on refused: ${refusal.replaceAll('_', ' ')}.`, undefined, {
      reason: 'sso_refused',
      params: { refusal },
    });
  }
}

type Outcome = { user: User; created: boolean; linked: boolean };

/** Finds the user the identity provider vouched for, links an existing account, or provisions one just in time. */
async function userFor(
  deps: AppDeps,
  r: Repositories,
  config: SsoConfiguration,
  claims: OidcClaims & { email: string },
): Promise<Outcome> {
  const identity = await r.sso.getIdentity(claims.issuer, claims.subject);
  if (identity) {
    const user = await r.users.get(identity.userId);
    if (!user) throw new SsoRefused('not_provisioned');
    return { user, created: false, linked: false };
  }
  const now = deps.clock.now();
  const link = { issuer: claims.issuer, subject: claims.subject, orgId: config.orgId, createdAt: now };
  const existing = await r.users.getByEmail(claims.email);
  if (existing) {
    // Linking trusts the identity provider's word that the person holds this email, and never adds the account to
    // an organization it does not already belong to: that needs the person's consent (an invitation).
    if (!claims.emailVerified) throw new SsoRefused('email_unverified');
    if (!(await r.users.getMembership(existing.id, config.orgId))) throw new SsoRefused('existing_account_not_member');
    await r.sso.insertIdentity({ ...link, userId: existing.id });
    return { user: existing, created: false, linked: true };
  }
  if (!config.jitProvisioning) throw new SsoRefused('not_provisioned');
  const user: User = {
    id: deps.ids.uuid(),
    email: claims.email,
    displayName: (claims.name ?? claims.email.split('@')[0]!).slice(0, 200),
    passwordHash: null,
    isPlatformAdmin: false,
    locale: null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
    lastOrgId: null,
  };
  await r.users.insert(user);
  await r.users.putMembership({ userId: user.id, orgId: config.orgId, role: config.defaultRole, createdAt: now });
  await r.sso.insertIdentity({ ...link, userId: user.id });
  return { user, created: true, linked: true };
}

async function refuse(
  deps: AppDeps,
  input: CompleteSsoInput,
  refusal: SsoRefusal,
  orgId: string | null,
  detail: Record<string, unknown> = {},
): Promise<never> {
  await deps.uow.transaction((r) =>
    recordAudit(
      r,
      deps,
      { actor: null, requestId: input.requestId },
      {
        action: 'sso.sign_in_failed',
        targetType: 'organization',
        targetId: orgId,
        orgId,
        details: { reason: refusal, ip: input.ip, userAgent: input.userAgent?.slice(0, 400) ?? null, ...detail },
      },
    ),
  );
  throw new SsoRefused(refusal);
}

/**
 * The callback of an SSO sign-in. Every refusal is audited with its reason (`sso.sign_in_failed`) and counted by the
 * login throttle against the caller's address (a counter of its own), as a failed password sign-in is.
 */
export async function completeSsoSignIn(
  deps: AppDeps,
  input: CompleteSsoInput,
): Promise<{ token: string; session: Session; user: User; created: boolean }> {
  // Its own counter per address: a flood of junk callbacks slows SSO from that address, not its password sign-ins.
  const attempt = await admitAttempt(deps, [{ scope: 'address', subject: `sso\u0000${input.ip}` }]);
  try {
    const result = await complete(deps, input);
    await attempt.succeeded();
    return result;
  } catch (e) {
    if (e instanceof SsoRefused) await attempt.failed();
    throw e;
  }
}

async function complete(deps: AppDeps, input: CompleteSsoInput) {
  const now = deps.clock.now();
  const stateHash = hashOf(input.state);
  const started = await deps.uow.read.sso.getState(stateHash);
  if (!started) return refuse(deps, input, 'state_unknown', null);
  const orgId = started.orgId;
  if (started.usedAt) return refuse(deps, input, 'state_replayed', orgId);
  if (started.expiresAt.getTime() <= now.getTime()) return refuse(deps, input, 'state_expired', orgId);
  if (!input.browserToken || hashOf(input.browserToken) !== started.browserHash)
    return refuse(deps, input, 'browser_mismatch', orgId);
  // Single use from here on, whatever follows: a second callback with this state is a replay.
  if (!(await deps.uow.read.sso.useState(stateHash, now))) return refuse(deps, input, 'state_replayed', orgId);
  const config = await deps.uow.read.sso.getConfiguration(orgId);
  if (!config?.enabled) return refuse(deps, input, 'sso_disabled', orgId);
  if (!deps.sso) return refuse(deps, input, 'sso_disabled', orgId);

  let claims: OidcClaims;
  try {
    claims = await deps.sso.oidc.callback(settingsOf(deps, config), {
      callbackUrl: input.callbackUrl,
      state: input.state,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
      now,
    });
  } catch (e) {
    if (e instanceof OidcFailure) return refuse(deps, input, e.reason, orgId, { detail: e.message.slice(0, 300) });
    throw e;
  }
  if (claims.issuer.replace(/\/+$/, '') !== config.issuer) return refuse(deps, input, 'issuer_mismatch', orgId);
  const email = claims.email;
  if (!email) return refuse(deps, input, 'email_missing', orgId, { subject: claims.subject });
  if (!domainAllowed(email, config.allowedDomains))
    return refuse(deps, input, 'domain_not_allowed', orgId, { email, subject: claims.subject });

  try {
    return await deps.uow.transaction(async (r) => {
      const { user, created, linked } = await userFor(deps, r, config, { ...claims, email });
      if (user.disabledAt) throw new SsoRefused('account_disabled');
      const ctx = { actor: null, requestId: input.requestId };
      if (created)
        await recordAudit(r, deps, ctx, {
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          orgId,
          details: { email: user.email, via: 'sso', role: config.defaultRole },
        });
      if (linked)
        await recordAudit(r, deps, ctx, {
          action: 'sso.link',
          targetType: 'user',
          targetId: user.id,
          orgId,
          details: { issuer: claims.issuer, subject: claims.subject, email, provisioned: created },
        });
      const opened = await openSsoSession(deps, r, user, orgId, input);
      return { ...opened, user, created };
    });
  } catch (e) {
    // The transaction rolled back: record the refusal on its own.
    if (e instanceof SsoRefused) return refuse(deps, input, e.refusal, orgId, { email, subject: claims.subject });
    throw e;
  }
}
