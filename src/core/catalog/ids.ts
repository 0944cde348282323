import type { CatalogNode } from './model';

/**
 * Loose identifier normalisation: people type ids in many shapes (full-width digits from a Japanese IME,
 * lower case suffixes, NIST's zero-padded 800-53A labels). Each function returns the canonical id of the
 * catalog family, or null when the input cannot be an id of that family.
 */
export type IdFamily = 'ismap' | 'nist' | 'iso' | 'other';

/** Which id grammar a catalog uses, from its name ('fedramp-rev5-moderate' → 'nist'). */
export function idFamily(catalog: string): IdFamily {
  if (catalog.startsWith('ismap')) return 'ismap';
  if (catalog.startsWith('nist-800-53') || catalog.startsWith('fedramp')) return 'nist';
  if (catalog.startsWith('iso27001') || catalog.startsWith('iso-27001')) return 'iso';
  return 'other';
}

// NFKC turns full-width digits, letters and '．' into ASCII; the ideographic full stop and comma are not
// touched by NFKC, so they are mapped by hand.
function prepare(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[。、]/g, '.')
    .trim();
}

/** `9.2.3.11pb`, `９．２．３．１１ＰＢ`, `9.2.3.11 PB` → `9.2.3.11.PB`; `6.3p` → `6.3.P`. */
export function normalizeIsmapId(raw: string): string | null {
  const s = prepare(raw).toUpperCase().replace(/\s+/g, '').replace(/[-_,]/g, '.');
  const m = /^(\d{1,2}(?:\.\d{1,3}){0,3})\.?(PB|P|B)?$/.exec(s);
  if (!m) return null;
  const num = m[1]!
    .split('.')
    .map((n) => String(Number(n)))
    .join('.');
  return m[2] ? `${num}.${m[2]}` : num;
}

/** The numeric part of an ISMAP id: `9.2.3.11.PB` → `9.2.3.11`. */
export function ismapNumber(id: string): string {
  return id.replace(/\.(PB|P|B)$/, '');
}

/** `ac-2.1`, `AC-2(1)`, `ac 2 (1)`, `AC-02(01)` → `ac-2.1`; `AC-2` → `ac-2`; `ac` (a family) → `ac`. */
export function normalizeNistId(raw: string): string | null {
  const s = prepare(raw).toLowerCase().replace(/\s+/g, '');
  const m = /^([a-z]{2})(?:-?0*(\d{1,3})(?:(?:\.|\(|-)0*(\d{1,3})\)?)?)?$/.exec(s);
  if (!m) return null;
  if (!m[2]) return m[1]!;
  return m[3] ? `${m[1]}-${Number(m[2])}.${Number(m[3])}` : `${m[1]}-${Number(m[2])}`;
}

/**
 * `a.5.15`, `A 5.15`, `5.15` → `A.5.15` (the Annex A form, which is what people mean in an ISO catalog).
 * See `isoIdCandidates` for the ISO/IEC 27001 requirement clauses (4–10), which have no `A.`.
 */
export function normalizeIsoId(raw: string): string | null {
  const s = prepare(raw).toUpperCase().replace(/\s+/g, '.').replace(/\.+/g, '.');
  const m = /^(?:A\.?)?(\d{1,2}(?:\.\d{1,2}){0,2})$/.exec(s);
  if (!m) return null;
  return `A.${m[1]!
    .split('.')
    .map((n) => String(Number(n)))
    .join('.')}`;
}

/** Both readings of an ISO id: `5.2` may be Annex A.5.2 or requirement clause 5.2; `A.5.2` is only Annex A. */
export function isoIdCandidates(raw: string): string[] {
  const annex = normalizeIsoId(raw);
  if (!annex) return [];
  return /^\s*[aAａＡ]/.test(raw) ? [annex] : [annex, annex.slice(2)];
}

/** Canonical id for a catalog, or null when the text is not an id there. */
export function normalizeId(catalog: string, raw: string): string | null {
  switch (idFamily(catalog)) {
    case 'ismap':
      return normalizeIsmapId(raw);
    case 'nist':
      return normalizeNistId(raw);
    case 'iso':
      return normalizeIsoId(raw);
    default: {
      const s = prepare(raw).replace(/\s+/g, '');
      return s.length > 0 ? s : null;
    }
  }
}

/** Every canonical reading of `raw` in a catalog, most likely first (used by search to find exact id hits). */
export function idCandidates(catalog: string, raw: string): string[] {
  if (idFamily(catalog) === 'iso') return isoIdCandidates(raw);
  const one = normalizeId(catalog, raw);
  return one ? [one] : [];
}

/** NIST's way of writing an id: `ac-2.1` → `AC-2(1)`. */
export function nistLabel(id: string): string {
  const m = /^([a-z]{2})-(\d+)(?:\.(\d+))?$/.exec(id);
  if (!m) return id.toUpperCase();
  return m[3] ? `${m[1]!.toUpperCase()}-${m[2]}(${m[3]})` : `${m[1]!.toUpperCase()}-${m[2]}`;
}

/**
 * Whether an ISMAP criteria node is a basic statement requirement (基本言明要件) that every statement must
 * cover: every governance item, every management item, every control objective and every `.B`/`.PB`
 * detailed control. Nodes of other catalogs are never mandatory in this sense.
 */
export function isMandatory(node: Pick<CatalogNode, 'kind' | 'flags' | 'props'>): boolean {
  const tier = node.props['tier'];
  if (tier === 'governance' || tier === 'management') return node.kind === 'item';
  if (tier === 'controls') return node.kind === 'objective' || (node.kind === 'detailed' && node.flags.includes('B'));
  return false;
}

const ID_TOKEN = /\d+|[^\d.\-()\s:_/]+/g;

/**
 * Natural order of ids (and of full node keys) for display: segments compared one by one, numbers numerically
 * and before words, words case-insensitively; a shorter id (a control) before the ids it starts (its
 * enhancements, its detailed controls). Ties fall back to plain text order so the result is total.
 *
 * Examples: '9.2.3.2' < '9.2.3.10' < '9.2.3.11.PB'; 'ac-2' < 'ac-2.1' < 'ac-10'; 'A.9.2.3' < 'A.10.1.1'.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const ta = a.match(ID_TOKEN) ?? [];
  const tb = b.match(ID_TOKEN) ?? [];
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    const dx = x.charCodeAt(0) <= 57 && x.charCodeAt(0) >= 48;
    const dy = y.charCodeAt(0) <= 57 && y.charCodeAt(0) >= 48;
    if (dx && dy) {
      const c = Number(x) - Number(y);
      if (c !== 0) return c;
      continue; // '07' and '7': equal here, settled by text order at the end
    }
    if (dx !== dy) return dx ? -1 : 1;
    const lx = x.toLowerCase();
    const ly = y.toLowerCase();
    if (lx !== ly) return lx < ly ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a < b ? -1 : 1;
}
