import { dirname, join, resolve as resolvePath } from 'node:path';
import type { CatalogEdition } from '../../core/catalog/model';
import { gapIssue, type GapIssue } from '../../core/gap/issues';
import { sspToPosture, type SspResult } from '../../core/gap/ssp';
import { isDomainError } from '../../core/errors';
import { readJsonFile } from '../json-file';
import { fileLoader, resolveProfile } from '../oscal';
import { importCandidates } from '../oscal/load';
import type { Resource } from '../oscal/types';

/** OSCAL documents bundled in content/, offered to the resolver for an SSP's import-profile (matched by file name). */
export const BUNDLED_OSCAL = [
  'nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json',
  'nist-sp800-53-rev4/catalog/NIST_SP-800-53_rev4_catalog-min.json',
  ...['LOW', 'MODERATE', 'HIGH', 'PRIVACY'].map(
    (l) => `nist-sp800-53-rev5/profiles/NIST_SP-800-53_rev5_${l}-baseline_profile-min.json`,
  ),
  ...['LOW', 'MODERATE', 'HIGH'].map(
    (l) => `nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_${l}-baseline_profile-min.json`,
  ),
  ...['LOW', 'MODERATE', 'HIGH', 'LI-SaaS'].map(
    (l) => `fedramp-rev5/profiles/FedRAMP_rev5_${l}-baseline_profile-min.json`,
  ),
];

export interface LoadedSsp extends SspResult {
  file: string;
  revision: 'rev4' | 'rev5';
  /** The imported profile resolved (local file or bundled baseline), with the number of controls it selects. */
  profile: { href: string; resolved: boolean; title: string | null; controls: number; ids: string[] };
}

const activeIds = (e: CatalogEdition) =>
  new Set(
    e.nodes
      .filter((n) => (n.kind === 'control' || n.kind === 'enhancement') && !n.flags.includes('withdrawn'))
      .map((n) => n.id),
  );

interface Tree {
  id?: string;
  controls?: Tree[];
  groups?: Tree[];
}
const controlIds = (cs: Tree[] | undefined, out: string[]) => {
  for (const c of cs ?? []) {
    if (c.id) out.push(c.id);
    controlIds(c.controls, out);
  }
};
const groupIds = (gs: Tree[] | undefined, out: string[]) => {
  for (const g of gs ?? []) {
    controlIds(g.controls, out);
    groupIds(g.groups, out);
  }
};

/**
 * Reads an SSP, resolves its import-profile through the OSCAL resolver when the profile is a local file or one of
 * the bundled baselines (a remote or missing profile is a warning, not an error), and reads the posture.
 */
export async function loadSsp(
  path: string,
  opts: {
    contentDir: string;
    r4: CatalogEdition;
    r5: CatalogEdition;
    displayName?: string;
    revision?: 'rev4' | 'rev5';
  },
): Promise<LoadedSsp> {
  const file = opts.displayName ?? path.split(/[\\/]/).pop() ?? path;
  const json = await readJsonFile(path, file);
  const root = (
    json as {
      'system-security-plan'?: { 'import-profile'?: { href?: string }; 'back-matter'?: { resources?: Resource[] } };
    }
  )?.['system-security-plan'];
  const href = root?.['import-profile']?.href ?? '';
  const issues: GapIssue[] = [];
  const profile: LoadedSsp['profile'] = { href, resolved: false, title: null, controls: 0, ids: [] };
  let revision = opts.revision;
  if (href) {
    const uri = resolvePath(path);
    const loader = fileLoader({ catalogs: BUNDLED_OSCAL.map((f) => join(opts.contentDir, f)), cwd: dirname(uri) });
    const cand = importCandidates(href, root?.['back-matter']?.resources);
    const hrefs = 'hrefs' in cand ? cand.hrefs.filter((h) => !/\.(xml|ya?ml)$/i.test(h)) : [];
    for (const h of hrefs) {
      try {
        const loaded = await loader.load(h, uri);
        if (!('profile' in loaded.doc)) continue;
        const { catalog } = await resolveProfile(loaded.doc, {
          loader,
          uri: loaded.uri,
          now: new Date(0),
          uuid: '00000000-0000-4000-8000-000000000000',
        });
        const ids: string[] = [];
        groupIds(catalog.catalog.groups as Tree[] | undefined, ids);
        controlIds(catalog.catalog.controls as Tree[] | undefined, ids);
        profile.resolved = true;
        profile.title = loaded.doc.profile.metadata.title;
        profile.ids = ids;
        profile.controls = ids.length;
        revision ??= /rev(ision)?[\s._-]*4/i.test(`${h} ${profile.title}`) ? 'rev4' : 'rev5';
        break;
      } catch (e) {
        if (!isDomainError(e)) throw e;
      }
    }
    if (!profile.resolved)
      issues.push(
        gapIssue(
          'warning',
          'ssp_profile_unresolved',
          { href },
          { file, path: ['system-security-plan', 'import-profile', 'href'] },
        ),
      );
  }
  revision ??= 'rev5';
  const result = sspToPosture({ json, file, revision, knownIds: activeIds(revision === 'rev4' ? opts.r4 : opts.r5) });
  return { ...result, issues: [...issues, ...result.issues], file, revision, profile };
}
