import type { LocalizedText } from '../../core/catalog/model';
import { ISMAP_NS, nameUuid, oscalId } from '../oscal/export-catalog';

/** What the SSP export and import agree on: prop names, ids and how texts travel. */

export type Prop = { name: string; value: string; ns?: string; class?: string };

export const prop = (name: string, value: string, cls?: string): Prop => ({
  name,
  ns: ISMAP_NS,
  value,
  ...(cls ? { class: cls } : {}),
});

/**
 * A prop value is a one-line string without surrounding blanks, so texts that may span lines or start with a tab
 * (localized texts, revisions) travel JSON-encoded: a JSON string literal is always one line that starts and ends
 * with a quote. U+2028/2029 are escaped too: OSCAL's pattern `.` does not match them.
 */
export const jsonValue = (v: unknown) =>
  JSON.stringify(v)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** A localized text as one prop, or none when both languages are empty. */
export function textProp(name: string, t: LocalizedText): Prop[] {
  const ja = nonEmpty(t.ja);
  const en = nonEmpty(t.en);
  if (ja === null && en === null) return [];
  return [prop(name, jsonValue({ ...(ja !== null ? { ja } : {}), ...(en !== null ? { en } : {}) }))];
}

export const nonEmpty = (s: string | null | undefined) => (s === undefined || s === null || s === '' ? null : s);

/** The Japanese text when there is one (the authoritative language of ISMAP documents), else the English. */
export const firstText = (t: LocalizedText, fallback: string) => nonEmpty(t.ja) ?? nonEmpty(t.en) ?? fallback;

/** The catalog's statement part ids (export-catalog.ts): `ismap-5.1.1_smt` (ja) and `ismap-5.1.1_smt.en`. */
export const statementPartId = (itemId: string, lang: 'ja' | 'en') =>
  `${oscalId(itemId)}_smt${lang === 'ja' ? '' : '.en'}`;

// The ids below name items and scope entries, not statements, so every export of an edition asks for the same few
// thousand: kept once computed (SHA-1 each), bounded.
const known = new Map<string, string>();
function uuid(name: string): string {
  let u = known.get(name);
  if (u === undefined) {
    if (known.size >= 50_000) known.clear();
    known.set(name, (u = nameUuid(name)));
  }
  return u;
}

export const ids = {
  ssp: (statementId: string) => nameUuid(`ssp:${statementId}`),
  thisSystem: () => uuid('ssp-component:this-system'),
  subService: (n: number) => uuid(`ssp-component:sub-service:${n}`),
  underlying: (id: string) => uuid(`ssp-component:underlying:${id}`),
  leveraged: (id: string) => uuid(`ssp-leveraged-authorization:${id}`),
  party: (id: string) => uuid(`ssp-party:underlying:${id}`),
  user: () => uuid('ssp-user:statement-owner'),
  infoType: () => uuid('ssp-information-type:service-data'),
  requirement: (itemId: string) => uuid(`ssp-requirement:${itemId}`),
  statement: (itemId: string, lang: 'ja' | 'en') => uuid(`ssp-statement:${itemId}:${lang}`),
  byComponent: (itemId: string, lang: 'ja' | 'en') => uuid(`ssp-by-component:${itemId}:${lang}`),
  inherited: (itemId: string, lang: 'ja' | 'en') => uuid(`ssp-inherited:${itemId}:${lang}`),
  profileResource: (catalog: string, edition: string) => uuid(`ssp-profile:${catalog}:${edition}`),
};

/** How our implementation statuses read as OSCAL's (`implementation-status` state tokens). */
export const oscalStateOf = {
  implemented: 'implemented',
  in_progress: 'partial',
  planned: 'planned',
  not_started: 'planned',
} as const;
