import { asc, eq, or, sql, and } from 'drizzle-orm';
import type {
  MappingRepository,
  MappingSetRecord,
  MappingSetSource,
  StoredMapping,
} from '../../app/ports/repositories';
import type { MappingMethod, Relationship } from '../../core/mapping/model';
import type { Db } from '../engine';
import { mappingSets, mappings } from '../schema';
import { chunks } from './batch';

// `real` holds about 7 significant digits; confidences are short decimals (0.9, 0.7), so round back to them.
const roundConfidence = (c: number) => Math.round(Number(c) * 1e6) / 1e6;

const toMapping = (r: typeof mappings.$inferSelect): StoredMapping => ({
  id: r.id,
  setId: r.setId,
  source: r.sourceKey,
  target: r.targetKey,
  relationship: r.relationship as Relationship,
  provenance: { document: r.document, method: r.method as MappingMethod },
  confidence: roundConfidence(r.confidence),
  ...(r.note !== null ? { note: r.note } : {}),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const toSet = (r: typeof mappingSets.$inferSelect): MappingSetRecord => ({
  ...r,
  source: r.source as MappingSetSource,
});

export function mappingRepository(db: Db): MappingRepository {
  return {
    async listSets() {
      const counts = db
        .select({ setId: mappings.setId, n: sql<number>`count(*)::int`.as('n') })
        .from(mappings)
        .groupBy(mappings.setId)
        .as('c');
      const rows = await db
        .select({ set: mappingSets, n: counts.n })
        .from(mappingSets)
        .leftJoin(counts, eq(counts.setId, mappingSets.id))
        .orderBy(asc(mappingSets.id));
      return rows.map((r) => ({ ...toSet(r.set), count: Number(r.n ?? 0) }));
    },
    async getSet(id) {
      const [r] = await db.select().from(mappingSets).where(eq(mappingSets.id, id));
      return r ? toSet(r) : null;
    },
    async putSet(s) {
      const { published, ...rest } = s;
      const set = {
        title: s.title,
        description: s.description,
        provenance: s.provenance,
        source: s.source,
        orgId: s.orgId,
        contentHash: s.contentHash,
        updatedAt: s.updatedAt,
      };
      await db
        .insert(mappingSets)
        .values({ ...rest, published: published ?? false })
        .onConflictDoUpdate({ target: mappingSets.id, set: published === undefined ? set : { ...set, published } });
    },
    async setPublished(id, published, at) {
      await db.update(mappingSets).set({ published, updatedAt: at }).where(eq(mappingSets.id, id));
    },
    async deleteSet(id) {
      await db.delete(mappingSets).where(eq(mappingSets.id, id));
    },
    async touchSet(id, at) {
      await db.update(mappingSets).set({ updatedAt: at }).where(eq(mappingSets.id, id));
    },
    async insert(list) {
      // One JSON parameter per batch (see catalog-repository insertEdition).
      for (const chunk of chunks(list)) {
        const json = JSON.stringify(
          chunk.map((m) => ({
            id: m.id,
            set_id: m.setId,
            source_key: m.source,
            target_key: m.target,
            relationship: m.relationship,
            method: m.provenance.method,
            document: m.provenance.document,
            confidence: m.confidence,
            note: m.note ?? null,
            created_by: m.createdBy,
            created_at: m.createdAt.toISOString(),
          })),
        );
        await db.execute(sql`
          INSERT INTO mappings (id, set_id, source_key, target_key, relationship, method, document, confidence, note, created_by, created_at)
          SELECT id, set_id, source_key, target_key, relationship, method, document, confidence, note, created_by, created_at
          FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, set_id text, source_key text, target_key text, relationship text, method text, document text,
            confidence real, note text, created_by uuid, created_at timestamptz)`);
      }
    },
    async get(id) {
      const [r] = await db.select().from(mappings).where(eq(mappings.id, id));
      return r ? toMapping(r) : null;
    },
    async delete(id) {
      await db.delete(mappings).where(eq(mappings.id, id));
    },
    async exists(setId, source, target) {
      const [r] = await db
        .select({ id: mappings.id })
        .from(mappings)
        .where(and(eq(mappings.setId, setId), eq(mappings.sourceKey, source), eq(mappings.targetKey, target)));
      return r !== undefined;
    },
    async all() {
      return (await db.select().from(mappings)).map(toMapping);
    },
    async bySet(setId) {
      return (
        await db
          .select()
          .from(mappings)
          .where(eq(mappings.setId, setId))
          .orderBy(asc(mappings.sourceKey), asc(mappings.targetKey))
      ).map(toMapping);
    },
    async forNode(key) {
      const rows = await db
        .select()
        .from(mappings)
        .where(or(eq(mappings.sourceKey, key), eq(mappings.targetKey, key)))
        .orderBy(asc(mappings.setId), asc(mappings.sourceKey), asc(mappings.targetKey));
      return rows.map(toMapping);
    },
  };
}
