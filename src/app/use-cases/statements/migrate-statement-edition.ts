import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { compareEditions } from '../../../core/mapping/graph';
import { successionSetId } from '../../../core/mapping/succession';
import { editMode } from '../../../core/statement/lifecycle';
import { planEditionMigration, type Attention, type SuccessionLink } from '../../../core/statement/migration';
import type { AppDeps, RequestContext } from '../../context';
import type { Repositories } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { editionCriteria } from '../../statement-readiness';
import { lockStatement, readStatement } from './statement-access';

export const migrateStatementInput = z
  .object({
    edition: z.string().min(1).max(100).describe('The edition of the same catalog to move to'),
    dryRun: z.boolean().default(true).describe('true: only the plan; false: apply it'),
  })
  .strict();
export type MigrateStatementInput = z.input<typeof migrateStatementInput>;

export interface MigrationResult {
  from: string;
  to: string;
  applied: boolean;
  carried: number;
  /** Whether the editions' succession mapping set was used (else answers were carried by identical id). */
  succession: string | null;
  attention: Attention[];
}

/**
 * The links between two editions of the catalog, as `from` → `to` item ids: the succession set
 * (`succession:ismap:A→B`, newer ⇢ older node by node) read in whichever direction the statement moves.
 */
async function successionLinks(
  r: Repositories,
  catalog: string,
  from: string,
  to: string,
): Promise<{ set: string | null; links: SuccessionLink[] }> {
  const [older, newer] = compareEditions(from, to) < 0 ? [from, to] : [to, from];
  const set = successionSetId(catalog, older, newer);
  if (!(await r.mappings.getSet(set))) return { set: null, links: [] };
  const strip = (key: string, edition: string) => {
    const prefix = `${catalog}:${edition}:`;
    return key.startsWith(prefix) ? key.slice(prefix.length) : null;
  };
  const links: SuccessionLink[] = [];
  for (const m of await r.mappings.bySet(set)) {
    const n = strip(m.source, newer);
    const o = strip(m.target, older);
    if (n === null || o === null) continue;
    links.push(
      from === older
        ? { from: o, to: n, relationship: m.relationship }
        : { from: n, to: o, relationship: m.relationship },
    );
  }
  return { set, links };
}

/**
 * Moves a statement to another edition of its catalog: a dry run answers the plan (what is carried, what needs
 * attention: added, removed, text changed, structure changed); `dryRun: false` applies it in one transaction with
 * one audit event, and keeps the attention list for the people working through it later (ticked off one by one).
 * Only a draft or ready-for-audit statement moves.
 */
export async function migrateStatementEdition(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: MigrateStatementInput,
): Promise<MigrationResult> {
  const v = migrateStatementInput.parse(input);
  const outside = await readStatement(deps, ctx, id);
  const { catalog, edition: fromEdition } = outside.statement;
  const [fromCriteria, toCriteria] = await Promise.all([
    editionCriteria(deps, catalog, fromEdition),
    editionCriteria(deps, catalog, v.edition),
  ]);
  if (!toCriteria || toCriteria.list.length === 0)
    throw new DomainError('validation_failed', `The catalog ${catalog} has no edition ${v.edition}`, [], {
      reason: 'edition_not_found',
      params: { catalog, edition: v.edition },
    });
  if (!fromCriteria)
    throw new DomainError('not_found', `Edition ${catalog} ${fromEdition} not found`, undefined, {
      reason: 'edition_not_found',
      params: { catalog, edition: fromEdition },
    });
  const result = await deps.uow.transaction(async (r) => {
    const { statement } = await lockStatement(r, ctx, id, 'migrate');
    if (statement.edition !== fromEdition)
      throw new DomainError('conflict', 'The statement moved to another edition meanwhile', [], {
        reason: 'statement_version_conflict',
        params: { version: statement.version },
        details: { current: statement },
      });
    if (editMode(statement.state) !== 'free')
      throw new DomainError('conflict', `A ${statement.state} statement cannot move to another edition`, [], {
        reason: 'statement_frozen',
        params: { state: statement.state },
      });
    if (v.edition === fromEdition)
      throw new DomainError('validation_failed', `The statement is already on ${catalog} ${v.edition}`, [], {
        reason: 'statement_same_edition',
        params: { edition: v.edition },
      });
    const answers = await r.statements.items(id);
    const { set, links } = await successionLinks(r, catalog, fromEdition, v.edition);
    const plan = planEditionMigration(fromCriteria.list, toCriteria.list, answers, links);
    const out: MigrationResult = {
      from: fromEdition,
      to: v.edition,
      applied: !v.dryRun,
      carried: plan.carried,
      succession: set,
      attention: plan.attention,
    };
    if (v.dryRun) return out;
    const at = deps.clock.now();
    await r.statements.deleteItems(id);
    await r.statements.putItems(
      id,
      plan.answers.map((a) => ({ ...a, version: 1 })),
      at,
      ctx.actor.userId,
    );
    const { itemsRevision: _rev, ...before } = statement;
    const after = { ...before, edition: v.edition, version: statement.version + 1, updatedAt: at.toISOString() };
    await r.statements.update(after);
    await r.statements.bumpItemsRevision(id);
    await r.statements.replaceAttention(
      id,
      plan.attention.map((x, seq) => ({
        ...x,
        seq,
        fromEdition,
        toEdition: v.edition,
        migratedAt: at.toISOString(),
        doneAt: null,
        doneBy: null,
      })),
    );
    const counts: Record<string, number> = {};
    for (const a of plan.attention) counts[a.reason] = (counts[a.reason] ?? 0) + 1;
    await recordAudit(r, deps, ctx, {
      action: 'statement.migrate_edition',
      targetType: 'statement',
      targetId: id,
      before: { statement: before, answers },
      after: { statement: after, answers: plan.answers },
      orgId: statement.orgId,
      details: { from: fromEdition, to: v.edition, carried: plan.carried, succession: set, attention: counts },
    });
    return out;
  });
  if (result.applied) deps.statementReadiness.forget(id);
  return result;
}
