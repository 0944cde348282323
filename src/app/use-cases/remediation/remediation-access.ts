import { notFound } from '../../../core/errors';
import { authorize, remediationPolicy } from '../../../core/policies';
import type { RemediationItem } from '../../../core/remediation/model';
import type { AppDeps, RequestContext } from '../../context';
import type { Repositories } from '../../ports/repositories';

type Ability = 'update' | 'move' | 'delete';

/** The item if the caller may read it (else 404: another organization's plan does not exist for them). */
export async function readItem(r: Repositories, ctx: RequestContext, id: string): Promise<RemediationItem> {
  const item = await r.remediation.get(id);
  if (!item) throw notFound('remediation_item');
  authorize(remediationPolicy, ctx.actor, 'read', item, 'remediation item');
  return item;
}

/** Inside a transaction: the row locked and the ability checked on the stored row. */
export async function lockItem(r: Repositories, ctx: RequestContext, id: string, ability: Ability) {
  const item = await r.remediation.lock(id);
  if (!item) throw notFound('remediation_item');
  authorize(remediationPolicy, ctx.actor, 'read', item, 'remediation item');
  authorize(remediationPolicy, ctx.actor, ability, item, 'remediation item');
  return item;
}

export const today = (deps: AppDeps) => deps.clock.now().toISOString().slice(0, 10);
