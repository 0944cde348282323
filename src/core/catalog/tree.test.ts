import { describe, expect, it } from 'vitest';
import type { CatalogNode } from './model';
import { ancestors, buildTree, childrenOf, descendantCounts } from './tree';

const n = (id: string, parentId: string | null, position: number, kind = 'item'): CatalogNode => ({
  id,
  kind,
  depth: 0,
  parentId,
  position,
  label: id,
  flags: [],
  title: {},
  text: {},
  textSource: {},
  params: [],
  sourceRefs: [],
  props: {},
});

const tree = buildTree({
  nodes: [
    n('9', null, 0, 'clause'),
    n('9.2', '9', 0, 'category'),
    n('9.2.3', '9.2', 0, 'objective'),
    n('9.2.3.2', '9.2.3', 1, 'detailed'),
    n('9.2.3.1', '9.2.3', 0, 'detailed'),
    n('9.4', '9', 1, 'category'),
    n('10', null, 1, 'clause'),
  ],
});

describe('tree helpers', () => {
  it('lists children in position order and roots under null', () => {
    expect(childrenOf(tree, '9.2.3').map((c) => c.id)).toEqual(['9.2.3.1', '9.2.3.2']);
    expect(childrenOf(tree, null).map((c) => c.id)).toEqual(['9', '10']);
    expect(childrenOf(tree, '10')).toEqual([]);
  });

  it('counts descendants, optionally of one kind', () => {
    const all = descendantCounts(tree);
    expect([all.get('9'), all.get('9.2'), all.get('9.2.3'), all.get('9.2.3.1'), all.get('10')]).toEqual([
      5, 3, 2, 0, 0,
    ]);
    const detailed = descendantCounts(tree, (c) => c.kind === 'detailed');
    expect([detailed.get('9'), detailed.get('9.4')]).toEqual([2, 0]);
  });

  it('gives the ancestor path root first', () => {
    expect(ancestors(tree, '9.2.3.1').map((a) => a.id)).toEqual(['9', '9.2', '9.2.3']);
    expect(ancestors(tree, '9')).toEqual([]);
    expect(ancestors(tree, 'nope')).toEqual([]);
  });

  it('survives a parent cycle in bad data', () => {
    const bad = buildTree({ nodes: [n('a', 'b', 0), n('b', 'a', 0)] });
    expect(ancestors(bad, 'a').map((x) => x.id)).toEqual(['a', 'b']);
  });
});
