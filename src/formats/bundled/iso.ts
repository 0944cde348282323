import { z } from 'zod';
import type { CatalogEdition, CatalogNode } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { makeNode, numberSiblings } from './node';

/**
 * ISO/IEC 27001 identifiers as catalogs. No standard text is shipped (© ISO/IEC): 2013 has ids and NIST-quoted
 * short titles, 2022 ids and theme names only. The 2013 edition also keeps the requirement clauses 4–10,
 * because NIST's mapping and the ISMAP management criteria refer to them.
 */
const iso2013Schema = z.object({
  items: z.array(
    z.object({
      id: z.string().regex(/^(A\.)?\d+(\.\d+)*$/),
      title: z.string(),
      level: z.enum(['clause', 'domain', 'objective', 'control']),
    }),
  ),
});
const iso2022Schema = z.object({
  themes: z.array(z.object({ id: z.string(), name: z.string(), controls: z.number().int() })),
  controls: z.array(z.string().regex(/^A\.\d+\.\d+$/)),
});

function fail(what: string, error: z.ZodError): never {
  throw new DomainError(
    'validation_failed',
    `${what}: invalid`,
    error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

const parentOf = (id: string) => id.slice(0, id.lastIndexOf('.'));

// NIST's level names, mapped onto the model's kinds.
const kinds = { clause: 'clause', domain: 'domain', objective: 'objective', control: 'annex-control' } as const;

export function iso2013Edition(json: unknown, provenance = 'content/iso27001/PROVENANCE.md'): CatalogEdition {
  const r = iso2013Schema.safeParse(json);
  if (!r.success) fail('ISO/IEC 27001:2013 ids', r.error);
  const nodes: CatalogNode[] = r.data.items.map((it) =>
    makeNode({
      id: it.id,
      kind: kinds[it.level],
      depth: 0,
      parentId: it.level === 'domain' || (it.level === 'clause' && !it.id.includes('.')) ? null : parentOf(it.id),
      position: 0,
      title: { en: it.title },
      textSource: { en: 'title: NIST SP 800-53r5 to ISO/IEC 27001 mapping, Table 2 (ISO short title)' },
      props: { part: it.id.startsWith('A.') ? 'annex-a' : 'requirements' },
    }),
  );
  return {
    catalog: 'iso27001-2013',
    edition: '2013',
    title: { en: 'ISO/IEC 27001:2013' },
    provenance,
    publishedAt: '2013-10-01',
    nodes: numberSiblings(nodes),
  };
}

export function iso2022Edition(json: unknown, provenance = 'content/iso27001/PROVENANCE.md'): CatalogEdition {
  const r = iso2022Schema.safeParse(json);
  if (!r.success) fail('ISO/IEC 27001:2022 ids', r.error);
  const nodes: CatalogNode[] = [];
  for (const theme of r.data.themes) {
    nodes.push(
      makeNode({
        id: theme.id,
        kind: 'theme',
        depth: 0,
        parentId: null,
        position: 0,
        title: { en: theme.name },
        textSource: { en: 'title: ISO/IEC 27001:2022 theme name' },
      }),
    );
    const members = r.data.controls.filter((c) => c.startsWith(`${theme.id}.`));
    if (members.length !== theme.controls) {
      throw new DomainError(
        'validation_failed',
        `ISO/IEC 27001:2022 theme ${theme.id}: ${members.length} controls listed, ${theme.controls} expected`,
      );
    }
    for (const c of members)
      nodes.push(makeNode({ id: c, kind: 'annex-control', depth: 1, parentId: theme.id, position: 0 }));
  }
  return {
    catalog: 'iso27001-2022',
    edition: '2022',
    title: { en: 'ISO/IEC 27001:2022' },
    provenance,
    publishedAt: '2022-10-25',
    nodes: numberSiblings(nodes),
  };
}
