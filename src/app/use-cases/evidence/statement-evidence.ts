import {
  evidenceFreshness,
  evidenceWarnings,
  itemEvidenceStates,
  type Freshness,
  type ItemEvidenceState,
} from '../../../core/evidence/freshness';
import type { Evidence } from '../../../core/evidence/model';
import { inScope } from '../../../core/statement/selection';
import type { AppDeps, RequestContext } from '../../context';
import { readStatement, statementView } from '../statements/statement-access';

export interface StatementEvidenceFreshness {
  statementId: string;
  /** The date freshness is judged at: today, or the period's last day once it is over. */
  judgedOn: string;
  items: ItemEvidenceState[];
  evidence: { id: string; title: Evidence['title']; freshness: Freshness }[];
  summary: { items: number; withoutEvidence: number; withStale: number; warnings: number; staleEvidence: number };
}

/**
 * For each in-scope item of a statement: its linked evidence and whether any of them is stale for the statement's
 * audit period (items without evidence and stale evidence are readiness warnings, not blockers).
 */
export async function statementEvidenceFreshness(
  deps: AppDeps,
  ctx: RequestContext,
  statementId: string,
): Promise<StatementEvidenceFreshness> {
  const loaded = await readStatement(deps, ctx, statementId);
  const view = await statementView(deps, loaded);
  const period = loaded.statement.period;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const links = await deps.uow.read.evidence.linksOfStatement(statementId);
  const ids = [...new Set(links.map((l) => l.evidenceId))];
  const evidence = (await Promise.all(ids.map((id) => deps.uow.read.evidence.get(id)))).filter(
    (e): e is Evidence => e !== null && e.orgId === loaded.statement.orgId,
  );
  const freshness = new Map(evidence.map((e) => [e.id, evidenceFreshness(e, today, period)]));
  const itemIds = view.criteria.list
    .filter((c) => c.kind !== 'objective' && inScope(view.readiness.item(c.id)?.selection ?? 'undecided'))
    .map((c) => c.id);
  const items = itemEvidenceStates(
    itemIds,
    links.filter((l) => freshness.has(l.evidenceId)),
    freshness,
  );
  return {
    statementId,
    judgedOn: period && period.end < today ? period.end : today,
    items,
    evidence: evidence.map((e) => ({ id: e.id, title: e.title, freshness: freshness.get(e.id)! })),
    summary: {
      items: items.length,
      ...evidenceWarnings(items),
      staleEvidence: [...freshness.values()].filter((f) => f.state === 'stale').length,
    },
  };
}
