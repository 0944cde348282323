import { describe, expect, it } from 'vitest';
import { checkpointPayload, judgeCheckpoint, type SignedCheckpoint } from './audit-checkpoint';

const cp: SignedCheckpoint = {
  v: 1,
  seq: 5,
  hash: 'h5',
  firstHash: 'h1',
  at: '2026-11-26T00:00:00.000Z',
  keyId: 'k',
  signature: 's',
};
const chain = (hashes: Record<number, string>) => ({
  firstHash: hashes[1] ?? null,
  lastSeq: Math.max(0, ...Object.keys(hashes).map(Number)),
  hashAt: (seq: number) => hashes[seq],
});

describe('judgeCheckpoint', () => {
  it.each([
    ['the same chain, grown', { 1: 'h1', 5: 'h5', 6: 'h6' }, 'ok'],
    ['newest events gone', { 1: 'h1', 3: 'h3' }, 'truncated'],
    ['the event at its head changed', { 1: 'h1', 5: 'x5' }, 'rewritten'],
    ['an empty log', {}, 'reset'],
    ['a log started again', { 1: 'x1', 5: 'x5', 9: 'x9' }, 'reset'],
  ] as const)('%s → %s', (_what, hashes, result) => {
    expect(judgeCheckpoint(cp, 'ok', chain(hashes))).toBe(result);
  });

  it('trusts nothing a bad signature says', () => {
    expect(judgeCheckpoint(cp, 'bad_signature', chain({ 1: 'h1', 5: 'h5' }))).toBe('bad_signature');
  });

  it('signs every field but the signature, in canonical order', () => {
    expect(checkpointPayload(cp)).toBe(
      '{"at":"2026-11-26T00:00:00.000Z","firstHash":"h1","hash":"h5","keyId":"k","seq":5,"v":1}',
    );
  });
});
