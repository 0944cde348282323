import { and, eq, sql } from 'drizzle-orm';
import type { CatalogRepository, EditionRecord, EditionSource, StoredNode } from '../../app/ports/repositories';
import type { CatalogNode, CatalogParam, LocalizedText } from '../../core/catalog/model';
import type { Db } from '../engine';
import { catalogEditions, catalogNodes } from '../schema';
import { chunks } from './batch';

type NodeRow = typeof catalogNodes.$inferSelect;

/** Only the languages that have a value, so a node read back equals the node written. */
function localized(ja: string | null, en: string | null): LocalizedText {
  const out: LocalizedText = {};
  if (ja !== null) out.ja = ja;
  if (en !== null) out.en = en;
  return out;
}

const toEdition = (r: typeof catalogEditions.$inferSelect): EditionRecord => ({
  catalog: r.catalog,
  edition: r.edition,
  title: localized(r.titleJa, r.titleEn),
  provenance: r.provenance,
  publishedAt: r.publishedAt,
  contentHash: r.contentHash,
  source: r.source as EditionSource,
  loadedAt: r.loadedAt,
});

const toNode = (r: NodeRow): StoredNode => ({
  catalog: r.catalog,
  edition: r.edition,
  id: r.id,
  kind: r.kind,
  depth: r.depth,
  parentId: r.parentId,
  position: r.position,
  label: r.label,
  flags: r.flags,
  title: localized(r.titleJa, r.titleEn),
  text: localized(r.textJa, r.textEn),
  textSource: (r.textSource ?? {}) as CatalogNode['textSource'],
  params: (r.params ?? []) as CatalogParam[],
  sourceRefs: r.sourceRefs,
  props: (r.props ?? {}) as CatalogNode['props'],
});

const toRow = (catalog: string, edition: string, n: CatalogNode): typeof catalogNodes.$inferInsert => ({
  catalog,
  edition,
  id: n.id,
  kind: n.kind,
  depth: n.depth,
  parentId: n.parentId,
  position: n.position,
  label: n.label,
  flags: n.flags,
  titleJa: n.title.ja ?? null,
  titleEn: n.title.en ?? null,
  textJa: n.text.ja ?? null,
  textEn: n.text.en ?? null,
  textSource: n.textSource,
  params: n.params,
  sourceRefs: n.sourceRefs,
  props: n.props,
});

export function catalogRepository(db: Db): CatalogRepository {
  return {
    async listEditions() {
      const rows = await db.select().from(catalogEditions).orderBy(catalogEditions.catalog, catalogEditions.edition);
      return rows.map(toEdition);
    },
    async getEdition(catalog, edition) {
      const [r] = await db
        .select()
        .from(catalogEditions)
        .where(and(eq(catalogEditions.catalog, catalog), eq(catalogEditions.edition, edition)));
      return r ? toEdition(r) : null;
    },
    async countNodesByKind() {
      const rows = await db
        .select({
          catalog: catalogNodes.catalog,
          edition: catalogNodes.edition,
          kind: catalogNodes.kind,
          count: sql<number>`count(*)::int`,
        })
        .from(catalogNodes)
        .groupBy(catalogNodes.catalog, catalogNodes.edition, catalogNodes.kind);
      return rows.map((r) => ({ ...r, count: Number(r.count) }));
    },
    async allNodes() {
      return (await db.select().from(catalogNodes)).map(toNode);
    },
    async nodes(catalog, edition) {
      const rows = await db
        .select()
        .from(catalogNodes)
        .where(and(eq(catalogNodes.catalog, catalog), eq(catalogNodes.edition, edition)));
      return rows.map((r) => {
        const { catalog: _c, edition: _e, ...node } = toNode(r);
        return node;
      });
    },
    async insertEdition(e, nodes) {
      await db.insert(catalogEditions).values({
        catalog: e.catalog,
        edition: e.edition,
        titleJa: e.title.ja ?? null,
        titleEn: e.title.en ?? null,
        provenance: e.provenance,
        publishedAt: e.publishedAt,
        contentHash: e.contentHash,
        source: e.source,
        loadedAt: e.loadedAt,
      });
      // One JSON parameter per batch: PostgreSQL unpacks it with jsonb_to_recordset, far cheaper than binding
      // 17 parameters per row (which dominated the load time on the embedded engine).
      for (const chunk of chunks(nodes)) {
        const json = JSON.stringify(chunk.map((n) => toRow(e.catalog, e.edition, n)));
        await db.execute(sql`
          INSERT INTO catalog_nodes (catalog, edition, id, kind, depth, parent_id, position, label, flags, title_ja, title_en, text_ja, text_en, text_source, params, source_refs, props)
          SELECT catalog, edition, id, kind, depth, "parentId", position, label, flags, "titleJa", "titleEn", "textJa", "textEn", "textSource", params, "sourceRefs", props
          FROM jsonb_to_recordset(${json}::jsonb) AS x(catalog text, edition text, id text, kind text, depth int, "parentId" text, position int, label text, flags text[],
            "titleJa" text, "titleEn" text, "textJa" text, "textEn" text, "textSource" jsonb, params jsonb, "sourceRefs" text[], props jsonb)`);
      }
    },
    async deleteEdition(catalog, edition) {
      await db
        .delete(catalogEditions)
        .where(and(eq(catalogEditions.catalog, catalog), eq(catalogEditions.edition, edition)));
    },
    async updateNodeTexts(catalog, edition, lang, updates) {
      const title = lang === 'ja' ? sql.raw('title_ja') : sql.raw('title_en');
      const text = lang === 'ja' ? sql.raw('text_ja') : sql.raw('text_en');
      for (const chunk of chunks(updates)) {
        const values = sql.join(
          chunk.map((u) => sql`(${u.id}::text, ${u.title ?? null}::text, ${u.text ?? null}::text, ${u.source}::text)`),
          sql`, `,
        );
        await db.execute(sql`
          UPDATE catalog_nodes AS n SET
            ${title} = coalesce(v.title, n.${title}),
            ${text} = coalesce(v.text, n.${text}),
            text_source = CASE WHEN v.text IS NULL THEN n.text_source ELSE n.text_source || jsonb_build_object(${lang}::text, v.source) END
          FROM (VALUES ${values}) AS v(id, title, text, source)
          WHERE n.catalog = ${catalog} AND n.edition = ${edition} AND n.id = v.id`);
      }
    },
    async touchEdition(catalog, edition, at) {
      await db
        .update(catalogEditions)
        .set({ loadedAt: at })
        .where(and(eq(catalogEditions.catalog, catalog), eq(catalogEditions.edition, edition)));
    },
  };
}
