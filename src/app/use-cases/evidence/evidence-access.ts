import { DomainError, notFound } from '../../../core/errors';
import type { Evidence } from '../../../core/evidence/model';
import { authorize, evidenceCreatePolicy, evidencePolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import type { Repositories } from '../../ports/repositories';

/** The evidence if the caller may read it (else 404: another organization's evidence does not exist for them). */
export async function readEvidence(r: Repositories, ctx: RequestContext, id: string): Promise<Evidence> {
  const e = await r.evidence.get(id);
  if (!e) throw notFound('evidence');
  authorize(evidencePolicy, ctx.actor, 'read', e);
  return e;
}

/** Inside a transaction: the row locked (versions numbered in turn, optimistic versions checked on the stored row). */
export async function lockEvidence(
  r: Repositories,
  ctx: RequestContext,
  id: string,
  ability: 'update' | 'upload' | 'link' | 'retire',
): Promise<Evidence> {
  const e = await r.evidence.lock(id);
  if (!e) throw notFound('evidence');
  authorize(evidencePolicy, ctx.actor, 'read', e);
  authorize(evidencePolicy, ctx.actor, ability, e);
  return e;
}

/** Checked before an upload's bytes are taken: the caller's active organization, where they may add evidence. */
export function evidenceLibraryOf(ctx: RequestContext): string {
  const orgId = ctx.actor.activeOrgId;
  if (orgId === null)
    throw new DomainError('forbidden', 'Act for a cloud service provider organization to add evidence', [], {
      reason: 'evidence_needs_csp',
    });
  authorize(evidenceCreatePolicy, ctx.actor, 'create', { orgId });
  return orgId;
}

/** Checked before a new version's bytes are taken. */
export async function assertMayUpload(deps: AppDeps, ctx: RequestContext, id: string): Promise<Evidence> {
  const e = await readEvidence(deps.uow.read, ctx, id);
  authorize(evidencePolicy, ctx.actor, 'upload', e);
  assertNotRetired(e);
  return e;
}

export function assertNotRetired(e: Evidence): void {
  if (e.retiredAt)
    throw new DomainError('conflict', 'This evidence is retired', [], { reason: 'evidence_retired', params: {} });
}

export function assertVersion(e: Evidence, version: number): void {
  if (e.version !== version)
    throw new DomainError('conflict', 'The evidence was changed meanwhile', [], {
      reason: 'evidence_version_conflict',
      params: { version: e.version },
      details: { current: e },
    });
}
