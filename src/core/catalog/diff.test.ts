import { describe, expect, it } from 'vitest';
import { diffEditions } from './diff';
import type { CatalogEdition, CatalogNode } from './model';

const n = (id: string, over: Partial<CatalogNode> = {}): CatalogNode => ({
  id,
  kind: 'detailed',
  depth: 3,
  parentId: '9.2.3',
  position: 0,
  label: id,
  flags: [],
  title: {},
  text: {},
  textSource: {},
  params: [],
  sourceRefs: [],
  props: {},
  ...over,
});
const ed = (edition: string, nodes: CatalogNode[]): CatalogEdition => ({
  catalog: 'ismap',
  edition,
  title: {},
  provenance: 't',
  nodes,
});

describe('diffEditions', () => {
  const a = ed('2022-04', [
    n('9.2.3.1', { text: { ja: '旧', en: 'old' } }),
    n('9.2.3.2', { flags: ['P'], position: 1 }),
    n('9.2.3.3', { position: 2 }),
    n('9.2.3.4', { position: 3, params: [{ id: 'p1', label: 'frequency' }] }),
  ]);
  const b = ed('2024-07', [
    n('9.2.3.1', { text: { ja: '新', en: 'old' } }),
    n('9.2.3.2', { flags: ['B', 'P'], position: 1 }),
    n('9.2.3.4', { position: 2, parentId: '9.2.4', params: [{ id: 'p1', label: 'frequency', values: ['yearly'] }] }),
    n('9.2.3.5', { position: 3, title: { en: 'new' } }),
  ]);
  const d = diffEditions(a, b);

  it('finds added and removed nodes', () => {
    expect(d.added.map((x) => x.id)).toEqual(['9.2.3.5']);
    expect(d.removed.map((x) => x.id)).toEqual(['9.2.3.3']);
    expect(d.from).toEqual({ catalog: 'ismap', edition: '2022-04' });
  });

  it('names the changed fields per language', () => {
    expect(d.changed.map((c) => [c.id, c.fields])).toEqual([
      ['9.2.3.1', ['text.ja']],
      ['9.2.3.2', ['flags']],
      ['9.2.3.4', ['parent', 'position', 'params']],
    ]);
    expect(d.unchangedCount).toBe(0);
  });

  it('lists ids in natural order, not text order', () => {
    const x = ed('1', [n('9.2.3.1')]);
    const y = ed('2', [
      n('9.2.3.1'),
      n('9.2.3.11.PB', { position: 1 }),
      n('9.2.3.10', { position: 2 }),
      n('9.2.3.2', { position: 3 }),
    ]);
    expect(diffEditions(x, y).added.map((a) => a.id)).toEqual(['9.2.3.2', '9.2.3.10', '9.2.3.11.PB']);
    expect(diffEditions(y, x).removed.map((a) => a.id)).toEqual(['9.2.3.2', '9.2.3.10', '9.2.3.11.PB']);
  });

  it('treats null, undefined and missing text alike and ignores flag order', () => {
    const x = ed('1', [n('1', { title: { ja: null }, flags: ['P', 'B'] })]);
    const y = ed('2', [n('1', { title: {}, flags: ['B', 'P'] })]);
    expect(diffEditions(x, y)).toMatchObject({ added: [], removed: [], changed: [], unchangedCount: 1 });
  });
});
