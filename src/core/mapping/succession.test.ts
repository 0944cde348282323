import { describe, expect, it } from 'vitest';
import type { CatalogEdition, CatalogNode } from '../catalog/model';
import { editionSuccession } from './succession';

const node = (id: string, kind: string, parentId: string | null, flags: string[] = []): CatalogNode => ({
  id,
  kind,
  depth: 0,
  parentId,
  position: 0,
  label: id,
  flags,
  title: {},
  text: {},
  textSource: {},
  params: [],
  sourceRefs: [],
  props: {},
});
const edition = (name: string, nodes: CatalogNode[]): CatalogEdition => ({
  catalog: 'ismap',
  edition: name,
  title: {},
  provenance: 'test',
  publishedAt: null,
  nodes,
});

describe('editionSuccession', () => {
  const base = edition('2024-07', [
    node('9.2.3', 'objective', null),
    node('9.2.3.1', 'detailed', '9.2.3'),
    node('9.2.3.2.B', 'detailed', '9.2.3', ['B']),
    node('9.2.4', 'objective', null),
  ]);
  const next = edition('2025-01', [
    node('9.2.3', 'objective', null),
    node('9.2.3.1', 'detailed', '9.2.3'),
    node('9.2.3.2.B', 'detailed', '9.2.3', []),
    node('9.2.3.20', 'detailed', '9.2.3'),
  ]);
  const within = [
    {
      source: 'ismap:2024-07:9.2.3.1',
      target: 'ismap:2024-07:9.2.3',
      relationship: 'subset-of' as const,
      provenance: { document: 'skeleton', method: 'derived' as const },
      confidence: 1,
    },
    {
      source: 'ismap:2024-07:9.2.3.2.B',
      target: 'ismap:2024-07:9.2.3',
      relationship: 'subset-of' as const,
      provenance: { document: 'skeleton', method: 'derived' as const },
      confidence: 1,
    },
    {
      source: 'ismap:2024-07:9.2.3.1',
      target: 'ismap:2024-07:9.2.4',
      relationship: 'intersects-with' as const,
      provenance: { document: 'me', method: 'manual' as const },
      confidence: 0.4,
    },
  ];
  const r = editionSuccession(base, next, within);

  it('links every shared id new ⇢ base: equal when structure is unchanged, intersects-with otherwise', () => {
    expect(r.succession.id).toBe('succession:ismap:2024-07→2025-01');
    expect(r.succession.mappings.map((m) => [m.source, m.target, m.relationship, m.confidence])).toEqual([
      ['ismap:2025-01:9.2.3', 'ismap:2024-07:9.2.3', 'equal', 1],
      ['ismap:2025-01:9.2.3.1', 'ismap:2024-07:9.2.3.1', 'equal', 1],
      ['ismap:2025-01:9.2.3.2.B', 'ismap:2024-07:9.2.3.2.B', 'intersects-with', 0.7],
    ]);
    expect(r.succession.mappings[0]!.provenance).toEqual({
      document: 'ISMAP Hub: edition 2025-01 created from 2024-07',
      method: 'derived',
    });
  });

  it('copies derived links within the base where both ends remain, and links new detailed controls to their objective', () => {
    expect(r.structure.id).toBe('structure:ismap:2025-01');
    expect(r.structure.mappings.map((m) => [m.source, m.target, m.relationship, m.provenance.document])).toEqual([
      ['ismap:2025-01:9.2.3.1', 'ismap:2025-01:9.2.3', 'subset-of', 'skeleton'],
      ['ismap:2025-01:9.2.3.2.B', 'ismap:2025-01:9.2.3', 'subset-of', 'skeleton'],
      ['ismap:2025-01:9.2.3.20', 'ismap:2025-01:9.2.3', 'subset-of', 'ISMAP Hub: edition 2025-01 created from 2024-07'],
    ]);
  });
});

describe('editionSuccession for an edition older than its base', () => {
  const base = edition('2024-07', [node('9.2.3', 'objective', null), node('9.2.3.1', 'detailed', '9.2.3')]);
  const older = edition('2022-04', [node('9.2.3', 'objective', null), node('9.2.3.1', 'detailed', '9.2.3')]);

  it('follows edition order, not creation order: 2024-07 succeeds the 2022-04 created from it', () => {
    const r = editionSuccession(base, older, []);
    expect(r.succession.id).toBe('succession:ismap:2022-04→2024-07');
    expect(r.succession.title).toBe('ismap 2024-07 succeeds 2022-04');
    expect(r.succession.mappings.map((m) => [m.source, m.target])).toEqual([
      ['ismap:2024-07:9.2.3', 'ismap:2022-04:9.2.3'],
      ['ismap:2024-07:9.2.3.1', 'ismap:2022-04:9.2.3.1'],
    ]);
    expect(r.structure.id).toBe('structure:ismap:2022-04');
  });
});
