/**
 * ISMAP identifier shape and loose normalisation for ids typed by hand into spreadsheets.
 * Official files are inconsistent: full-width digits (９．２．３), lower-case or spaced suffixes
 * ('9.2.3.11pb', '9.2.3.11 PB', '9.2.3.11.P.B') and trailing dots all occur, so ids are canonicalised before matching.
 */

/** Canonical ISMAP id: 2–4 numbers and an optional `.P`, `.B` or `.PB` suffix (e.g. '3.1.2.1', '9.2.3.11.PB'). */
export const ISMAP_ID_PATTERN = /^\d+(\.\d+){1,3}(\.(P|B|PB))?$/;

export const isIsmapIdShape = (id: string): boolean => ISMAP_ID_PATTERN.test(id);

/**
 * Canonicalises an id as written in a file. Returns the input (NFKC, trimmed, upper-cased) unchanged in shape when it
 * is not recognisably an ISMAP id, so the caller can still report what it saw.
 * @example normalizeImportId('９．２．３．１１ pb') // '9.2.3.11.PB'
 */
export function normalizeImportId(raw: string): string {
  // NFKC is right for ids (unlike prose): it folds full-width digits and dots to ASCII.
  // The ideographic full stop is not folded by NFKC, so it is mapped by hand.
  const s = raw.normalize('NFKC').replace(/[。]/g, '.').replace(/\s+/g, '').toUpperCase().replace(/\.+$/, '');
  const m = /^(\d+(?:\.\d+)*)\.?([PB](?:\.?[PB])*)?$/.exec(s);
  if (!m) return s;
  const numbers = (m[1] ?? '')
    .split('.')
    .map((n) => String(Number(n)))
    .join('.'); // '09.02' → '9.2'
  const letters = (m[2] ?? '').replace(/\./g, '');
  if (letters === '') return numbers;
  const hasP = letters.includes('P');
  const hasB = letters.includes('B');
  // 'PP' or 'BBB' are not a loose spelling of anything: keep them so the shape check rejects them.
  if (letters.length > 2 || (letters.length === 2 && !(hasP && hasB))) return `${numbers}.${letters}`;
  return `${numbers}.${hasP ? 'P' : ''}${hasB ? 'B' : ''}`;
}
