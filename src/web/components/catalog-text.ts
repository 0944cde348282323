import type { Localized } from '../api/catalogs';

/** `ismap:2024-07:9.2.3` → the node page's path. */
export function nodeHref(key: string): string {
  const [catalog, edition, ...rest] = key.split(':');
  return `/catalogs/${encodeURIComponent(catalog!)}/${encodeURIComponent(edition!)}/nodes/${encodeURIComponent(rest.join(':'))}`;
}

/** Text in the chosen language; null when missing (shown as missing, never silently replaced). */
export const pick = (t: Localized, lang: string) => (lang === 'ja' ? t.ja : t.en) ?? null;
/** A title for lists: the chosen language, else the other one. */
export const anyTitle = (t: Localized, lang: string) => pick(t, lang) ?? t.en ?? t.ja ?? null;

/** A path inside the repository or the data folder (`content/ismap/criteria-skeleton.json`): means nothing to a reader. */
const isFilePath = (s: string) => /^[\w.-]+(\/[\w.-]+)+$/.test(s) && /\.(json|md|csv|tsv|xlsx|ya?ml)$/i.test(s);

/** Where a mapping comes from, for people: the mapping set's title rather than the bundled file it was read from. */
export function sourceLabel(document: string, setTitle: string | undefined): string {
  if (isFilePath(document)) return setTitle ?? '';
  // "… Control Mappings to ISO/IEC 27001 (content/mappings/…)": the title without the folder it was read from.
  return document.replace(/\s*\([\w.-]+(\/[\w.-]+)+\)/g, '').trim() || (setTitle ?? '');
}
