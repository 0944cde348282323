import { DomainError, notFound } from '../../../core/errors';
import { authorize, statementPolicy } from '../../../core/policies';
import { editMode } from '../../../core/statement/lifecycle';
import type { CloudService } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import type { Repositories, StoredStatement } from '../../ports/repositories';
import type { StatementView } from '../../statement-readiness';

export interface LoadedStatement {
  statement: StoredStatement;
  service: CloudService;
}

/** The statement and its service, if the caller may read it (else 404: its existence does not leak). */
export async function readStatement(deps: AppDeps, ctx: RequestContext, id: string): Promise<LoadedStatement> {
  return loadWith(deps.uow.read, ctx, id, false);
}

/** Inside a transaction: the statement row locked, so writes to it and its items serialise. */
export async function lockStatement(
  r: Repositories,
  ctx: RequestContext,
  id: string,
  ability: 'edit' | 'transition' | 'migrate',
): Promise<LoadedStatement> {
  const loaded = await loadWith(r, ctx, id, true);
  authorize(statementPolicy, ctx.actor, ability, loaded.statement);
  return loaded;
}

async function loadWith(r: Repositories, ctx: RequestContext, id: string, lock: boolean): Promise<LoadedStatement> {
  const statement = lock ? await r.statements.lock(id) : await r.statements.get(id);
  if (!statement) throw notFound('statement');
  authorize(statementPolicy, ctx.actor, 'read', statement);
  const service = await r.cloudServices.get(statement.serviceId);
  if (!service) throw notFound('statement');
  return { statement, service };
}

/** Reads outside any transaction (PGlite has one connection: a read beside an open transaction would wait on it). */
export async function statementView(deps: AppDeps, loaded: LoadedStatement): Promise<StatementView> {
  return deps.statementReadiness.view(deps, loaded.statement, loaded.service);
}

/** The locked statement must still be on the edition whose criteria were read before the transaction began. */
export function assertSameEdition(locked: StoredStatement, read: StoredStatement): void {
  if (locked.edition !== read.edition || locked.catalog !== read.catalog)
    throw new DomainError('conflict', 'The statement moved to another edition meanwhile', [], {
      reason: 'statement_version_conflict',
      params: { version: locked.version },
      details: { current: locked },
    });
}

/**
 * Draft and ready-for-audit statements are edited freely; under audit only as a recorded change (a reason, kept in
 * the audit row); audited and superseded statements never change. Returns the reason to record, if any.
 */
export function assertEditable(statement: StoredStatement, changeReason: string | undefined): string | null {
  const mode = editMode(statement.state);
  if (mode === 'frozen')
    throw new DomainError('conflict', `A ${statement.state} statement cannot be changed`, [], {
      reason: 'statement_frozen',
      params: { state: statement.state },
    });
  if (mode === 'recorded_change') {
    if (!changeReason?.trim())
      throw new DomainError(
        'validation_failed',
        'A statement under audit changes only as a recorded change: give a changeReason',
        [
          {
            path: ['body', 'changeReason'],
            message: 'required while the statement is under audit',
            code: 'change_reason_required',
          },
        ],
        { reason: 'change_reason_required' },
      );
    return changeReason.trim();
  }
  return changeReason?.trim() || null;
}
