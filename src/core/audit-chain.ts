import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash that the first event of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an event is hashed. 1 (events written before migration 0006): `at` in milliseconds (`….123Z`) while the
 * database keeps microseconds, so a change of `at` under a millisecond went unseen. 2: `at` exactly as stored
 * (`….123456Z`), and the format itself is hashed, so an event cannot be passed off as format 1 without re-hashing.
 */
export type ChainFormat = 1 | 2;
export const CURRENT_CHAIN_FORMAT: ChainFormat = 2;

/** An audit event as it is hashed. Every field takes part in the hash except `hash` itself. */
export interface AuditEventBody {
  format: ChainFormat;
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

/**
 * A time at the database's precision, `YYYY-MM-DDTHH:MM:SS.ffffffZ`: what `at` reads back as, and so what format 2
 * hashes. A millisecond ISO string (`Date#toISOString`) gains three zeros.
 * @example storedTime('2026-11-26T00:00:01.234Z') // '2026-11-26T00:00:01.234000Z'
 */
export function storedTime(iso: string): string {
  return /\.\d{3}Z$/.test(iso) ? iso.replace(/Z$/, '000Z') : iso;
}

/** Format 1 hashed `toISOString()`; a stored time whose microseconds are not 000 was never written by it. */
function legacyTime(at: string): string {
  const m = /^(.*\.\d{3})000Z$/.exec(at);
  return m ? `${m[1]}Z` : at;
}

/** The fields every format hashes besides `at` (and, from format 2, `format`); nothing else the row holds. */
const hashedFields = [
  'seq',
  'id',
  'actorUserId',
  'actorOrgId',
  'action',
  'targetType',
  'targetId',
  'beforeDigest',
  'afterDigest',
  'requestId',
  'details',
  'prevHash',
] as const satisfies readonly (keyof AuditEventBody)[];

export function hashEvent(body: AuditEventBody): string {
  const { format, at } = body;
  const rest = Object.fromEntries(hashedFields.map((k) => [k, body[k]]));
  if (format === 1) return sha256(canonicalJson({ ...rest, at: legacyTime(at) }));
  return sha256(canonicalJson({ ...rest, format, at }));
}

/** Links a new event to the chain head (in the current format, `at` at the stored precision). */
export function sealEvent(
  body: Omit<AuditEventBody, 'prevHash' | 'seq' | 'format'>,
  head: { seq: number; hash: string } | null,
): AuditEvent {
  const full: AuditEventBody = {
    ...body,
    format: CURRENT_CHAIN_FORMAT,
    at: storedTime(body.at),
    seq: head ? head.seq + 1 : 1,
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  return { ...full, hash: hashEvent(full) };
}

/** Why a chain is broken, as a stable key the UI says in its language (`audit.brokenReason.<key>`). */
export const chainBreakReasons = [
  'hash_mismatch',
  'prev_hash_mismatch',
  'sequence_gap',
  'format_downgrade',
  'head_mismatch',
  'head_missing',
] as const;
export type ChainBreakReason = (typeof chainBreakReasons)[number];

export interface ChainBreak {
  /** 1-based position in the walk. */
  position: number;
  seq: number;
  id: string;
  /**
   * format_downgrade: a format 1 event after a format 2 one (format 1 is only ever older); head_mismatch: the
   * recorded chain head is not the last event; head_missing: the chain-head row itself is gone.
   */
  reason: ChainBreakReason;
  expected: string;
  actual: string;
}

/**
 * Walks a chain page by page: feed events in sequence order with `push`, read `result()` at the end.
 * It stops at the first broken link; everything after a break is unverifiable by construction.
 */
export class ChainVerifier {
  private prev: { seq: number; hash: string } | null;
  private count = 0;
  private broken: ChainBreak | null = null;
  private newestFormat: ChainFormat = 1;

  /** `from`: start after this (already trusted) event instead of at the genesis. */
  constructor(from: { seq: number; hash: string; format?: ChainFormat } | null = null) {
    this.prev = from;
    if (from?.format) this.newestFormat = from.format;
  }

  push(e: AuditEvent): boolean {
    if (this.broken) return false;
    this.count++;
    const expectedSeq = this.prev ? this.prev.seq + 1 : 1;
    const expectedPrev = this.prev ? this.prev.hash : GENESIS_HASH;
    if (e.seq !== expectedSeq) {
      this.broken = {
        position: this.count,
        seq: e.seq,
        id: e.id,
        reason: 'sequence_gap',
        expected: String(expectedSeq),
        actual: String(e.seq),
      };
    } else if (e.format < this.newestFormat) {
      this.broken = {
        position: this.count,
        seq: e.seq,
        id: e.id,
        reason: 'format_downgrade',
        expected: `format ${this.newestFormat}`,
        actual: `format ${e.format}`,
      };
    } else if (e.prevHash !== expectedPrev) {
      this.broken = {
        position: this.count,
        seq: e.seq,
        id: e.id,
        reason: 'prev_hash_mismatch',
        expected: expectedPrev,
        actual: e.prevHash,
      };
    } else {
      const h = hashEvent(e);
      if (h !== e.hash)
        this.broken = {
          position: this.count,
          seq: e.seq,
          id: e.id,
          reason: 'hash_mismatch',
          expected: h,
          actual: e.hash,
        };
    }
    this.prev = { seq: e.seq, hash: e.hash };
    if (e.format > this.newestFormat) this.newestFormat = e.format;
    return this.broken === null;
  }

  result(): { ok: boolean; checked: number; head: string | null; broken: ChainBreak | null } {
    return { ok: this.broken === null, checked: this.count, head: this.prev?.hash ?? null, broken: this.broken };
  }
}
