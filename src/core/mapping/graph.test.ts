import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { compareEditions, MappingGraph } from './graph';
import type { Mapping, MappingMethod, Relationship } from './model';

const m = (
  source: string,
  target: string,
  relationship: Relationship,
  confidence = 0.9,
  method: MappingMethod = 'official',
): Mapping => ({
  source,
  target,
  relationship,
  confidence,
  provenance: { document: 'test', method },
});

// a:1 (objective o, detailed d under it) → b:1 → c:1 and c:2 (newer edition); a second route via b:1:q.
const graph = new MappingGraph([
  m('a:1:d', 'a:1:o', 'subset-of', 1, 'derived'),
  m('a:1:o', 'b:1:x', 'equal', 0.9, 'derived'),
  m('b:1:x', 'c:2:y', 'subset-of', 0.7),
  m('b:1:x', 'c:2:z', 'intersects-with', 0.4),
  m('a:1:o', 'b:1:q', 'superset-of', 0.8),
  m('b:1:q', 'c:2:y', 'equal', 0.9),
  m('b:1:x', 'c:1:y', 'equal', 1),
  m('a:1:o', 'e:1:n', 'no-relationship', 1),
  m('e:1:n', 'c:2:y', 'equal', 1),
]);

describe('MappingGraph', () => {
  it('resolves a catalog name to its newest edition and checks explicit editions', () => {
    expect(graph.resolveCatalog('c')).toBe('c:2');
    expect(graph.resolveCatalog('c:1')).toBe('c:1');
    expect(() => graph.resolveCatalog('zz')).toThrowError(/not found/);
    try {
      graph.resolveCatalog('c:9');
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('not_found');
    }
  });

  it('returns every path with composed relationship, min confidence and method', () => {
    const r = graph.paths('a:1:o', 'c');
    expect(r.toCatalog).toBe('c:2');
    expect(r.paths.map((p) => [p.links.map((l) => l.to).join('>'), p.relationship, p.confidence, p.method])).toEqual([
      ['b:1:q>c:2:y', 'superset-of', 0.8, 'official'],
      ['b:1:x>c:2:y', 'subset-of', 0.7, 'derived'],
      ['b:1:x>c:2:z', 'intersects-with', 0.4, 'derived'],
    ]);
    // Grouped by target: the strongest relationship among its paths; equal strength → higher confidence.
    expect(r.targets.map((t) => [t.target, t.relationship, t.paths.length])).toEqual([
      ['c:2:y', 'superset-of', 2],
      ['c:2:z', 'intersects-with', 1],
    ]);
  });

  it('walks stored mappings backwards with the inverse relationship', () => {
    const r = graph.paths('c:2:y', 'a');
    const viaX = r.paths.find((p) => p.links[0]!.to === 'b:1:x')!;
    expect(viaX.links.map((l) => [l.relationship, l.inverted])).toEqual([
      ['superset-of', true],
      ['equal', true],
    ]);
    expect(viaX.relationship).toBe('superset-of');
  });

  it('takes hops inside the source catalog (detailed → objective) before leaving it', () => {
    const r = graph.paths('a:1:d', 'c:2');
    const best = r.targets[0]!;
    expect(best.target).toBe('c:2:y');
    expect(best.paths[0]!.links.map((l) => l.to)).toEqual(['a:1:o', 'b:1:x', 'c:2:y']);
    expect(best.relationship).toBe('subset-of');
  });

  it('breaks paths at no-relationship and honours via and maxDepth', () => {
    // The direct a:1:o → e:1:n link is 'no-relationship'; only the detour through b and c reaches e.
    expect(graph.paths('a:1:o', 'e').paths.every((p) => p.links.length === 3)).toBe(true);
    expect(graph.paths('a:1:o', 'e', { via: [] }).paths).toEqual([]);
    const via = graph.paths('a:1:o', 'c:2', { via: ['b'] });
    expect(via.via).toEqual(['b:1', 'c:2']);
    expect(via.paths).toHaveLength(3);
    expect(graph.paths('a:1:o', 'c:2', { via: ['e'] }).paths).toEqual([]);
    expect(graph.paths('a:1:d', 'c:2', { maxDepth: 2 }).paths).toEqual([]);
  });

  it('never re-enters a catalog it has left', () => {
    const g = new MappingGraph([
      m('a:1:1', 'b:1:1', 'equal'),
      m('b:1:1', 'a:1:2', 'equal'),
      m('a:1:2', 'c:1:1', 'equal'),
    ]);
    expect(g.paths('a:1:1', 'c').paths).toEqual([]);
  });

  it('hops to an older edition of the starting catalog, and never loops back through editions', () => {
    // s:2 succeeds s:1 (node by node); s:1's objective o maps to t. New node s:2:n sits under s:2:o.
    const g = new MappingGraph([
      m('s:2:o', 's:1:o', 'equal', 1, 'derived'),
      m('s:2:d', 's:1:d', 'equal', 1, 'derived'),
      m('s:2:d', 's:2:o', 'subset-of', 1, 'derived'),
      m('s:2:n', 's:2:o', 'subset-of', 1, 'derived'),
      m('s:1:d', 's:1:o', 'subset-of', 1, 'derived'),
      m('s:1:o', 't:1:x', 'equal', 0.9),
      m('t:1:x', 's:0:o', 'equal', 0.9),
      m('s:0:o', 'u:1:y', 'equal', 0.9),
    ]);
    const r = g.paths('s:2:o', 't');
    // Not the detour s:2:o ⊇ s:2:d = s:1:d ⊆ s:1:o: that visits item s:o twice.
    expect(r.paths.map((p) => p.links.map((l) => l.to).join('>'))).toEqual(['s:1:o>t:1:x']);
    expect(r.paths[0]!.relationship).toBe('equal');
    expect(g.paths('s:2:n', 't').paths.map((p) => p.links.map((l) => l.to).join('>'))).toEqual(['s:2:o>s:1:o>t:1:x']);
    // The edition hop is not a via step.
    expect(g.paths('s:2:o', 't', { via: [] }).paths).toHaveLength(1);
    // Once the path has left s it never enters another edition of s (s:0 is only reachable through t).
    expect(g.paths('s:2:o', 'u').paths).toEqual([]);
    expect(g.paths('s:1:o', 's:2').targets.map((t) => [t.target, t.relationship])).toEqual([
      ['s:2:o', 'equal'],
      ['s:2:d', 'superset-of'],
    ]);
  });

  it('orders editions numerically', () => {
    expect(['5.2.0', '5.1.1+u4', '5.1.1', '5.10'].sort(compareEditions)).toEqual([
      '5.1.1',
      '5.1.1+u4',
      '5.2.0',
      '5.10',
    ]);
    expect(compareEditions('2024-07', '2022-04')).toBeGreaterThan(0);
  });
});
