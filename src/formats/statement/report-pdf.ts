import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Blocker } from '../../core/statement/blockers';
import { statementTiers } from '../../core/statement/criteria';
import type { StatementDocument } from '../../core/statement/model';
import type { GroupCounts, ReadinessSummary } from '../../core/statement/readiness';
import { clearsText, labels, type ReportLang, ruleText, stateNames, tierNames } from './report-text';

export interface ReadinessPdfOptions {
  lang: ReportLang;
  /** Printed on the title page and stored as the PDF's creation date (no clock inside). */
  generatedAt: Date;
}

/**
 * Noto Sans JP, shipped through npm (@expo-google-fonts/noto-sans-jp, OFL): the report must render its Japanese on a
 * machine without CJK system fonts. pdfkit embeds only the glyphs used (a subset), so the PDF stays small.
 * Read once per process: the TTFs are ~5 MB each.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf')),
  });

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const COLOR = {
  ready: '#2f9e44',
  blocked: '#e03131',
  rest: '#dee2e6',
  text: '#212529',
  muted: '#868e96',
  line: '#ced4da',
};

/**
 * The readiness report: title page with the statement's header and the summary numbers, bar charts by tier and by
 * clause (pdfkit vector primitives), the blockers table (rule and what clears it in the language), page numbers.
 */
export async function renderReadinessPdf(
  doc: StatementDocument,
  summary: ReadinessSummary,
  blockers: readonly Blocker[],
  opts: ReadinessPdfOptions,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { lang } = opts;
  const L = (k: keyof typeof labels) => labels[k][lang];
  const f = loadFonts();
  const pdf = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN + 16, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: lang === 'ja' ? 'ja-JP' : 'en',
    info: {
      Title: `${L('title')} — ${name(doc, lang)}`,
      Creator: 'ISMAP Hub',
      Producer: 'ISMAP Hub',
      CreationDate: opts.generatedAt,
      ModDate: opts.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('jp', f.regular);
  pdf.registerFont('jp-bold', f.bold);
  const width = A4[0] - 2 * MARGIN;

  // Title page.
  pdf.font('jp-bold').fontSize(20).fillColor(COLOR.text).text(L('title'));
  pdf.moveDown(0.5);
  pdf.font('jp').fontSize(11);
  const s = doc.statement;
  const period = s.period ? `${s.period.start} – ${s.period.end}` : L('noPeriod');
  for (const [k, v] of [
    [L('service'), name(doc, lang)],
    [L('catalog'), `${s.catalog} ${s.edition}`],
    [L('period'), period],
    [L('state'), stateNames[s.state]?.[lang] ?? s.state],
    [L('generatedAt'), opts.generatedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'],
  ] as const)
    pdf.text(`${k}: ${v}`);
  const scope = doc.service.scope;
  const text = (t: { ja?: string | null; en?: string | null }) =>
    (lang === 'ja' ? (t.ja ?? t.en) : (t.en ?? t.ja)) ?? '';
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  pdf.text(`${L('subServices')}: ${list(scope.subServices.map(text).filter(Boolean))}`);
  pdf.text(`${L('regions')}: ${list(scope.regions)}`);
  pdf.text(
    `${L('underlying')}: ${list(scope.underlying.map((u) => `${u.name} (${u.registrationNumber ?? L('unregistered')})`))}`,
  );
  pdf.moveDown();

  heading(pdf, L('summary'));
  const t = summary.total;
  const numbers: [string, string][] = [
    [L('readiness'), `${t.percent.toFixed(1)} %`],
    [L('items'), String(t.items)],
    [L('inScope'), String(t.inScope)],
    [L('ready'), String(t.ready)],
    [L('blocked'), String(t.blocked)],
    [L('blockers'), String(summary.blockerCount)],
    [L('undecided'), String(t.undecided)],
  ];
  const boxW = width / 4;
  const top = pdf.y;
  numbers.forEach(([label, value], i) => {
    const x = MARGIN + (i % 4) * boxW;
    const y = top + Math.floor(i / 4) * 52;
    pdf
      .roundedRect(x + 2, y, boxW - 4, 46, 4)
      .lineWidth(0.5)
      .strokeColor(COLOR.line)
      .stroke();
    pdf
      .font('jp')
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(label, x + 8, y + 6, { width: boxW - 16, lineBreak: false });
    pdf
      .font('jp-bold')
      .fontSize(16)
      .fillColor(COLOR.text)
      .text(value, x + 8, y + 20, { width: boxW - 16, lineBreak: false });
  });
  pdf.x = MARGIN;
  pdf.y = top + 2 * 52 + 12;

  heading(pdf, L('byTier'));
  legend(pdf, lang);
  const tiers = statementTiers.map((tier) => ({ label: tierNames[tier][lang], counts: summary.byTier[tier] }));
  bars(pdf, tiers, { labelWidth: 130, rowHeight: 22 });

  pdf.addPage();
  heading(pdf, L('byClause'));
  legend(pdf, lang);
  const clauses = summary.byClause.map((c) => ({ label: `${c.clause}  ${tierNames[c.tier][lang]}`, counts: c.counts }));
  bars(pdf, clauses, { labelWidth: 150, rowHeight: 15 });

  pdf.addPage();
  heading(pdf, `${L('blockers')} (${blockers.length})`);
  if (blockers.length === 0) pdf.font('jp').fontSize(10).fillColor(COLOR.text).text(L('none'));
  else blockerTable(pdf, blockers, lang, width);

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('jp')
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(`${i + 1} / ${range.count}`, MARGIN, A4[1] - MARGIN + 4, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

const name = (doc: StatementDocument, lang: ReportLang) =>
  (lang === 'ja' ? (doc.service.name.ja ?? doc.service.name.en) : (doc.service.name.en ?? doc.service.name.ja)) ?? '—';

function heading(pdf: PDFKit.PDFDocument, text: string) {
  pdf.x = MARGIN;
  pdf.font('jp-bold').fontSize(13).fillColor(COLOR.text).text(text);
  pdf.moveDown(0.4);
}

function legend(pdf: PDFKit.PDFDocument, lang: ReportLang) {
  const y = pdf.y;
  let x = MARGIN;
  for (const [color, label] of [
    [COLOR.ready, labels.legendReady[lang]],
    [COLOR.blocked, labels.legendBlocked[lang]],
  ] as const) {
    pdf.rect(x, y + 2, 8, 8).fill(color);
    pdf
      .font('jp')
      .fontSize(8)
      .fillColor(COLOR.text)
      .text(label, x + 12, y, { lineBreak: false });
    x += 12 + pdf.widthOfString(label) + 16;
  }
  pdf.x = MARGIN;
  pdf.y = y + 16;
}

/** One horizontal bar per group: ready (green) and blocked (red) shares of the items in scope, the percent beside. */
function bars(
  pdf: PDFKit.PDFDocument,
  rows: { label: string; counts: GroupCounts }[],
  o: { labelWidth: number; rowHeight: number },
) {
  const barX = MARGIN + o.labelWidth;
  const barW = A4[0] - MARGIN - barX - 70;
  const h = Math.max(6, o.rowHeight - 6);
  for (const { label, counts } of rows) {
    if (pdf.y + o.rowHeight > A4[1] - MARGIN - 16) pdf.addPage();
    const y = pdf.y;
    pdf
      .font('jp')
      .fontSize(8)
      .fillColor(COLOR.text)
      .text(label, MARGIN, y + (h - 8) / 2, {
        width: o.labelWidth - 6,
        lineBreak: false,
        ellipsis: true,
      });
    pdf.rect(barX, y, barW, h).fill(COLOR.rest);
    const inScope = Math.max(1, counts.inScope);
    const readyW = (counts.ready / inScope) * barW;
    const blockedW = ((counts.inScope - counts.ready) / inScope) * barW;
    if (counts.inScope > 0) {
      if (readyW > 0) pdf.rect(barX, y, readyW, h).fill(COLOR.ready);
      if (blockedW > 0) pdf.rect(barX + readyW, y, blockedW, h).fill(COLOR.blocked);
    }
    pdf
      .font('jp')
      .fontSize(8)
      .fillColor(COLOR.text)
      .text(`${counts.percent.toFixed(1)} %  ${counts.ready}/${counts.inScope}`, barX + barW + 6, y + (h - 8) / 2, {
        lineBreak: false,
      });
    pdf.x = MARGIN;
    pdf.y = y + o.rowHeight;
  }
  pdf.moveDown(0.5);
}

function blockerTable(pdf: PDFKit.PDFDocument, blockers: readonly Blocker[], lang: ReportLang, width: number) {
  const cols = [
    { w: 78, text: (b: Blocker) => b.itemId ?? labels.wholeStatement[lang] },
    { w: width - 78 - 150, text: (b: Blocker) => ruleText(b, lang) },
    { w: 150, text: (b: Blocker) => clearsText(b.clears, lang) },
  ];
  const pad = 3;
  const size = 8;
  pdf.font('jp').fontSize(size);
  const lineH = pdf.currentLineHeight(true);
  const header = () => {
    const y = pdf.y;
    pdf.rect(MARGIN, y, width, lineH + 2 * pad).fill('#f1f3f5');
    let x = MARGIN;
    pdf.font('jp-bold').fontSize(size).fillColor(COLOR.text);
    for (const [i, label] of [labels.item, labels.rule, labels.clears].entries()) {
      pdf.text(label[lang], x + pad, y + pad, { width: cols[i]!.w - 2 * pad, lineBreak: false });
      x += cols[i]!.w;
    }
    pdf.y = y + lineH + 2 * pad;
  };
  header();
  pdf.font('jp').fontSize(size);
  for (const b of blockers) {
    const texts = cols.map((c) => c.text(b));
    // Most rows fit on one line; measure only the ones that may not (measuring every row doubles the time).
    const lines = Math.max(
      ...texts.map((t, i) =>
        t.length * size * 1.05 < cols[i]!.w - 2 * pad
          ? 1
          : Math.ceil(pdf.heightOfString(t, { width: cols[i]!.w - 2 * pad }) / lineH),
      ),
    );
    const h = lines * lineH + 2 * pad;
    if (pdf.y + h > A4[1] - MARGIN - 16) {
      pdf.addPage();
      header();
      pdf.font('jp').fontSize(size);
    }
    const y = pdf.y;
    let x = MARGIN;
    pdf.fillColor(COLOR.text);
    texts.forEach((t, i) => {
      pdf.text(t, x + pad, y + pad, { width: cols[i]!.w - 2 * pad });
      x += cols[i]!.w;
    });
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.3)
      .strokeColor(COLOR.line)
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + h;
  }
}
