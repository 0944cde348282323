/** exceljs cell values → the text a user sees in Excel. */

/** Rich text → plain text, formulas → their cached result, dates → ISO dates, numbers as their format shows them. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result, numFmt);
    if ('text' in v) return cellText(v.text, numFmt); // hyperlink: { text, hyperlink }
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  // exceljs gives dates as UTC midnight; a time only matters when the cell has one.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/**
 * Enough of Excel's number formats for ids and counts: General, fixed decimals ('0.00'), thousands ('#,##0') and
 * percent. Anything else falls back to General, which keeps 15 significant digits as Excel does.
 */
export function formatNumber(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return String(n);
  const fmt = (numFmt ?? 'General').split(';')[0]?.trim() ?? 'General';
  const m = /^([#,]*0+)(?:\.(0+))?(%?)$/.exec(fmt);
  if (!m) return String(Number(n.toPrecision(15)));
  const value = m[3] ? n * 100 : n;
  const decimals = m[2]?.length ?? 0;
  let s = value.toFixed(decimals);
  if (m[1]?.includes(',')) {
    const [int = '', frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return s + (m[3] ?? '');
}
