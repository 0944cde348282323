import type { RemediationItem } from '../../core/remediation/model';

export interface RemediationRepository {
  /** The statement's plan, oldest first (then by id). */
  listForStatement(statementId: string): Promise<RemediationItem[]>;
  get(id: string): Promise<RemediationItem | null>;
  /** The row locked for the rest of the transaction (FOR NO KEY UPDATE): moves and edits of one item serialise. */
  lock(id: string): Promise<RemediationItem | null>;
  /** Item ids of the statement by OSCAL uuid (what an import updates instead of duplicating). */
  byOscalUuid(statementId: string, uuids: readonly string[]): Promise<Map<string, RemediationItem>>;
  insert(item: RemediationItem): Promise<void>;
  update(item: RemediationItem): Promise<void>;
  delete(id: string): Promise<boolean>;
}
