import type { Criterion } from '../../core/statement/criteria';
import { statementCriteria } from '../../core/statement/criteria';
import { contentDir, readJson } from '../bundled/content-dir';
import { ISMAP_CATALOG, ISMAP_EDITION, ismapEditionFromSkeleton } from '../bundled/ismap';

/** The statement criteria of a bundled catalog edition (today: ISMAP 2024-07), or undefined when it is not bundled. */
export async function bundledStatementCriteria(catalog: string, edition: string): Promise<Criterion[] | undefined> {
  if (catalog !== ISMAP_CATALOG || edition !== ISMAP_EDITION) return undefined;
  return statementCriteria(ismapEditionFromSkeleton(await readJson(contentDir, 'ismap/criteria-skeleton.json')));
}
