import type { Actor } from '../../../core/identity';
import { abilities, statementPolicy } from '../../../core/policies';
import type { Criterion } from '../../../core/statement/criteria';
import { editMode, statementTransitions } from '../../../core/statement/lifecycle';
import type { CloudService, ItemAnswer } from '../../../core/statement/model';
import { blankAnswer } from '../../../core/statement/model';
import type { ItemState } from '../../../core/statement/readiness';
import type { StoredStatement } from '../../../app/ports/repositories';
import type { StatementView } from '../../../app/statement-readiness';

/** A statement header with what the caller may do with it and which steps it may take next. */
export const presentStatement = (s: StoredStatement, service: Pick<CloudService, 'name'>, actor: Actor) => ({
  ...s,
  serviceName: service.name,
  editMode: editMode(s.state),
  transitions: [...statementTransitions[s.state]],
  abilities: abilities(statementPolicy, actor, s),
});

const row = (c: Criterion, state: ItemState, a: ItemAnswer) => ({
  id: c.id,
  kind: c.kind,
  tier: c.tier,
  clause: c.clause,
  objective: c.objective,
  basic: c.basic,
  cloud: c.cloud,
  title: c.title,
  selection: state.selection,
  storedSelection: a.selection,
  reason: a.reason,
  inheritedFrom: a.inheritedFrom,
  status: a.status,
  owner: a.owner,
  control: a.control,
  revisionCount: a.revisions.length,
  blockers: state.blockers.map((b) => ({ rule: b.rule, clears: b.clears, params: b.params })),
  version: a.version,
  stale: a.criteriaDigest !== null && a.criteriaDigest !== c.digest,
});

/** Every criteria item in document order with its answer and blockers (the editor's table, one request). */
export const presentItems = (view: StatementView) =>
  view.readiness
    .items()
    .map(({ criterion, state }) => row(criterion, state, view.answers.get(criterion.id) ?? blankAnswer(criterion.id)));

/** One item with its criteria text and the full answer (revisions included). */
export function presentItem(view: StatementView, itemId: string) {
  const c = view.criteria.byId.get(itemId)!;
  const state = view.readiness.item(itemId)!;
  const a = view.answers.get(itemId) ?? blankAnswer(itemId);
  return {
    ...row(c, state, a),
    text: c.text,
    revisions: a.revisions,
    criteriaDigest: a.criteriaDigest,
    currentDigest: c.digest,
  };
}

export const presentBlockers = (view: StatementView) => view.readiness.blockers();
