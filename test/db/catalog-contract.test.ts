import { beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { syncBundledCatalogs } from '../../src/app/use-cases/catalogs/sync-bundled-catalogs';
import { listCatalogs } from '../../src/app/use-cases/catalogs/list-catalogs';
import { listCatalogNodes } from '../../src/app/use-cases/catalogs/list-catalog-nodes';
import { getCatalogNode } from '../../src/app/use-cases/catalogs/get-catalog-node';
import { findMappingPaths } from '../../src/app/use-cases/mappings/find-mapping-paths';
import { diffCatalogEditions } from '../../src/app/use-cases/catalogs/diff-catalog-editions';
import { addMapping } from '../../src/app/use-cases/mappings/add-mapping';
import { deleteMapping } from '../../src/app/use-cases/mappings/delete-mapping';
import { searchCatalogs } from '../../src/app/use-cases/catalogs/search-catalogs';
import { verifyAuditChain } from '../../src/app/use-cases/audit/verify-audit-chain';
import { importTextFile } from '../support/import-text';
import { criteriaWorkbook, tempDir, writeTemp } from '../../src/formats/tabular/test-fixtures';
import { loadBundledContent, type BundledContent } from '../../src/formats/bundled';
import { systemActor } from '../../src/core/identity';
import type { DomainError } from '../../src/core/errors';

const sys = { actor: systemActor, requestId: 'test' };
let content: BundledContent;
let dir: string;
beforeAll(async () => {
  content = await loadBundledContent();
  dir = await tempDir();
});

describeEachEngine('catalog repositories, bundled sync and text import', (engine) => {
  it('loads every bundled edition and mapping set, with counts as numbers', async () => {
    const deps = testDeps(engine());
    const report = await syncBundledCatalogs(deps, sys, content);
    expect(report.written).toBe(content.editions.length + content.mappingSets.length);
    expect(await deps.uow.read.audit.count({ action: 'catalog.sync' })).toBe(content.editions.length);
    const counts = await deps.uow.read.catalogs.countNodesByKind();
    const of = (kind: string) => counts.find((c) => c.catalog === 'ismap' && c.kind === kind)?.count;
    expect(of('objective')).toBe(121);
    expect(of('detailed')).toBe(1081);
    expect(typeof of('detailed')).toBe('number');
    const nodes = await deps.uow.read.catalogs.nodes('ismap', '2024-07');
    expect(nodes.filter((n) => n.kind === 'detailed' && n.flags.includes('B'))).toHaveLength(31);
    const sets = await deps.uow.read.mappings.listSets();
    expect(sets.find((s) => s.id === 'ismap-2024-07_structure')?.count).toBe(1081);
  });

  it('writes nothing on a second sync', async () => {
    const deps = testDeps(engine());
    const before = await deps.uow.read.audit.count();
    const report = await syncBundledCatalogs(deps, sys, content);
    expect(report.written).toBe(0);
    expect(report.editions.every((e) => e.action === 'unchanged')).toBe(true);
    expect(await deps.uow.read.audit.count()).toBe(before);
  });

  it('lists editions with counts, children with descendant counts, and a node with mappings both ways', async () => {
    const deps = testDeps(engine());
    const list = await listCatalogs(deps, sys);
    const ismap = list.editions.find((e) => e.catalog === 'ismap')!;
    expect(ismap).toMatchObject({ edition: '2024-07', newest: true, countsByKind: { objective: 121, detailed: 1081 } });
    expect(ismap.mandatoryCount).toBe(18 + 64 + 121 + 31);
    const roots = await listCatalogNodes(deps, sys, { catalog: 'ismap', edition: '2024-07' });
    expect(roots.nodes.map((n) => n.node.id)).toEqual(['tier:governance', 'tier:management', 'tier:controls']);
    expect(roots.nodes[2]!.descendants).toMatchObject({ objective: 121, detailed: 1081 });
    const nine = await listCatalogNodes(deps, sys, { catalog: 'ismap', edition: '2024-07', parent: '9.2' });
    expect(nine.nodes.find((n) => n.node.id === '9.2.3')?.descendants.detailed).toBeGreaterThan(5);
    const node = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.2.3' });
    expect(node.ancestors.map((a) => a.id)).toEqual(['tier:controls', '9', '9.2']);
    expect(node.mappingsOut.find((m) => m.target === 'iso27001-2013:2013:A.9.2.3')).toMatchObject({
      relationship: 'equal',
      confidence: 0.9,
      provenance: { method: 'derived' },
    });
    expect(
      node.mappingsIn.some((m) => m.source === 'ismap:2024-07:9.2.3.11.PB' && m.relationship === 'subset-of'),
    ).toBe(true);
    const paths = await findMappingPaths(deps, sys, { from: '9.2.3', to: 'nist-800-53r5' });
    expect(paths.targets.map((t) => t.target)).toContain('nist-800-53r5:5.1.1:ac-2');
  });

  it('rejects a CSV with an unknown id and a duplicate, with every row, and writes nothing', async () => {
    const deps = testDeps(engine());
    const before = await deps.uow.read.audit.count();
    const p = await writeTemp(dir, 'bad.csv', 'id,text\n9.2.3,アクセス\n9.2.3,重複\n99.1.1,未知\n');
    const err = (await importTextFile(deps, sys, { path: p, catalog: 'ismap', edition: '2024-07', lang: 'ja' }).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(err.code).toBe('import_failed');
    const errors = err.issues!.filter((i) => (i as { severity?: string }).severity === 'error');
    expect(errors.map((i) => [i.row, (i as { column?: string }).column, i.code])).toEqual([
      [3, 'A', 'duplicate_id'],
      [4, 'A', 'unknown_id'],
    ]);
    expect(await deps.uow.read.audit.count()).toBe(before);
    const node = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.2.3' });
    expect(node.node.text.ja).toBeUndefined();
  });

  it('stores Japanese texts from a CP932 CSV and from an xlsx workbook, and finds them by search', async () => {
    const deps = testDeps(engine());
    const csv = await writeTemp(
      dir,
      'sjis.csv',
      iconv.encode(
        '管理策番号,本文\r\n9.4.1,情報へのアクセスは、方針に従って制限する。\r\n9.4.2.1,秘密認証情報は暗号化して送る。\r\n',
        'cp932',
      ),
    );
    const r1 = await importTextFile(deps, sys, { path: csv, catalog: 'ismap', edition: '2024-07', lang: 'ja' });
    expect(r1).toMatchObject({ written: true, encoding: 'cp932', counts: { matched: 2 } });
    const xlsx = join(dir, 'criteria.xlsx');
    await criteriaWorkbook(xlsx);
    const r2 = await importTextFile(deps, sys, { path: xlsx, catalog: 'ismap', edition: '2024-07', lang: 'ja' });
    expect(r2).toMatchObject({ written: true, format: 'xlsx', counts: { matched: 4 }, idsWithoutText: ['12.2'] });
    const n = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.4.1' });
    expect(n.node.text.ja).toBe('情報へのアクセスは、方針に従って制限する。');
    expect(n.node.textSource.ja).toMatch(/^sjis\.csv \(\d{4}-\d{2}-\d{2}\)$/);
    const pb = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.2.3.11.PB' });
    expect(pb.node.text.ja).toBe('管理者権限を\n制限する。');
    const hits = await searchCatalogs(deps, sys, { q: '秘密認証情報', catalogs: ['ismap'] });
    expect(hits.hits[0]?.id).toBe('9.4.2.1');
    expect(await deps.uow.read.audit.count({ action: 'catalog.import_text' })).toBe(2);
  });

  it('creates a new edition from a file and lists what it added and changed', async () => {
    const deps = testDeps(engine());
    const p = await writeTemp(
      dir,
      'next.csv',
      'id,text\n9.2.3,Privileged access rights shall be restricted and controlled.\n9.2.3.20,A new detailed control.\n9.2.8,A new objective.\n9.2.8.1.B,Under the new objective.\n77.1.1,Nowhere.\n',
    );
    const bad = (await importTextFile(deps, sys, { path: p, catalog: 'ismap', edition: '2025-xx', lang: 'en' }).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(bad.issues?.find((i) => i.code === 'no_parent')).toMatchObject({
      row: 6,
      message: expect.stringMatching(/parent 77\.1/),
    });
    expect((await listCatalogs(deps, sys)).editions.some((e) => e.edition === '2025-xx')).toBe(false);

    const good = await writeTemp(
      dir,
      'next-good.csv',
      'id,text\n9.2.3,Privileged access rights shall be restricted and controlled.\n9.2.3.20,A new detailed control.\n9.2.8,A new objective.\n9.2.8.1.B,Under the new objective.\n',
    );
    const dry = await importTextFile(deps, sys, {
      path: good,
      catalog: 'ismap',
      edition: '2025-xx',
      lang: 'en',
      dryRun: true,
    });
    expect(dry).toMatchObject({
      written: false,
      createdEdition: true,
      baseEdition: '2024-07',
      editionNote: 'will create edition 2025-xx from 2024-07',
      newIds: ['9.2.3.20', '9.2.8', '9.2.8.1.B'],
    });
    expect(dry.derivedMappingSets.map((s) => s.id)).toEqual([
      'succession:ismap:2024-07→2025-xx',
      'structure:ismap:2025-xx',
    ]);
    const res = await importTextFile(deps, sys, { path: good, catalog: 'ismap', edition: '2025-xx', lang: 'en' });
    expect(res).toMatchObject({ written: true, editionNote: 'created edition 2025-xx from 2024-07' });
    const diff = await diffCatalogEditions(deps, sys, { catalog: 'ismap', from: '2024-07', to: '2025-xx' });
    expect(diff.added.map((n) => [n.id, n.kind, n.parentId])).toEqual([
      ['9.2.3.20', 'detailed', '9.2.3'],
      ['9.2.8', 'objective', '9.2'],
      ['9.2.8.1.B', 'detailed', '9.2.8'],
    ]);
    expect(diff.added[2]!.flags).toEqual(['B']);
    expect(diff.changed.map((c) => [c.id, c.fields])).toEqual([['9.2.3', ['text.en']]]);
    expect((await listCatalogs(deps, sys)).editions.find((e) => e.edition === '2025-xx')).toMatchObject({
      source: 'import',
      newest: true,
    });
  });

  it('links a new edition to its base, so paths from it still reach FedRAMP (audited, in the import transaction)', async () => {
    const deps = testDeps(engine());
    const sets = await deps.uow.read.mappings.listSets();
    expect(sets.find((s) => s.id === 'succession:ismap:2024-07→2025-xx')?.count).toBe(1371);
    expect(sets.find((s) => s.id === 'structure:ismap:2025-xx')?.count).toBe(1081 + 2);
    expect(await deps.uow.read.audit.count({ action: 'mapping_set.derive' })).toBe(2);
    // A bare ismap:9.2.3 now resolves to 2025-xx.
    const paths = await findMappingPaths(deps, sys, { from: 'ismap:9.2.3', to: 'fedramp-rev5-moderate' });
    expect(paths.from).toBe('ismap:2025-xx:9.2.3');
    expect(paths.hint).toBeUndefined();
    expect(paths.targets.map((t) => t.target)).toContain('fedramp-rev5-moderate:2.1.0:ac-2');
    const best = paths.targets.find((t) => t.target === 'fedramp-rev5-moderate:2.1.0:ac-2')!.paths[0]!;
    expect(best.links.map((l) => l.to).slice(0, 2)).toEqual(['ismap:2024-07:9.2.3', 'iso27001-2013:2013:A.9.2.3']);
    expect(best.links[0]).toMatchObject({
      relationship: 'equal',
      confidence: 1,
      provenance: { method: 'derived', document: 'ISMAP Hub: edition 2025-xx created from 2024-07' },
    });
    // A detailed control new in 2025-xx reaches NIST through its objective.
    const fresh = await findMappingPaths(deps, sys, { from: 'ismap:2025-xx:9.2.3.20', to: 'nist-800-53r5' });
    expect(fresh.targets.map((t) => t.target)).toContain('nist-800-53r5:5.1.1:ac-2');
    const node = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2025-xx', nodeId: '9.2.3' });
    expect(node.mappingsOut.some((m) => m.target === 'ismap:2024-07:9.2.3')).toBe(true);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('says which edition has the mappings when a path search finds none', async () => {
    const deps = testDeps(engine());
    const none = await findMappingPaths(deps, sys, { from: 'ismap:2025-xx:9.2.8', to: 'nist-800-53r5' });
    expect(none.paths).toEqual([]);
    expect(none.hint).toMatch(/no path from ismap:2025-xx:9\.2\.8 to nist-800-53r5:5\.1\.1/);
    const direct = await findMappingPaths(deps, sys, { from: 'ismap:2025-xx:9.2.3', to: 'nist-800-53r5', via: [] });
    expect(direct.hint).toMatch(/direct mapping; try without via/);
    // An edition without its succession set (made before successions were recorded): point at the base edition.
    await deps.uow.transaction((r) => r.mappings.deleteSet('succession:ismap:2024-07→2025-xx'));
    const orphan = await findMappingPaths(deps, sys, { from: 'ismap:9.2.3', to: 'nist-800-53r5' });
    expect(orphan).toMatchObject({
      from: 'ismap:2025-xx:9.2.3',
      paths: [],
      hint: 'edition 2025-xx has no mappings to nist-800-53r5; try ismap:2024-07:9.2.3',
    });
  });

  it('keeps imported texts when a changed bundled edition replaces the stored one', async () => {
    const deps = testDeps(engine());
    const ismap = content.editions[0]!;
    const changed = {
      ...ismap,
      nodes: ismap.nodes.map((n) =>
        n.id === '9.2.3' ? { ...n, title: { ...n.title, en: 'Management of privileged access rights (rev)' } } : n,
      ),
    };
    const report = await syncBundledCatalogs(deps, sys, { editions: [changed], mappingSets: [] });
    expect(report.editions[0]!.action).toBe('replaced');
    const n = await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.4.1' });
    expect(n.node.text.ja).toBe('情報へのアクセスは、方針に従って制限する。');
    expect(
      (await getCatalogNode(deps, sys, { catalog: 'ismap', edition: '2024-07', nodeId: '9.2.3' })).node.title.en,
    ).toMatch(/\(rev\)$/);
  });

  it('adds and deletes a manual mapping with audit events', async () => {
    const deps = testDeps(engine());
    const m = await addMapping(deps, sys, {
      source: 'ismap:2024-07:9.4.1',
      target: 'nist-800-53r5:AC-3',
      relationship: 'intersects-with',
      confidence: 0.7,
      note: 'reviewed',
    });
    expect(m).toMatchObject({
      setId: 'user:global',
      source: 'ismap:2024-07:9.4.1',
      target: 'nist-800-53r5:5.1.1:ac-3',
      provenance: { method: 'manual' },
    });
    await expect(
      addMapping(deps, sys, { source: 'ismap:2024-07:9.4.1', target: 'nist-800-53r5:ac-3', relationship: 'equal' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const paths = await findMappingPaths(deps, sys, { from: 'ismap:2024-07:9.4.1', to: 'nist-800-53r5', via: [] });
    expect(paths.paths.some((p) => p.links[0]!.provenance.method === 'manual')).toBe(true);
    await deleteMapping(deps, sys, m.id);
    expect(await deps.uow.read.mappings.get(m.id)).toBeNull();
    expect(
      (await deps.uow.read.audit.query({ action: 'mapping.*', order: 'asc', limit: 10 })).map((e) => e.action),
    ).toEqual(['mapping.create', 'mapping.delete']);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });
});
