import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../core/catalog/formula-cells';
import type { GapReport } from '../../core/gap/gap-report';
import type { Proposal } from '../../core/gap/proposals';

/** Column headers in both languages (glossary terms: 適用宣言書 = SoA, 詳細管理策 = detailed control). */
const H = {
  item: { en: 'ISMAP item', ja: 'ISMAP 項目' },
  tier: { en: 'Tier', ja: '基準' },
  clause: { en: 'Clause', ja: '章' },
  kind: { en: 'Kind', ja: '種別' },
  flags: { en: 'Flags', ja: 'フラグ' },
  reasons: { en: 'Gap reasons', ja: 'ギャップの理由' },
  best: { en: 'Strongest mapping', ja: '最も強い対応関係' },
  sources: { en: 'Source controls', ja: '元の管理策' },
  items: { en: 'Items', ja: '項目数' },
  gaps: { en: 'Gaps', ja: 'ギャップ数' },
  source: { en: 'Source control', ja: '元の管理策' },
  where: { en: 'Where (row or JSON path)', ja: '場所（行または JSON パス）' },
  relationship: { en: 'Composed relationship', ja: '合成した関係' },
  path: { en: 'Mapping path', ja: 'マッピング経路' },
  bulk: { en: 'Bulk acceptable', ja: '一括承認可' },
  status: { en: 'Proposed status', ja: '提案する実施状況' },
} as const;
export type ReportLang = 'ja' | 'en';

const where = (p: Pick<Proposal, 'source'>) =>
  p.source.kind === 'soa-row' ? `${p.source.file} row ${p.source.row}` : `${p.source.file} ${p.source.path}`;

/** `A.9.2.3 =[equal, derived] 9.2.3 ⊃[superset-of, derived] 9.2.3.1` — each link with its relationship and method. */
export function pathText(p: Proposal): string {
  const best = p.paths[0];
  if (!best) return '';
  const id = (k: string) => k.slice(k.lastIndexOf(':') + 1);
  return [
    id(best.links[0]!.from),
    ...best.links.map(
      (l) => `—[${l.relationship}; ${l.provenance.method}${l.setId ? `; ${l.setId}` : ''}]→ ${id(l.to)}`,
    ),
  ].join(' ');
}

export function gapItemRows(report: GapReport, lang: ReportLang): string[][] {
  return [
    [H.item, H.tier, H.clause, H.kind, H.flags, H.reasons, H.best, H.sources].map((h) => h[lang]),
    ...report.items.map((i) => [
      i.itemId,
      i.tier,
      i.clause,
      i.kind,
      i.flags.join(' '),
      i.reasons.join(' '),
      i.bestRelationship ?? '',
      i.sources.join(' '),
    ]),
  ];
}

const csvField = (s: string) => {
  const v = neutralizeFormula(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** The gap list as CSV for Japanese Excel: UTF-8 with a BOM, CRLF, every cell formula-neutralized. */
export function gapReportCsv(report: GapReport, lang: ReportLang): Buffer {
  const lines = gapItemRows(report, lang).map((l) => l.map(csvField).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** Workbook: summary counts per tier and clause, the gap items, the proposals with their paths, unmapped controls. */
export async function gapReportXlsx(
  report: GapReport,
  proposals: readonly Proposal[],
  lang: ReportLang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: string[][] | (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? neutralizeFormula(c) : c)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  add(lang === 'ja' ? '集計' : 'Summary', [
    [H.tier[lang], H.clause[lang], H.items[lang], H.gaps[lang]],
    ...report.byTier.map((c) => [c.tier, '', c.items, c.gaps]),
    ...report.byClause.map((c) => [c.tier, c.clause, c.items, c.gaps]),
  ]);
  add(lang === 'ja' ? 'ギャップ' : 'Gaps', gapItemRows(report, lang));
  add(lang === 'ja' ? '提案' : 'Proposals', [
    [H.item, H.source, H.where, H.relationship, H.bulk, H.status, H.path].map((h) => h[lang]),
    ...proposals.map((p) => [
      p.itemId,
      p.sourceId,
      where(p),
      p.relationship,
      p.bulkAcceptable ? 'yes' : 'no',
      p.proposed.status ?? p.proposed.selection,
      pathText(p),
    ]),
  ]);
  add(lang === 'ja' ? '対応先なし' : 'Unmapped', [
    [H.source[lang], H.where[lang]],
    ...report.unmapped.map((u) => [u.id, where(u)]),
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
