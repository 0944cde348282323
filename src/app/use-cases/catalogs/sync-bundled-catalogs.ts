import type { CatalogEdition, CatalogNode, Lang } from '../../../core/catalog/model';
import type { Mapping, MappingSet } from '../../../core/mapping/model';
import { authorize, catalogPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { editionHash, mappingSetHash } from '../../content-hash';
import type { StoredMapping } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';

/** What the adapter read from the shipped content folder (src/formats/bundled `loadBundledContent`). */
export interface BundledCatalogs {
  editions: readonly CatalogEdition[];
  mappingSets: readonly MappingSet[];
}

export type SyncAction = 'created' | 'replaced' | 'unchanged';

export interface SyncReport {
  editions: { catalog: string; edition: string; action: SyncAction; nodes: number }[];
  mappingSets: { id: string; action: SyncAction; mappings: number }[];
  /** Editions and mapping sets actually written (each has one audit event). */
  written: number;
}

/**
 * Loads the bundled catalogs and mapping sets into the database. Idempotent: an edition or set whose content hash
 * is unchanged is skipped; a changed one is replaced atomically (delete and insert in one transaction with its
 * audit row). Texts a user imported into a bundled edition survive the replacement when the new bundled edition
 * has no text of its own for that node and language (the ISMAP criteria ship without prose).
 */
export async function syncBundledCatalogs(
  deps: AppDeps,
  ctx: RequestContext,
  content: BundledCatalogs,
): Promise<SyncReport> {
  authorize(catalogPolicy, ctx.actor, 'sync', null);
  // Servers starting together on one fresh PostgreSQL would both find an edition missing and both insert it (a
  // duplicate key for the loser): one syncs at a time, and the next one finds everything `unchanged`.
  return deps.uow.exclusive('bundled_catalog_sync', () => sync(deps, ctx, content));
}

async function sync(deps: AppDeps, ctx: RequestContext, content: BundledCatalogs): Promise<SyncReport> {
  const report: SyncReport = { editions: [], mappingSets: [], written: 0 };
  const existing = new Map((await deps.uow.read.catalogs.listEditions()).map((e) => [`${e.catalog}:${e.edition}`, e]));
  for (const e of content.editions) {
    const hash = editionHash(e);
    const before = existing.get(`${e.catalog}:${e.edition}`);
    if (before?.contentHash === hash && before.source === 'bundled') {
      report.editions.push({ catalog: e.catalog, edition: e.edition, action: 'unchanged', nodes: e.nodes.length });
      continue;
    }
    const action: SyncAction = before ? 'replaced' : 'created';
    await deps.uow.transaction(async (r) => {
      let nodes: readonly CatalogNode[] = e.nodes;
      if (before) {
        nodes = keepImportedTexts(e.nodes, await r.catalogs.nodes(e.catalog, e.edition));
        await r.catalogs.deleteEdition(e.catalog, e.edition);
      }
      const record = {
        catalog: e.catalog,
        edition: e.edition,
        title: e.title,
        provenance: e.provenance,
        publishedAt: e.publishedAt ?? null,
        contentHash: hash,
        source: 'bundled' as const,
        loadedAt: deps.clock.now(),
      };
      await r.catalogs.insertEdition(record, nodes);
      await recordAudit(r, deps, ctx, {
        action: 'catalog.sync',
        targetType: 'catalog_edition',
        targetId: `${e.catalog}:${e.edition}`,
        orgId: null,
        details: { action, nodes: nodes.length, contentHash: hash, previousHash: before?.contentHash ?? null },
      });
    });
    report.editions.push({ catalog: e.catalog, edition: e.edition, action, nodes: e.nodes.length });
    report.written++;
  }
  for (const s of content.mappingSets) {
    const hash = mappingSetHash(s);
    const before = await deps.uow.read.mappings.getSet(s.id);
    if (before?.contentHash === hash && before.source === 'bundled') {
      report.mappingSets.push({ id: s.id, action: 'unchanged', mappings: s.mappings.length });
      continue;
    }
    const action: SyncAction = before ? 'replaced' : 'created';
    const now = deps.clock.now();
    const rows = unique(s.mappings).map((m): StoredMapping => ({
      ...m,
      id: deps.ids.uuid(),
      setId: s.id,
      createdBy: null,
      createdAt: now,
    }));
    await deps.uow.transaction(async (r) => {
      if (before) await r.mappings.deleteSet(s.id);
      await r.mappings.putSet({
        id: s.id,
        title: s.title,
        description: s.description,
        provenance: s.provenance,
        source: 'bundled',
        orgId: null,
        contentHash: hash,
        updatedAt: now,
      });
      await r.mappings.insert(rows);
      await recordAudit(r, deps, ctx, {
        action: 'mapping_set.sync',
        targetType: 'mapping_set',
        targetId: s.id,
        orgId: null,
        details: { action, mappings: rows.length, contentHash: hash },
      });
    });
    report.mappingSets.push({ id: s.id, action, mappings: rows.length });
    report.written++;
  }
  if (report.written > 0) deps.catalogCache.invalidate();
  return report;
}

/** One mapping per (source, target) pair: the first wins, as the table's unique key requires. */
function unique(mappings: readonly Mapping[]): Mapping[] {
  const seen = new Set<string>();
  return mappings.filter((m) => {
    const k = `${m.source}\u0000${m.target}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function keepImportedTexts(next: readonly CatalogNode[], previous: readonly CatalogNode[]): CatalogNode[] {
  const old = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const o = old.get(n.id);
    if (!o) return n;
    let out = n;
    for (const lang of ['ja', 'en'] as Lang[]) {
      if (!n.text[lang] && o.text[lang])
        out = {
          ...out,
          text: { ...out.text, [lang]: o.text[lang] },
          textSource: { ...out.textSource, [lang]: o.textSource[lang] ?? null },
        };
      if (!n.title[lang] && o.title[lang]) out = { ...out, title: { ...out.title, [lang]: o.title[lang] } };
    }
    return out;
  });
}
