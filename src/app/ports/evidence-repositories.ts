import type { Evidence, EvidenceLink, EvidenceVersion } from '../../core/evidence/model';

export interface EvidenceListFilter {
  includeRetired?: boolean;
}

export interface EvidenceRepository {
  /** The organization's evidence, by English title then id. */
  listForOrg(orgId: string, filter?: EvidenceListFilter): Promise<Evidence[]>;
  get(id: string): Promise<Evidence | null>;
  /** The row locked for the rest of the transaction (FOR NO KEY UPDATE): version numbers are taken in turn. */
  lock(id: string): Promise<Evidence | null>;
  insert(e: Evidence): Promise<void>;
  update(e: Evidence): Promise<void>;
  insertVersion(v: EvidenceVersion): Promise<void>;
  versions(evidenceId: string): Promise<EvidenceVersion[]>;
  getVersion(evidenceId: string, number: number): Promise<EvidenceVersion | null>;
  /** Every blob some version names (what the blob store must hold), with the versions naming it, for verification. */
  referencedBlobs(): Promise<{ sha256: string; size: number; versions: { evidenceId: string; number: number }[] }[]>;
  /** Whether any version names this blob. */
  blobReferenced(sha256: string): Promise<boolean>;
  /** Inserts the link; false when it already existed. */
  link(l: EvidenceLink): Promise<boolean>;
  /** Removes the link; false when there was none. */
  unlink(evidenceId: string, statementId: string, itemId: string): Promise<boolean>;
  linksOfEvidence(evidenceId: string): Promise<EvidenceLink[]>;
  linksOfStatement(statementId: string): Promise<EvidenceLink[]>;
}
