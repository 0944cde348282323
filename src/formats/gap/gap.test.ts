import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors';
import { groupByRelationship } from '../../core/gap/proposals';
import { analyzeGapFile, gapReportCsv, gapReportXlsx, loadGapContext, type GapContext } from '.';
import { fedrampSizedSsp, soa2013Rows, soa2022Rows, toCsv, toXlsx } from './test-fixtures';

let ctx: GapContext;
let dir: string;
beforeAll(async () => {
  ctx = await loadGapContext();
  dir = await mkdtemp(join(tmpdir(), 'ismap-gap-'));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const put = async (name: string, data: Buffer | string) => {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
};
const fixtures = join(import.meta.dirname, '../../../test/fixtures/oscal-ssp');

describe('SoA → proposals → gap report', () => {
  it.each(['utf-8', 'utf-8-bom', 'cp932'] as const)('reads a Japanese 2013 SoA as CSV (%s)', async (enc) => {
    const a = await analyzeGapFile(ctx, await put(`soa-${enc}.csv`, toCsv(soa2013Rows(), enc)));
    expect(a.issues).toEqual([]);
    expect(a.isoEdition).toMatchObject({ edition: '2013', confidence: 'high', count2013: 114 });
    expect(a.posture!.controls).toHaveLength(114);
    if (a.input.kind !== 'soa') throw new Error('expected an SoA');
    expect(Object.keys(a.input.soa.detection.columns).sort()).toEqual(
      ['applicable', 'id', 'implementation', 'implemented', 'justification', 'owner', 'title'].sort(),
    );
  });

  it('proposes through equal numbering, with the full path, and lets equal/superset-of be accepted in bulk', async () => {
    const a = await analyzeGapFile(ctx, await put('soa.xlsx', await toXlsx(soa2013Rows(), { cover: true })));
    const ps = a.proposals!.proposals;
    const obj = ps.find((p) => p.itemId === '9.2.3' && p.sourceId === 'A.9.2.3')!;
    expect(obj.relationship).toBe('equal');
    expect(obj.bulkAcceptable).toBe(true);
    expect(obj.paths[0]!.links.map((l) => [l.from, l.relationship, l.provenance.method, l.setId])).toEqual([
      ['iso27001-2013:2013:A.9.2.3', 'equal', 'derived', 'ismap-2024-07_iso27001-2013_numbering'],
    ]);
    expect(obj.source).toMatchObject({ kind: 'soa-row', file: 'soa.xlsx' });
    const detailed = ps.find((p) => p.itemId === '9.2.3.1')!;
    expect(detailed.relationship).toBe('superset-of');
    expect(detailed.paths[0]!.links.at(-1)!.setId).toBe('ismap-2024-07_structure');
    // Not applicable in the SoA → proposed as not selected, with the justification as the draft.
    const na = ps.find((p) => p.sourceStatus === 'not_applicable')!;
    expect(na.proposed.selection).toBe('not_selected');
    // Cloud-specific .P items are never accepted in bulk.
    expect(ps.filter((p) => p.itemId.endsWith('.P')).every((p) => !p.bulkAcceptable)).toBe(true);
    const groups = groupByRelationship(ps).map((g) => g.relationship);
    expect(groups).toEqual(['equal', 'superset-of']);
  });

  it('lists the gaps ISMAP asks beyond an ISO/IEC 27001 SoA, with counts per tier and clause', async () => {
    const a = await analyzeGapFile(ctx, await put('soa-gap.csv', toCsv(soa2013Rows())));
    const r = a.report!;
    const reasons = (id: string) => r.items.find((i) => i.itemId === id)?.reasons ?? [];
    expect(reasons('3.1.2.1')).toContain('governance');
    expect(reasons('4.4.1.1')).toEqual(['management_not_evidenced', 'no_mapped_source']);
    expect(r.byReason.governance).toBe(18);
    expect(r.byReason.management_not_evidenced).toBe(64);
    expect(r.byReason.cloud_specific).toBeGreaterThan(0);
    expect(r.byReason.basic_requirement).toBeGreaterThan(0);
    expect(r.byTier.map((t) => t.tier)).toEqual(['governance', 'management', 'controls']);
    expect(r.byClause.find((c) => c.tier === 'controls' && c.clause === '9')!.items).toBeGreaterThan(0);
    expect(r.totals.covered).toBeGreaterThan(0);
  });

  it('reaches ISMAP from a 2022 SoA through the correspondence set, intersects-with where a control was split', async () => {
    const a = await analyzeGapFile(ctx, await put('soa2022.csv', toCsv(soa2022Rows(), 'utf-8-bom')));
    expect(a.isoEdition!.edition).toBe('2022');
    const ps = a.proposals!.proposals;
    expect(a.proposals!.via).toEqual(['iso27001-2013']);
    const eq = ps.find((p) => p.itemId === '9.2.3' && p.sourceId === 'A.8.2')!;
    expect(eq.relationship).toBe('equal');
    expect(eq.paths[0]!.links[0]!.provenance.method).toBe('community');
    const merged = ps.find((p) => p.itemId === '9.1.1' && p.sourceId === 'A.5.15')!;
    expect(merged.relationship).toBe('superset-of');
    const split = ps.find((p) => p.itemId === '18.2.3' && p.sourceId === 'A.8.8')!;
    expect(split.relationship).toBe('intersects-with');
    expect(split.bulkAcceptable).toBe(false);
    // New 2022 controls have no 2013 counterpart, so they reach nothing in ISMAP.
    expect(a.report!.unmapped.map((u) => u.id)).toContain('A.5.7');
  });

  it('reports row errors and builds nothing', async () => {
    const rows = soa2013Rows();
    rows[3]![0] = 'A.99.1.1';
    rows[4]![3] = 'sometimes';
    const a = await analyzeGapFile(ctx, await put('bad.csv', toCsv(rows)));
    expect(a.posture).toBeNull();
    expect(a.report).toBeNull();
    expect(a.issues.map((i) => [i.code, i.row])).toEqual([
      ['unknown_control', 4],
      ['invalid_value', 5],
    ]);
  });

  it('takes --columns overrides by header name or letter', async () => {
    const rows = soa2013Rows().map((r) => [r[6]!, r[0]!, r[3]!]);
    rows[0] = ['担当', 'Ref code', 'Done?'];
    const p = await put('odd.csv', toCsv(rows));
    const a = await analyzeGapFile(ctx, p, { columns: '{"id":"Ref code","implemented":"C"}' });
    expect(a.posture!.controls).toHaveLength(114);
    expect(a.posture!.controls[0]!.status).toBe('implemented');
    await expect(analyzeGapFile(ctx, p, { columns: '{"id":"nope"}' })).rejects.toSatisfy(
      (e) => isDomainError(e) && e.issues?.[0]?.code === 'unknown_column',
    );
  });

  it('writes the report as CSV with a BOM, formula-neutralized, and as a workbook', async () => {
    const a = await analyzeGapFile(ctx, await put('w.csv', toCsv(soa2013Rows())));
    const csv = gapReportCsv({ ...a.report!, items: [{ ...a.report!.items[0]!, sources: ['=HYPERLINK("x")'] }] }, 'ja');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toContain("'=HYPERLINK");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await gapReportXlsx(a.report!, a.proposals!.proposals, 'en')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Gaps', 'Proposals', 'Unmapped']);
    expect(wb.getWorksheet('Proposals')!.rowCount).toBe(a.proposals!.proposals.length + 1);
  });
});

describe('OSCAL SSP → proposals', () => {
  it.each([
    'ssp-example.json',
    'ifa_ssp-example.json',
    'oscal_leveraged-example_ssp.json',
    'oscal_leveraging-example_ssp.json',
  ])("imports NIST's %s without error", async (name) => {
    const a = await analyzeGapFile(ctx, join(fixtures, name));
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.posture!.controls.length).toBeGreaterThan(0);
    expect(a.report).not.toBeNull();
    // Every SSP chain runs through NIST's "relates to" tables: intersects-with, never bulk.
    expect(a.proposals!.proposals.every((p) => p.relationship === 'intersects-with' && !p.bulkAcceptable)).toBe(true);
  });

  it('resolves the rev4 baseline an example SSP imports through its back-matter', async () => {
    const a = await analyzeGapFile(ctx, join(fixtures, 'ssp-example.json'));
    if (a.input.kind !== 'ssp') throw new Error('expected an SSP');
    expect(a.input.ssp.profile).toMatchObject({ resolved: true });
    expect(a.input.ssp.profile.controls).toBeGreaterThan(200);
    expect(a.input.ssp.revision).toBe('rev4');
    const p = a.proposals!.proposals[0]!;
    expect(p.paths[0]!.links[0]!).toMatchObject({ relationship: 'equal' });
    expect(p.paths[0]!.links[0]!.provenance.method).toBe('derived');
  });

  it('keeps inheritance, leveraged authorizations and roles', async () => {
    const a = await analyzeGapFile(ctx, join(fixtures, 'oscal_leveraging-example_ssp.json'));
    if (a.input.kind !== 'ssp') throw new Error('expected an SSP');
    expect(a.input.ssp.summary!.leveragedAuthorizations[0]!.title).toContain('Leveraged');
    const ac2 = a.posture!.controls.find((c) => c.id === 'ac-2')!;
    expect(ac2.inherited).toBe(true);
    expect(ac2.roles).toContain('admin');
    expect(a.proposals!.proposals.find((p) => p.sourceId === 'ac-2')!.proposed.selection).toBe('inherited');
  });

  it('imports a FedRAMP-sized SSP (320 implemented requirements) with its FedRAMP baseline resolved', async () => {
    const a = await analyzeGapFile(ctx, await put('fedramp.json', JSON.stringify(fedrampSizedSsp(320))));
    expect(a.issues).toEqual([]);
    expect(a.posture!.controls).toHaveLength(320);
    if (a.input.kind !== 'ssp') throw new Error('expected an SSP');
    expect(a.input.ssp.profile.resolved).toBe(true);
    expect(a.input.ssp.summary).toMatchObject({ parties: 30, components: 12 });
    expect(a.proposals!.proposals.length).toBeGreaterThan(300);
    expect(a.report!.unmapped.length).toBeGreaterThan(0);
  });

  it('names the JSON path of what is wrong', async () => {
    const bad = {
      'system-security-plan': { 'control-implementation': { 'implemented-requirements': [{ uuid: 'x' }] } },
    };
    const a = await analyzeGapFile(ctx, await put('bad-ssp.json', JSON.stringify(bad)));
    expect(a.posture).toBeNull();
    expect(a.issues[0]).toMatchObject({
      code: 'ssp_invalid',
      path: ['system-security-plan', 'control-implementation', 'implemented-requirements', 0],
    });
  });
});
