import { describe, expect, it } from 'vitest';
import { compose, composeAll, composeConfidence, composeMethod } from './compose';
import { confidenceLabel, inverse, invertMapping, relationships, strength, type Relationship } from './model';

// Written out by hand, row r1, column r2 — independent of the implementation's shortcuts.
const E = 'equal',
  SUB = 'subset-of',
  SUP = 'superset-of',
  INT = 'intersects-with',
  NO = 'no-relationship';
const table: Record<Relationship, Record<Relationship, Relationship | null>> = {
  equal: { equal: E, 'subset-of': SUB, 'superset-of': SUP, 'intersects-with': INT, 'no-relationship': null },
  'subset-of': { equal: SUB, 'subset-of': SUB, 'superset-of': INT, 'intersects-with': INT, 'no-relationship': null },
  'superset-of': { equal: SUP, 'subset-of': INT, 'superset-of': SUP, 'intersects-with': INT, 'no-relationship': null },
  'intersects-with': {
    equal: INT,
    'subset-of': INT,
    'superset-of': INT,
    'intersects-with': INT,
    'no-relationship': null,
  },
  'no-relationship': {
    equal: null,
    'subset-of': null,
    'superset-of': null,
    'intersects-with': null,
    'no-relationship': null,
  },
};

describe('compose', () => {
  for (const r1 of relationships) {
    for (const r2 of relationships) {
      it(`${r1} ∘ ${r2} = ${table[r1][r2]}`, () => {
        expect(compose(r1, r2)).toBe(table[r1][r2]);
      });
    }
  }

  it('is never stronger than its weakest link', () => {
    for (const r1 of relationships)
      for (const r2 of relationships) {
        const c = compose(r1, r2);
        if (c) expect(strength(c)).toBeLessThanOrEqual(Math.min(strength(r1), strength(r2)));
      }
  });

  it('has equal as identity on both sides', () => {
    for (const r of relationships) if (r !== NO) expect([compose(E, r), compose(r, E)]).toEqual([r, r]);
  });

  it('composes a chain and breaks on no-relationship', () => {
    expect(composeAll([E, SUB, SUB, E])).toBe(SUB);
    expect(composeAll([SUB, E, SUP])).toBe(INT);
    expect(composeAll([E, NO, E])).toBeNull();
    expect(composeAll([])).toBeNull();
  });

  it('inverts both directions consistently: inverse(compose(a,b)) = compose(inverse(b), inverse(a))', () => {
    for (const a of relationships)
      for (const b of relationships)
        expect(compose(inverse(b), inverse(a))).toBe(((c) => (c ? inverse(c) : null))(compose(a, b)));
  });
});

describe('inverse, method and confidence', () => {
  it('swaps subset and superset only', () => {
    expect(inverse(SUB)).toBe(SUP);
    expect(inverse(SUP)).toBe(SUB);
    for (const r of [E, INT, NO] as const) expect(inverse(r)).toBe(r);
    const m = invertMapping({
      source: 'a:1:x',
      target: 'b:1:y',
      relationship: SUB,
      provenance: { document: 'd', method: 'official' },
      confidence: 0.5,
    });
    expect(m).toMatchObject({ source: 'b:1:y', target: 'a:1:x', relationship: SUP, confidence: 0.5 });
  });

  it('is official only when every link is', () => {
    expect(composeMethod(['official', 'official'])).toBe('official');
    expect(composeMethod(['official', 'derived'])).toBe('derived');
    expect(composeMethod(['community', 'official'])).toBe('derived');
    expect(composeMethod(['manual'])).toBe('manual');
  });

  it('takes the minimum confidence and names it', () => {
    expect(composeConfidence([0.9, 0.4, 1])).toBe(0.4);
    expect(confidenceLabel(1)).toBe('certain');
    expect(confidenceLabel(0.9)).toBe('high');
    expect(confidenceLabel(0.7)).toBe('medium');
    expect(confidenceLabel(0.4)).toBe('low');
  });
});
