import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';
import { ja } from './ja';

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

function* sources(dir: string): Generator<string> {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(n) && !n.endsWith('.test.ts')) yield p;
  }
}

describe('UI strings', () => {
  const enKeys = flatten(en);
  const jaKeys = flatten(ja);

  it('has every key in both languages, none empty', () => {
    expect([...jaKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
    for (const [k, v] of [...enKeys, ...jaKeys]) expect(v.trim(), k).not.toBe('');
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of enKeys) expect(vars(jaKeys.get(k) ?? ''), k).toEqual(vars(v));
  });

  it('has every key the code asks for', () => {
    const missing: string[] = [];
    const root = join(__dirname, '..');
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) if (!enKeys.has(m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      // Dynamic keys like t(`orgKind.${kind}`): the prefix must be a group of the catalogue.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) if (![...enKeys.keys()].some((k) => k.startsWith(`${m[1]}.`))) missing.push(`${file.slice(root.length + 1)}: ${m[1]}.*`);
    }
    expect(missing).toEqual([]);
  });

  it('would notice a missing key', () => {
    expect(enKeys.has('nav.home')).toBe(true);
    expect(enKeys.has('nav.doesNotExist')).toBe(false);
  });
});
