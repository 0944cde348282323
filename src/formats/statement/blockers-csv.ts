import { neutralizeFormula } from '../../core/catalog/formula-cells';
import type { Blocker } from '../../core/statement/blockers';
import { clearsText, labels, type ReportLang, ruleText } from './report-text';

/** RFC 4180 quoting, after the formula neutralizer. */
const field = (s: string) => {
  const v = neutralizeFormula(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/**
 * The blockers as CSV for Japanese Excel: UTF-8 with a BOM (without it Excel reads Shift_JIS), CRLF line ends,
 * headers and texts in the language, the stable codes beside them, every cell formula-neutralized.
 */
export function blockersCsv(blockers: readonly Blocker[], lang: ReportLang): Buffer {
  const header = [labels.item, labels.rule, labels.clears, labels.ruleCode, labels.clearsCode].map((t) => t[lang]);
  const lines = [
    header,
    ...blockers.map((b) => [
      b.itemId ?? labels.wholeStatement[lang],
      ruleText(b, lang),
      clearsText(b.clears, lang),
      b.rule,
      b.clears,
    ]),
  ];
  return Buffer.from('\uFEFF' + lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}
