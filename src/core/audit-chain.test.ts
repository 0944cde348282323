import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, digestOf, hashEvent, sealEvent, type AuditEvent } from './audit-chain';
import { canonicalJson } from './canonical-json';

const body = (n: number) => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
  at: `2026-11-26T00:00:0${n}.000Z`,
  actorUserId: null,
  actorOrgId: null,
  action: 'organization.create',
  targetType: 'organization',
  targetId: `o${n}`,
  beforeDigest: null,
  afterDigest: digestOf({ n }),
  requestId: null,
  details: { n, nested: { b: 2, a: 1 } },
});

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 1; i <= n; i++) out.push(sealEvent(body(i), out.at(-1) ?? null));
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":"é","z":1}]},"b":1}',
    );
  });
  it('rejects non-finite numbers', () => {
    expect(() => canonicalJson({ a: Infinity })).toThrow();
  });
});

describe('audit hash chain', () => {
  it('links each event to the previous one, starting from the genesis hash', () => {
    const c = chain(3);
    expect(c[0]!.prevHash).toBe(GENESIS_HASH);
    expect(c[1]!.prevHash).toBe(c[0]!.hash);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(hashEvent(c[2]!)).toBe(c[2]!.hash);
  });

  it('does not depend on key order in details (jsonb may reorder keys)', () => {
    const e = chain(1)[0]!;
    expect(hashEvent({ ...e, details: { nested: { a: 1, b: 2 }, n: 1 } })).toBe(e.hash);
  });

  it('verifies an intact chain', () => {
    const v = new ChainVerifier();
    for (const e of chain(5)) v.push(e);
    expect(v.result()).toMatchObject({ ok: true, checked: 5, broken: null });
  });

  it.each([
    ['an altered field', (c: AuditEvent[]) => (c[2] = { ...c[2]!, action: 'organization.delete' }), 'hash_mismatch'],
    [
      'a re-hashed altered event',
      (c: AuditEvent[]) => (c[2] = { ...c[2]!, targetId: 'x', hash: hashEvent({ ...c[2]!, targetId: 'x' }) }),
      'prev_hash_mismatch',
    ],
    ['a deleted event', (c: AuditEvent[]) => c.splice(2, 1), 'sequence_gap'],
  ] as const)('reports the first broken link for %s', (_name, tamper, reason) => {
    const c = chain(5);
    tamper(c);
    const v = new ChainVerifier();
    for (const e of c) v.push(e);
    const r = v.result();
    expect(r.ok).toBe(false);
    expect(r.broken!.reason).toBe(reason);
    // A re-hashed event passes its own check; the next one no longer points at it.
    expect(r.broken!.position).toBe(reason === 'prev_hash_mismatch' ? 4 : 3);
  });
});

describe('chain formats', () => {
  it('stamps new events with the stored precision and hashes it, so a microsecond counts', () => {
    const [e] = chain(1);
    expect(e!.format).toBe(2);
    expect(e!.at).toBe('2026-11-26T00:00:01.000000Z');
    expect(hashEvent({ ...e!, at: '2026-11-26T00:00:01.000001Z' })).not.toBe(e!.hash);
  });

  it('hashes format 1 as the old code did (milliseconds, no format field), and refuses finer digits it never wrote', () => {
    const old = { ...body(1), seq: 1, prevHash: GENESIS_HASH, at: '2026-11-26T00:00:01.000Z' };
    const legacy = createHash('sha256').update(canonicalJson(old), 'utf8').digest('hex');
    expect(hashEvent({ ...old, format: 1, at: '2026-11-26T00:00:01.000000Z' })).toBe(legacy);
    expect(hashEvent({ ...old, format: 1, at: '2026-11-26T00:00:01.000001Z' })).not.toBe(legacy);
  });

  it('reports a format 1 event after a format 2 one as a downgrade', () => {
    const c = chain(2);
    const second = { ...c[1]!, format: 1 as const };
    const v = new ChainVerifier();
    v.push(c[0]!);
    v.push({ ...second, hash: hashEvent(second) });
    expect(v.result().broken).toMatchObject({ seq: 2, reason: 'format_downgrade' });
  });
});
