import { evidenceFreshness, type Freshness } from '../../../core/evidence/freshness';
import type { Evidence, EvidenceLink, EvidenceVersion } from '../../../core/evidence/model';
import type { AppDeps, RequestContext } from '../../context';
import { evidenceLibraryOf, readEvidence } from './evidence-access';
import { DomainError } from '../../../core/errors';
import { authorize, evidenceCreatePolicy } from '../../../core/policies';

export interface EvidenceDetail {
  evidence: Evidence;
  versions: EvidenceVersion[];
  links: EvidenceLink[];
  freshness: Freshness;
}

const today = (deps: AppDeps) => deps.clock.now().toISOString().slice(0, 10);

/** One evidence with every version, where it is used and whether it is stale today. */
export async function getEvidence(deps: AppDeps, ctx: RequestContext, id: string): Promise<EvidenceDetail> {
  const r = deps.uow.read;
  const evidence = await readEvidence(r, ctx, id);
  const [versions, links] = await Promise.all([r.evidence.versions(id), r.evidence.linksOfEvidence(id)]);
  return { evidence, versions, links, freshness: evidenceFreshness(evidence, today(deps)) };
}

export interface EvidenceListEntry {
  evidence: Evidence;
  freshness: Freshness;
}

/**
 * The caller's organization's library (members only), with each evidence's freshness today. `linkedTo` narrows it
 * to the evidence linked to one statement item, retired ones included (what that item shows as its evidence).
 */
export async function listEvidence(
  deps: AppDeps,
  ctx: RequestContext,
  opts: { includeRetired?: boolean; linkedTo?: { statementId: string; itemId: string } } = {},
): Promise<{ orgId: string; items: EvidenceListEntry[] }> {
  const orgId = ctx.actor.activeOrgId;
  if (orgId === null)
    throw new DomainError('forbidden', 'Act for a cloud service provider organization to see its evidence', [], {
      reason: 'evidence_needs_csp',
    });
  authorize(evidenceCreatePolicy, ctx.actor, 'read', { orgId });
  const r = deps.uow.read;
  const linkedTo = opts.linkedTo;
  let list: Evidence[];
  if (linkedTo) {
    // Only this organization's evidence is listed, so links of another organization's statement show nothing.
    const links = await r.evidence.linksOfStatement(linkedTo.statementId);
    const ids = new Set(links.filter((l) => l.itemId === linkedTo.itemId).map((l) => l.evidenceId));
    list = (await r.evidence.listForOrg(orgId, { includeRetired: true })).filter((e) => ids.has(e.id));
  } else list = await r.evidence.listForOrg(orgId, { includeRetired: opts.includeRetired === true });
  const on = today(deps);
  return { orgId, items: list.map((evidence) => ({ evidence, freshness: evidenceFreshness(evidence, on) })) };
}

export { evidenceLibraryOf };
