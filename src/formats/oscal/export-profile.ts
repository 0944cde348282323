import type { CatalogEdition, CatalogNode } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import { EXPORT_OSCAL_VERSION, ISMAP_NS, nameUuid, oscalId } from './export-catalog';
import type { Profile } from './types';

/**
 * The file name an exported edition is downloaded or written as: `ismap-2024-07.oscal.json`. The profiles below
 * import the catalog by this name (back-matter rlink), so a catalog and a profile saved side by side resolve.
 */
export function catalogFileName(catalog: string, edition: string, profile?: string): string {
  return `${catalog}-${edition}${profile ? `-${profile}-profile` : ''}.oscal.json`.replace(/[^A-Za-z0-9._-]/g, '_');
}

export interface ProfileExportOptions {
  /** Where the exported ISMAP catalog will be, relative to the profile (back-matter rlink); default `catalogFileName`. */
  catalogHref?: string;
  now?: Date;
}

function profileOf(
  edition: CatalogEdition,
  name: string,
  title: string,
  nodes: CatalogNode[],
  opts: ProfileExportOptions,
): { profile: Profile } {
  const resource = nameUuid(`catalog-resource:${edition.catalog}:${edition.edition}`);
  return {
    profile: {
      uuid: nameUuid(`profile:${name}:${edition.catalog}:${edition.edition}:${nodes.map((n) => n.id).join(',')}`),
      metadata: {
        title,
        'last-modified': (opts.now ?? new Date()).toISOString(),
        version: edition.edition,
        'oscal-version': EXPORT_OSCAL_VERSION,
        props: [{ name: 'profile', ns: ISMAP_NS, value: name }],
      },
      imports: [{ href: `#${resource}`, 'include-controls': [{ 'with-ids': nodes.map((n) => oscalId(n.id)) }] }],
      merge: { 'as-is': true },
      'back-matter': {
        resources: [
          {
            uuid: resource,
            title: [edition.title.ja, edition.title.en].filter(Boolean).join(' / ') || edition.catalog,
            rlinks: [
              {
                href: opts.catalogHref ?? catalogFileName(edition.catalog, edition.edition),
                'media-type': 'application/oscal.catalog+json',
              },
            ],
          },
        ],
      },
    },
  };
}

/**
 * "ISMAP basic statement requirements" (基本言明要件): every governance and management item, every control
 * objective, and every detailed control flagged B (.B / .PB). Imports the catalog written by catalogToOscal.
 */
export function profileBasicRequirements(
  edition: CatalogEdition,
  opts: ProfileExportOptions = {},
): { profile: Profile } {
  const nodes = edition.nodes.filter(
    (n) => n.kind === 'item' || n.kind === 'objective' || (n.kind === 'detailed' && n.flags.includes('B')),
  );
  return profileOf(edition, 'basic-statement-requirements', 'ISMAP basic statement requirements', nodes, opts);
}

/** "ISMAP-LIU audited subset": the given ISMAP ids (as people write them, e.g. '9.2.3.11.PB'), in catalog order. */
export function profileLiuSubset(
  edition: CatalogEdition,
  ids: string[],
  opts: ProfileExportOptions = {},
): { profile: Profile } {
  const byId = new Map(edition.nodes.map((n) => [n.id, n]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new DomainError(
      'validation_failed',
      `${unknown.length} id(s) not in ${edition.catalog} ${edition.edition}`,
      unknown.map((id) => ({
        path: ['ids', ids.indexOf(id)],
        message: `unknown ISMAP id ${id}`,
        code: 'unknown_ismap_id',
        params: { id },
      })),
      {
        reason: 'profile_unknown_ids',
        params: { count: unknown.length, catalog: edition.catalog, edition: edition.edition },
      },
    );
  }
  const wanted = new Set(ids);
  const nodes = edition.nodes.filter((n) => wanted.has(n.id));
  return profileOf(edition, 'liu-audited-subset', 'ISMAP-LIU audited subset', nodes, opts);
}
