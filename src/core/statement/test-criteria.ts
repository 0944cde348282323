import type { CatalogEdition, CatalogNode } from '../catalog/model';
import { makeNode } from '../catalog/model';

/**
 * A small ISMAP-shaped edition for tests: one governance process with two items, one management section with one
 * item, and controls clause 9 with objectives 9.2.3 (detailed 9.2.3.1, 9.2.3.2.B, 9.2.3.3.PB) and 9.2.4
 * (detailed 9.2.4.1).
 */
export function smallEdition(edition = '2024-07', extra: CatalogNode[] = []): CatalogEdition {
  const n = (id: string, kind: string, parentId: string | null, tier: string, flags: string[] = []) =>
    makeNode({ id, kind, depth: 0, parentId, position: 0, flags, props: { tier }, title: { en: `title ${id}` } });
  return {
    catalog: 'ismap',
    edition,
    title: {},
    provenance: 'test',
    publishedAt: null,
    nodes: [
      n('tier:governance', 'tier', null, 'governance'),
      n('3.1.2', 'process', 'tier:governance', 'governance'),
      n('3.1.2.1', 'item', '3.1.2', 'governance'),
      n('3.1.2.2', 'item', '3.1.2', 'governance'),
      n('tier:management', 'tier', null, 'management'),
      n('4.4', 'section', 'tier:management', 'management'),
      n('4.4.1', 'group', '4.4', 'management'),
      n('4.4.1.1', 'item', '4.4.1', 'management'),
      n('tier:controls', 'tier', null, 'controls'),
      n('9', 'clause', 'tier:controls', 'controls'),
      n('9.2', 'category', '9', 'controls'),
      n('9.2.3', 'objective', '9.2', 'controls'),
      n('9.2.3.1', 'detailed', '9.2.3', 'controls'),
      n('9.2.3.2.B', 'detailed', '9.2.3', 'controls', ['B']),
      n('9.2.3.3.PB', 'detailed', '9.2.3', 'controls', ['P', 'B']),
      n('9.2.4', 'objective', '9.2', 'controls'),
      n('9.2.4.1', 'detailed', '9.2.4', 'controls'),
      ...extra,
    ],
  };
}
