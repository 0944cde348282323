import type { ContentRevisionRepository } from '../../app/ports/repositories';
import type { Db } from '../engine';
import { contentRevision } from '../schema';

/** The one row the triggers of migration 0007 bump; absent only before that migration ran. */
export function contentRevisionRepository(db: Db): ContentRevisionRepository {
  return {
    async get() {
      const [r] = await db
        .select({ catalogs: contentRevision.catalogs, mappings: contentRevision.mappings })
        .from(contentRevision);
      return { catalogs: Number(r?.catalogs ?? 0), mappings: Number(r?.mappings ?? 0) };
    },
  };
}
