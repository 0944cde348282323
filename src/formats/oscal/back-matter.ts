import type { BackMatter, Param, Resource } from './types';
import { cloneJson, forEachString } from './json';

const keepsAlways = (r: Resource) => r.props?.some((p) => p.name === 'keep' && p.value === 'always') ?? false;

/**
 * Back matter of a resolved catalog: resources of the sources in import order, then the profile's own.
 * Of resources with the same uuid the last wins (a later source or the profile overrides), preferring those
 * marked keep=always; a resource stays only if the result links to it (`#uuid`) or it is marked keep=always.
 */
export function resolveBackMatter(sources: Resource[][], ...referencing: unknown[]): BackMatter | undefined {
  const referenced = new Set<string>();
  const UUID_REF = /#([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})/g;
  const scan = (s: string) => {
    if (s.includes('#')) for (const m of s.matchAll(UUID_REF)) referenced.add((m[1] as string).toLowerCase());
  };
  for (const value of referencing) forEachString(value, scan);
  const chosen = new Map<string, Resource>();
  for (const r of sources.flat()) {
    const prev = chosen.get(r.uuid);
    if (prev && keepsAlways(prev) && !keepsAlways(r)) continue;
    chosen.delete(r.uuid); // re-inserting keeps the order of the winning copy
    chosen.set(r.uuid, r);
  }
  const resources = [...chosen.values()]
    .filter((r) => keepsAlways(r) || referenced.has(r.uuid.toLowerCase()))
    .map((r) => cloneJson(r));
  return resources.length ? { resources } : undefined;
}

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

/** Loose parameters (outside controls) appear in a resolution only when something included inserts them. */
export function pruneLooseParams(params: Param[], body: unknown): Param[] {
  const wanted = new Set<string>();
  const scan = (text: string) => {
    if (text.includes('{{')) for (const m of text.matchAll(INSERT)) wanted.add(m[1] as string);
  };
  forEachString(body, scan);
  // A kept parameter can itself insert another one; repeat until nothing new is pulled in.
  let size = -1;
  while (size !== wanted.size) {
    size = wanted.size;
    for (const p of params) if (wanted.has(p.id)) forEachString(p, scan);
  }
  return params.filter((p) => wanted.has(p.id));
}
