import type { SignedCheckpoint } from '../../core/audit-checkpoint';

/** Where checkpoints are kept: append-only, outside the database (src/infra/audit-checkpoints.ts: a JSONL file). */
export interface CheckpointLog {
  /** Names the place for messages (a file path). */
  where: string;
  append(cp: SignedCheckpoint): Promise<void>;
  /** Every checkpoint in the order written; lines that are not a checkpoint are counted, not thrown. */
  readAll(): Promise<{ checkpoints: SignedCheckpoint[]; unreadable: number[] }>;
}

/** Signs checkpoint payloads with a key that is not in the database. */
export interface CheckpointSigner {
  keyId: string;
  sign(payload: string): string;
}

export interface CheckpointKeys {
  verify(cp: SignedCheckpoint, payload: string): 'ok' | 'bad_signature' | 'unknown_key';
}

/** Configured checkpointing; `signer` is null where only verification is set up (a public key). */
export interface AuditCheckpoints {
  log: CheckpointLog;
  signer: CheckpointSigner | null;
  keys: CheckpointKeys;
}
