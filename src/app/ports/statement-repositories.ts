import type { CloudService, ItemAnswer, Statement } from '../../core/statement/model';
import type { Attention } from '../../core/statement/migration';

/** Cloud service offerings (owned by a CSP organization). */
export interface CloudServiceRepository {
  /** The organization's services, by English name then id. */
  listForOrg(orgId: string): Promise<CloudService[]>;
  get(id: string): Promise<CloudService | null>;
  /** The service row locked for the rest of the transaction (FOR NO KEY UPDATE): writes to one service serialise. */
  lock(id: string): Promise<CloudService | null>;
  insert(service: CloudService): Promise<void>;
  update(service: CloudService): Promise<void>;
}

/** A statement with the counter every write to its items raises (for in-memory readiness kept per server). */
export interface StoredStatement extends Statement {
  itemsRevision: number;
}

export interface StatementRepository {
  listForService(serviceId: string): Promise<StoredStatement[]>;
  listForOrg(orgId: string): Promise<StoredStatement[]>;
  get(id: string): Promise<StoredStatement | null>;
  /**
   * The statement row locked for the rest of the transaction (FOR NO KEY UPDATE): writes to one statement and its
   * items serialise, so a version read after the lock is the stored one.
   */
  lock(id: string): Promise<StoredStatement | null>;
  insert(statement: Statement): Promise<void>;
  /** Header fields, state, edition and version (everything but the items revision). */
  update(statement: Statement): Promise<void>;
  /** Raises the items revision by one and returns the new value. */
  bumpItemsRevision(id: string): Promise<number>;
  itemsRevision(id: string): Promise<number | null>;
  /** Stored answers (items never written have none), in no particular order. */
  items(statementId: string): Promise<ItemAnswer[]>;
  item(statementId: string, itemId: string): Promise<ItemAnswer | null>;
  /** Several answers by id (missing ones are left out). */
  itemsById(statementId: string, itemIds: readonly string[]): Promise<ItemAnswer[]>;
  /** Inserts or replaces answers (in batches). */
  putItems(statementId: string, answers: readonly ItemAnswer[], at: Date, by: string | null): Promise<void>;
  /** Removes every answer of the statement (edition migration replaces them). */
  deleteItems(statementId: string): Promise<void>;
  /** The attention list the last applied edition migration left, in list order. */
  attention(statementId: string): Promise<MigrationAttentionRow[]>;
  /** Replaces the statement's attention list (an applied edition migration). */
  replaceAttention(statementId: string, rows: readonly MigrationAttentionRow[]): Promise<void>;
  /** Ticks one row off (`done` given) or back on (null); null when the statement has no such row. */
  markAttention(
    statementId: string,
    seq: number,
    done: { at: Date; by: string | null } | null,
  ): Promise<MigrationAttentionRow | null>;
}

/** One item an edition migration asked a person to look at, and whether someone has. */
export interface MigrationAttentionRow extends Attention {
  /** Its place in the list (0-based), the row's key within the statement. */
  seq: number;
  fromEdition: string;
  toEdition: string;
  migratedAt: string;
  doneAt: string | null;
  /** User id of who ticked it off. */
  doneBy: string | null;
}
