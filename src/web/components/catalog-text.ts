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
