import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Readiness } from '../../core/statement/readiness';
import { bundledStatementCriteria } from './bundled-criteria';
import { renderReadinessPdf } from './report-pdf';
import { fullStatement } from './test-support';

/**
 * Renders with poppler (pdftoppm, pdftotext, pdffonts; .ci/run installs poppler-utils). The text must come out of
 * the PDF itself: every font is embedded, so no system CJK font is involved.
 */
const dir = mkdtempSync(join(tmpdir(), 'ismap-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const criteria = (await bundledStatementCriteria('ismap', '2024-07'))!;
const doc = fullStatement(criteria);
const r = new Readiness(
  criteria,
  doc.items.map((i) => i.answer),
  doc.service.scope.underlying,
  doc.statement.period,
  doc.statement.previousPeriod,
);
const generatedAt = new Date('2026-01-15T09:00:00Z');

async function render(lang: 'ja' | 'en') {
  const bytes = await renderReadinessPdf(doc, r.summary(), r.blockers(), { lang, generatedAt });
  const file = join(dir, `report-${lang}.pdf`);
  writeFileSync(file, bytes);
  return { bytes, file };
}
const text = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });

describe('renderReadinessPdf', () => {
  it('writes a Japanese report whose text poppler extracts from the embedded font', async () => {
    const { bytes, file } = await render('ja');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const all = text(file);
    expect(all).toContain('言明書 準備状況レポート');
    expect(all).toContain('サンプルクラウド');
    expect(all).toContain('未登録サービス (登録番号なし)');
    expect(all).toContain('Example IaaS (C21-0008-2)');
    expect(all).toContain('ガバナンス基準');
    expect(all).toContain('マネジメント基準');
    expect(all).toContain('個別管理策が記載されていない');
    expect(all).toContain('継承元のサービス「未登録サービス」にISMAP登録番号がない');
    expect(all).toContain('個別管理策を記載する');
    expect(all).toContain(`${r.summary().total.percent.toFixed(1)} %`);
    // Page numbers on every page.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    expect(text(file, pages)).toContain(`${pages} / ${pages}`);
    // Every font embedded (and subset: the 5 MB TTF is not carried whole).
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/NotoSansJP.*\byes\s+yes\b/);
    expect(bytes.length).toBeLessThan(2_000_000);
  });

  it('renders to an image (pdftoppm) and says it in English when asked', async () => {
    const { file } = await render('en');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', file, join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    // A drawn page (title, numbers, bars) is far larger than a blank one.
    for (const p of pngs) expect(statSync(join(dir, p)).size).toBeGreaterThan(3000);
    const all = text(file);
    expect(all).toContain('Statement readiness report');
    expect(all).toContain('Readiness by clause');
    expect(all).toContain('Inherited from “未登録サービス”, which has no ISMAP');
    expect(all).toContain('Governance criteria');
  });
});
