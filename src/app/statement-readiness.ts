import type { Criterion } from '../core/statement/criteria';
import { statementCriteria } from '../core/statement/criteria';
import type { CloudService, ItemAnswer } from '../core/statement/model';
import { Readiness } from '../core/statement/readiness';
import { DomainError } from '../core/errors';
import type { StoredStatement, UnitOfWork } from './ports/repositories';
import type { CatalogCache } from './catalog-cache';

/** The criteria of one edition in document order, with an index by id (shared by every statement on it). */
export interface EditionCriteria {
  list: readonly Criterion[];
  byId: ReadonlyMap<string, Criterion>;
}

/** A statement's readiness and stored answers as this server knows them, at one items revision. */
export interface StatementView {
  readiness: Readiness;
  criteria: EditionCriteria;
  /** Stored answers by item id (items nobody wrote have none). */
  answers: ReadonlyMap<string, ItemAnswer>;
}

interface Entry extends StatementView {
  revision: number;
  serviceVersion: number;
  answers: Map<string, ItemAnswer>;
}

/** Statements kept in memory per server; the least recently used goes first beyond this. */
const MAX_ENTRIES = 64;

export async function editionCriteria(
  deps: { catalogCache: CatalogCache; uow: UnitOfWork },
  catalog: string,
  edition: string,
): Promise<EditionCriteria | null> {
  const snapshot = await deps.catalogCache.get(deps.uow);
  const e = snapshot.edition(catalog, edition);
  if (!e) return null;
  return snapshot.memo(`statement-criteria:${catalog}:${edition}`, () => {
    const list = statementCriteria(e);
    return { list, byId: new Map(list.map((c) => [c.id, c])) };
  });
}

/**
 * Readiness per statement, kept in memory and updated incrementally (`Readiness.apply`, microseconds) after each
 * write this server commits, instead of a rescan of ~1,400 items per request. Every write to a statement's items
 * raises its `items_revision` in the same transaction; an entry built at another revision than the stored one (another
 * server wrote, or a write's update was missed) is rebuilt from the database, so several servers on one PostgreSQL
 * stay correct. A new catalog snapshot (re-sync, new texts) or another version of the service's scope is noticed too.
 */
export class StatementReadinessCache {
  private readonly entries = new Map<string, Entry>();

  async view(
    deps: { catalogCache: CatalogCache; uow: UnitOfWork },
    statement: StoredStatement,
    service: CloudService,
  ): Promise<StatementView> {
    const criteria = await editionCriteria(deps, statement.catalog, statement.edition);
    if (!criteria)
      throw new DomainError('not_found', `Edition ${statement.catalog} ${statement.edition} not found`, undefined, {
        reason: 'edition_not_found',
        params: { catalog: statement.catalog, edition: statement.edition },
      });
    let e = this.entries.get(statement.id);
    if (!e || e.revision !== statement.itemsRevision || e.criteria !== criteria) {
      // Read at least as new as `statement.itemsRevision`: a newer write is noticed at the next read and rebuilt.
      const stored = await deps.uow.read.statements.items(statement.id);
      const answers = new Map(stored.map((a) => [a.itemId, a]));
      e = {
        revision: statement.itemsRevision,
        serviceVersion: service.version,
        criteria,
        answers,
        readiness: new Readiness(
          criteria.list,
          answers.values(),
          service.scope.underlying,
          statement.period,
          statement.previousPeriod,
        ),
      };
    } else if (e.serviceVersion !== service.version) {
      e.readiness.setUnderlying(service.scope.underlying);
      e.serviceVersion = service.version;
    }
    e.readiness.setPeriod(statement.period, statement.previousPeriod);
    this.entries.delete(statement.id);
    this.entries.set(statement.id, e);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return e;
  }

  /**
   * After a committed write that moved the statement's items revision from `from` to `to`: the entry (if it is at
   * `from`) takes the written answers incrementally; an entry at any other revision is dropped and rebuilt later.
   */
  applied(statementId: string, from: number, to: number, answers: readonly ItemAnswer[]): void {
    const e = this.entries.get(statementId);
    if (!e) return;
    if (e.revision !== from) {
      this.entries.delete(statementId);
      return;
    }
    for (const a of answers) {
      e.answers.set(a.itemId, a);
      e.readiness.apply(a);
    }
    e.revision = to;
  }

  /** The statement was replaced wholesale (edition migration, import): rebuild at the next read. */
  forget(statementId: string): void {
    this.entries.delete(statementId);
  }
}
