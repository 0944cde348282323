import { notFound } from '../../../core/errors';
import { authorize, ssoPolicy } from '../../../core/policies';
import type { SsoConfiguration } from '../../../core/sso/model';
import type { AppDeps, RequestContext } from '../../context';

/** The organization's SSO settings (null when none are set); 404 for anyone who may not manage them. */
export async function getSsoConfiguration(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
): Promise<SsoConfiguration | null> {
  const org = await deps.uow.read.organizations.get(orgId);
  if (!org) throw notFound('organization');
  authorize(ssoPolicy, ctx.actor, 'read', { orgId }, 'organization');
  return deps.uow.read.sso.getConfiguration(orgId);
}
