import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { emailDomain, SSO_STATE_TTL_MS, type SsoConfiguration } from '../../../core/sso/model';
import type { AppDeps } from '../../context';
import { settingsOf } from './sso-settings';

export const startSsoInput = z.union([
  z.object({ email: z.string().trim().toLowerCase().min(3).max(320) }),
  z.object({ organization: z.string().trim().min(1).max(100) }),
]);
export type StartSsoInput = z.infer<typeof startSsoInput>;

export const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

const notOffered = () =>
  new DomainError('not_found', 'Single sign-on is not set up for this organization or email domain.', undefined, {
    reason: 'sso_not_offered',
  });

async function configurationFor(deps: AppDeps, input: StartSsoInput): Promise<SsoConfiguration> {
  const read = deps.uow.read;
  if ('organization' in input) {
    const org = await read.organizations.getBySlug(input.organization);
    const config = org ? await read.sso.getConfiguration(org.id) : null;
    if (!config?.enabled) throw notOffered();
    return config;
  }
  const domain = emailDomain(input.email);
  const [config] = domain ? await read.sso.configurationsForDomain(domain) : [];
  if (!config) throw notOffered();
  return config;
}

/**
 * Starts an authorization code flow with PKCE: state, nonce and the code verifier stay on the server (single use,
 * short expiry), bound to this browser by a random cookie whose digest is stored with them. Nothing is audited yet:
 * a started sign-in changes nothing, and anyone could start many.
 */
export async function startSsoSignIn(
  deps: AppDeps,
  input: StartSsoInput & { redirectUri: string },
): Promise<{ url: string; browserToken: string }> {
  if (!deps.sso) throw notOffered();
  const config = await configurationFor(deps, input);
  const state = deps.ids.token();
  const nonce = deps.ids.token();
  const browserToken = deps.ids.token();
  const codeVerifier = deps.sso.oidc.codeVerifier();
  const now = deps.clock.now();
  const url = await deps.sso.oidc
    .authorizationUrl(settingsOf(deps, config), { redirectUri: input.redirectUri, state, nonce, codeVerifier })
    .catch(() => {
      throw new DomainError('conflict', "The organization's identity provider cannot be reached.", undefined, {
        reason: 'sso_idp_unreachable',
      });
    });
  await deps.uow.read.sso.purgeStates(now, 50);
  await deps.uow.read.sso.insertState({
    stateHash: hashOf(state),
    browserHash: hashOf(browserToken),
    orgId: config.orgId,
    nonce,
    codeVerifier,
    redirectUri: input.redirectUri,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SSO_STATE_TTL_MS),
    usedAt: null,
  });
  return { url, browserToken };
}
