import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash that the first event of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as it is hashed. Every field takes part in the hash except `hash` itself. */
export interface AuditEventBody {
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export interface AuditEvent extends AuditEventBody {
  hash: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** SHA-256 of the canonical JSON of a state snapshot; null when there is no snapshot (create/delete). */
export function digestOf(state: unknown): string | null {
  return state === undefined || state === null ? null : sha256(canonicalJson(state));
}

export function hashEvent(body: AuditEventBody): string {
  const { seq, id, at, actorUserId, actorOrgId, action, targetType, targetId, beforeDigest, afterDigest, requestId, details, prevHash } = body;
  return sha256(canonicalJson({ seq, id, at, actorUserId, actorOrgId, action, targetType, targetId, beforeDigest, afterDigest, requestId, details, prevHash }));
}

/** Links a new event to the chain head. */
export function sealEvent(body: Omit<AuditEventBody, 'prevHash' | 'seq'>, head: { seq: number; hash: string } | null): AuditEvent {
  const full: AuditEventBody = { ...body, seq: head ? head.seq + 1 : 1, prevHash: head ? head.hash : GENESIS_HASH };
  return { ...full, hash: hashEvent(full) };
}

export interface ChainBreak {
  /** 1-based position in the walk. */
  position: number;
  seq: number;
  id: string;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
  expected: string;
  actual: string;
}

/**
 * Walks a chain page by page: feed events in sequence order with `push`, read `result()` at the end.
 * It stops at the first broken link; everything after a break is unverifiable by construction.
 */
export class ChainVerifier {
  private prev: { seq: number; hash: string } | null = null;
  private count = 0;
  private broken: ChainBreak | null = null;

  push(e: AuditEvent): boolean {
    if (this.broken) return false;
    this.count++;
    const expectedSeq = this.prev ? this.prev.seq + 1 : 1;
    const expectedPrev = this.prev ? this.prev.hash : GENESIS_HASH;
    if (e.seq !== expectedSeq) {
      this.broken = { position: this.count, seq: e.seq, id: e.id, reason: 'sequence_gap', expected: String(expectedSeq), actual: String(e.seq) };
    } else if (e.prevHash !== expectedPrev) {
      this.broken = { position: this.count, seq: e.seq, id: e.id, reason: 'prev_hash_mismatch', expected: expectedPrev, actual: e.prevHash };
    } else {
      const h = hashEvent(e);
      if (h !== e.hash) this.broken = { position: this.count, seq: e.seq, id: e.id, reason: 'hash_mismatch', expected: h, actual: e.hash };
    }
    this.prev = { seq: e.seq, hash: e.hash };
    return this.broken === null;
  }

  result(): { ok: boolean; checked: number; head: string | null; broken: ChainBreak | null } {
    return { ok: this.broken === null, checked: this.count, head: this.prev?.hash ?? null, broken: this.broken };
  }
}
