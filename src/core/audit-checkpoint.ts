import { canonicalJson } from './canonical-json';

/**
 * A signed checkpoint of the audit chain: its head (sequence and hash) and its first event's hash, signed with a
 * key the database does not hold, and kept where the database's writers cannot rewrite it (an append-only file).
 * Whoever can write the database can re-hash the whole chain, but cannot make an old checkpoint disagree with it
 * and still sign a new one: verification compares the chain with every checkpoint.
 */
export interface CheckpointBody {
  v: 1;
  /** The head at signing: the last event's sequence number and hash. */
  seq: number;
  hash: string;
  /** The hash of event 1, so a log reset and written again from the start is told apart from a rewrite. */
  firstHash: string;
  /** When it was signed (ISO). */
  at: string;
  /** Which key signed it (see `keyId` in src/infra/audit-checkpoints.ts). */
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 over `checkpointPayload(body)`, base64. */
  signature: string;
}

/** The exact bytes that are signed. */
export function checkpointPayload(b: CheckpointBody): string {
  const { v, seq, hash, firstHash, at, keyId } = b;
  return canonicalJson({ v, seq, hash, firstHash, at, keyId });
}

/**
 * What the database shows against a checkpoint:
 * - `truncated`: the chain now ends before the checkpoint's head (newest events deleted, head moved back);
 * - `reset`: the chain is empty, or starts with another event 1 (emptied, perhaps written again from the start);
 * - `rewritten`: the event at the checkpoint's sequence has another hash (edited, inserted, reordered, re-hashed);
 * - `bad_signature` / `unknown_key`: the checkpoint itself cannot be trusted.
 */
export type CheckpointResult = 'ok' | 'truncated' | 'rewritten' | 'reset' | 'bad_signature' | 'unknown_key';

/** What a walk of the chain found, as far as checkpoints need it. */
export interface ChainFacts {
  /** Stored hash of event 1; null when there are no events. */
  firstHash: string | null;
  /** Highest sequence number present (0 when none). */
  lastSeq: number;
  /** Stored hash of the event with this sequence number, when present. */
  hashAt(seq: number): string | undefined;
}

export function judgeCheckpoint(
  cp: SignedCheckpoint,
  signature: 'ok' | 'bad_signature' | 'unknown_key',
  chain: ChainFacts,
): CheckpointResult {
  if (signature !== 'ok') return signature;
  if (chain.firstHash === null || chain.firstHash !== cp.firstHash) return 'reset';
  if (chain.lastSeq < cp.seq) return 'truncated';
  const h = chain.hashAt(cp.seq);
  if (h === undefined) return 'truncated';
  return h === cp.hash ? 'ok' : 'rewritten';
}
