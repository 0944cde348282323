import type { LocalizedText } from '../../core/catalog/model';
import { neutralizeFormula, startsLikeFormula } from '../../core/catalog/formula-cells';

/**
 * Text in and out of statement cells. Export neutralizes formula-looking text with a leading `'`
 * (neutralizeFormula); import takes exactly one `'` off again. Text that already starts with `'` before something
 * that would need one gets a second, so every text survives the round trip:
 *   '=1+1' ⇄ "'=1+1",  "'=1+1" ⇄ "''=1+1",  "'abc" ⇄ "'abc".
 */
const needsQuote = (t: string): boolean => startsLikeFormula(t) || (t.startsWith("'") && needsQuote(t.slice(1)));

export function toCell(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return xmlSafe(needsQuote(text) && !startsLikeFormula(text) ? `'${text}` : neutralizeFormula(text));
}

/**
 * XML turns a carriage return into a line feed when it is read back, so a CR is written as OOXML's `_x000D_`
 * escape, which Excel and exceljs decode; a literal `_xHHHH_` in the text gets its underscore escaped (`_x005F_`)
 * so that it is not decoded.
 */
const xmlSafe = (s: string) => s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/\r/g, '_x000D_');

export function fromCell(cell: string): string {
  return cell.startsWith("'") && needsQuote(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Empty and absent are the same in a cell: null. */
export const orNull = (s: string): string | null => (s === '' ? null : s);

/** A localized text with only the languages that have text (what the reader gives back, and what diff compares). */
export function localized(ja: string | null | undefined, en: string | null | undefined): LocalizedText {
  const out: LocalizedText = {};
  if (ja !== null && ja !== undefined && ja !== '') out.ja = ja;
  if (en !== null && en !== undefined && en !== '') out.en = en;
  return out;
}
