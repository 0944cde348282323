import { describe, expect, it } from 'vitest';
import { foldBaselineHits } from './search-fold';
import type { SearchHit } from './search-index';

const hit = (catalog: string, id: string, score = 10_000): SearchHit => ({
  key: `${catalog}:1:${id}`,
  catalog,
  edition: '1',
  id,
  label: id,
  kind: 'control',
  title: null,
  score,
  matchedIn: 'id',
  snippet: id,
});
const sources: Record<string, string> = {
  'low:1:ac-2': 'r5:1:ac-2',
  'high:1:ac-2': 'r5:1:ac-2',
  'r4low:1:ac-2': 'r4:1:ac-2',
  'high:1:ac-3': 'r5:1:ac-3',
};
const opts = (named: string[] = [], limit = 20) => ({
  limit,
  sourceOf: (h: SearchHit) => sources[h.key],
  named: (h: SearchHit) => named.includes(h.catalog),
});

describe('foldBaselineHits', () => {
  const hits = [
    hit('high', 'ac-2'),
    hit('low', 'ac-2'),
    hit('r4', 'ac-2'),
    hit('r4low', 'ac-2'),
    hit('r5', 'ac-2'),
    hit('ismap', '9.2.3', 10_000),
    hit('high', 'ac-3', 5),
  ];

  it('folds baseline copies into their source hit and ranks ISMAP, then base catalogs, for equal scores', () => {
    const out = foldBaselineHits(hits, opts());
    expect(out.map((h) => [h.key, h.baselines])).toEqual([
      ['ismap:1:9.2.3', undefined],
      ['r4:1:ac-2', ['r4low']],
      ['r5:1:ac-2', ['high', 'low']],
      // Its source did not match: the baseline hit stands alone.
      ['high:1:ac-3', undefined],
    ]);
    expect(hits[4]!.baselines).toBeUndefined(); // inputs are not changed
  });

  it('keeps the hits of a baseline the filter names, and honours the limit', () => {
    expect(foldBaselineHits(hits, opts(['high'])).map((h) => h.key)).toEqual([
      'ismap:1:9.2.3',
      'r4:1:ac-2',
      'r5:1:ac-2',
      'high:1:ac-2',
      'high:1:ac-3',
    ]);
    expect(foldBaselineHits(hits, opts([], 2)).map((h) => h.key)).toEqual(['ismap:1:9.2.3', 'r4:1:ac-2']);
  });
});
