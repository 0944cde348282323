import type { CatalogEdition } from '../../core/catalog/model';
import { DomainError } from '../../core/errors';
import type { MappingSet } from '../../core/mapping/model';
import { oscalCatalogToEdition, type Catalog } from '../oscal';
import { baselineFromProfile } from './baselines';
import { contentDir as defaultDir, readJson } from './content-dir';
import { iso2013Edition, iso2022Edition } from './iso';
import { ismapEditionFromSkeleton } from './ismap';
import { ismapMappingSets } from './mappings-ismap';
import { nistIsoMappingSet } from './mappings-nist-iso';
import { ISO_CORRESPONDENCE_FILE, isoCorrespondenceMappingSet } from './mappings-iso-correspondence';
import { nistRevisionMappingSet } from './mappings-nist-revisions';

export interface BundledContent {
  /** In a fixed order: ISMAP, ISO 2013, ISO 2022, SP 800-53 r5, r4, then the baselines. */
  editions: CatalogEdition[];
  mappingSets: MappingSet[];
  /** Data mismatches found while building (ids one source has and the other lacks, refs that cannot be read). */
  warnings: string[];
}

const R5 = 'content/nist-sp800-53-rev5/PROVENANCE.md';
const R4 = 'content/nist-sp800-53-rev4/PROVENANCE.md';
const FR = 'content/fedramp-rev5/PROVENANCE.md';

const baselines = [
  {
    catalog: 'nist-800-53r5-low',
    source: 'r5',
    file: 'nist-sp800-53-rev5/profiles/NIST_SP-800-53_rev5_LOW-baseline_profile-min.json',
    provenance: R5,
  },
  {
    catalog: 'nist-800-53r5-moderate',
    source: 'r5',
    file: 'nist-sp800-53-rev5/profiles/NIST_SP-800-53_rev5_MODERATE-baseline_profile-min.json',
    provenance: R5,
  },
  {
    catalog: 'nist-800-53r5-high',
    source: 'r5',
    file: 'nist-sp800-53-rev5/profiles/NIST_SP-800-53_rev5_HIGH-baseline_profile-min.json',
    provenance: R5,
  },
  {
    catalog: 'nist-800-53r5-privacy',
    source: 'r5',
    file: 'nist-sp800-53-rev5/profiles/NIST_SP-800-53_rev5_PRIVACY-baseline_profile-min.json',
    provenance: R5,
  },
  {
    catalog: 'nist-800-53r4-low',
    source: 'r4',
    file: 'nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_LOW-baseline_profile-min.json',
    provenance: R4,
  },
  {
    catalog: 'nist-800-53r4-moderate',
    source: 'r4',
    file: 'nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_MODERATE-baseline_profile-min.json',
    provenance: R4,
  },
  {
    catalog: 'nist-800-53r4-high',
    source: 'r4',
    file: 'nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_HIGH-baseline_profile-min.json',
    provenance: R4,
  },
  {
    catalog: 'fedramp-rev5-low',
    source: 'r5',
    file: 'fedramp-rev5/profiles/FedRAMP_rev5_LOW-baseline_profile-min.json',
    provenance: FR,
  },
  {
    catalog: 'fedramp-rev5-moderate',
    source: 'r5',
    file: 'fedramp-rev5/profiles/FedRAMP_rev5_MODERATE-baseline_profile-min.json',
    provenance: FR,
  },
  {
    catalog: 'fedramp-rev5-high',
    source: 'r5',
    file: 'fedramp-rev5/profiles/FedRAMP_rev5_HIGH-baseline_profile-min.json',
    provenance: FR,
  },
  {
    catalog: 'fedramp-rev5-li-saas',
    source: 'r5',
    file: 'fedramp-rev5/profiles/FedRAMP_rev5_LI-SaaS-baseline_profile-min.json',
    provenance: FR,
  },
] as const;

/** `metadata.version` of an OSCAL catalog or profile document. */
function oscalVersion(json: unknown): string | null {
  const doc = json as {
    catalog?: { metadata?: { version?: string } };
    profile?: { metadata?: { version?: string } };
  } | null;
  return doc?.catalog?.metadata?.version ?? doc?.profile?.metadata?.version ?? null;
}

/** SP 800-53 catalogs go through the OSCAL importer's converter; we only check the document's outer shape. */
function nistEdition(json: unknown, catalog: string, edition: string, provenance: string) {
  const doc = json as { catalog?: { metadata?: unknown; groups?: unknown } } | null;
  if (!doc?.catalog?.metadata || !Array.isArray(doc.catalog.groups)) {
    throw new DomainError('validation_failed', `${catalog}: not an OSCAL catalog document`, [
      { path: ['catalog'], message: 'expected {catalog: {metadata, groups}}' },
    ]);
  }
  return oscalCatalogToEdition(json as { catalog: Catalog }, { catalog, edition, provenance });
}

/**
 * FedRAMP's profile version is 'fedramp2.1.0-oscal1.0.4'; the edition is the FedRAMP part ('2.1.0').
 * NIST's baselines take their catalog's edition: a baseline is a selection from that release.
 */
function baselineEdition(catalog: string, profile: unknown, sourceEdition: string): string {
  if (!catalog.startsWith('fedramp')) return sourceEdition;
  const v = oscalVersion(profile) ?? '';
  return /^fedramp(\d+(?:\.\d+)*)/.exec(v)?.[1] ?? v;
}

/** Builds every bundled catalog and mapping set from the content folder. Same files in, same output out. */
export async function loadBundledContent(dir: string = defaultDir): Promise<BundledContent> {
  const warnings: string[] = [];
  const [skeleton, iso13, iso22, r5json, r4json, nistIso, isoCorrespondence, ...profiles] = await Promise.all([
    readJson(dir, 'ismap/criteria-skeleton.json'),
    readJson(dir, 'iso27001/iso27001-2013_ids-and-titles_from-nist.json'),
    readJson(dir, 'iso27001/iso27001-2022_ids.json'),
    readJson(dir, 'nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json'),
    readJson(dir, 'nist-sp800-53-rev4/catalog/NIST_SP-800-53_rev4_catalog-min.json'),
    readJson(dir, 'mappings/nist-sp800-53r5_iso27001-2013_nist/nist-sp800-53r5_iso27001-2013_nist-mapping.json'),
    readJson(dir, ISO_CORRESPONDENCE_FILE),
    ...baselines.map((b) => readJson(dir, b.file)),
  ]);
  const r5Version = oscalVersion(r5json);
  if (r5Version !== '5.1.1')
    throw new DomainError('import_failed', `SP 800-53 rev5 catalog version is ${r5Version}, expected 5.1.1`);
  const ismap = ismapEditionFromSkeleton(skeleton);
  const iso2013 = iso2013Edition(iso13);
  const iso2022 = iso2022Edition(iso22);
  const r5 = nistEdition(r5json, 'nist-800-53r5', '5.1.1', R5);
  // The rev4 OSCAL catalog calls its version '2015-01-22' (the errata date); people call the release 4.0.
  const r4 = nistEdition(r4json, 'nist-800-53r4', '4.0', R4);

  const editions: CatalogEdition[] = [ismap, iso2013, iso2022, r5, r4];
  const mappingSets: MappingSet[] = [];
  const ismapSets = ismapMappingSets(ismap, iso2013);
  mappingSets.push(...ismapSets.sets);
  warnings.push(...ismapSets.warnings);
  const nistIsoSet = nistIsoMappingSet(nistIso, iso2013, r5);
  mappingSets.push(nistIsoSet.set);
  warnings.push(...nistIsoSet.warnings);
  const correspondence = isoCorrespondenceMappingSet(isoCorrespondence, iso2013, iso2022);
  mappingSets.push(correspondence.set, nistRevisionMappingSet(r4, r5));
  warnings.push(...correspondence.warnings);

  baselines.forEach((b, i) => {
    const profile = profiles[i];
    const source = b.source === 'r5' ? r5 : r4;
    const result = baselineFromProfile(profile, source, {
      catalog: b.catalog,
      edition: baselineEdition(b.catalog, profile, source.edition),
      provenance: b.provenance,
      document: `content/${b.file}`,
    });
    for (const id of result.missing)
      warnings.push(`${b.catalog}: selected control ${id} is not in ${source.catalog} ${source.edition}`);
    editions.push(result.edition);
    mappingSets.push(result.mappingSet);
  });
  return { editions, mappingSets, warnings };
}
