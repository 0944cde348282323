import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';
import { ja } from './ja';
import { auditActions } from '../../core/audit-actions';
import { chainBreakReasons } from '../../core/audit-chain';
import { bundledNoteCodes } from '../../core/mapping/notes';
import { TEXT_IMPORT_ISSUES, TEXT_IMPORT_ISSUE_VARIANTS } from '../../core/catalog/text-import-issues';
import { DUPLICATE_POLICIES } from '../../core/catalog/text-import';
import { notFoundObjects, type IssueCatalog } from '../../core/errors';
import { MAPPING_COLLECTION_ISSUES } from '../../core/mapping/collection-issues';
import { OSCAL_ISSUES } from '../../formats/oscal/validate';
import { RESOLVE_ISSUES } from '../../formats/oscal/resolve';
import { TABLE_ISSUES } from '../../formats/tabular/table-error';
import { STATEMENT_ISSUES } from '../../formats/statement/grid';
import { GAP_ISSUES } from '../../core/gap/issues';
import { gapReasons } from '../../core/gap/gap-report';

/**
 * Every table of issue codes the server or CLI can send with params, and the UI namespace that says them. A code with
 * a variant is said by one template per value (`duplicate_id_first`), so each of those must exist instead. A namespace
 * that is all one table's (`exclusive`) may hold no template for a code nothing emits.
 */
const issueCatalogs: {
  ns: string;
  codes: IssueCatalog;
  variants?: Record<string, { param: string; values: readonly string[] }>;
  exclusive?: boolean;
}[] = [
  { ns: 'importIssue', codes: TEXT_IMPORT_ISSUES, variants: TEXT_IMPORT_ISSUE_VARIANTS, exclusive: true },
  { ns: 'tableIssue', codes: TABLE_ISSUES, exclusive: true },
  { ns: 'statementIssue', codes: STATEMENT_ISSUES, exclusive: true },
  { ns: 'gapIssue', codes: GAP_ISSUES, exclusive: true },
  { ns: 'issue', codes: MAPPING_COLLECTION_ISSUES },
  { ns: 'issue', codes: OSCAL_ISSUES },
  { ns: 'issue', codes: RESOLVE_ISSUES },
];

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

// English has plural forms (`key_one`, `key_other`, chosen by i18next from `count`); Japanese has none, so its
// plain `key` stands for all of them. Keys are compared with the plural suffix taken off.
const plural = /_(zero|one|two|few|many|other)$/;
const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(plural, '')));

describe('UI strings', () => {
  const enKeys = flatten(en);
  const jaKeys = flatten(ja);

  it('has every key in both languages, none empty', () => {
    expect([...base(jaKeys.keys())].sort()).toEqual([...base(enKeys.keys())].sort());
    for (const [k, v] of [...enKeys, ...jaKeys]) expect(v.trim(), k).not.toBe('');
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of enKeys)
      expect(vars(jaKeys.get(k) ?? jaKeys.get(k.replace(plural, '')) ?? ''), k).toEqual(vars(v));
  });

  it('gives English a singular and a plural wherever a count is a number of things', () => {
    // "{{count}} events" needs "1 event"; a count in parentheses or after a colon reads the same either way.
    const counted = [...enKeys].filter(
      ([k, v]) => !plural.test(k) && /\{\{count\}\} [a-z]/.test(v) && !/\{\{count\}\} unchanged/.test(v),
    );
    expect(counted.map(([k]) => k)).toEqual([]);
    for (const k of enKeys.keys())
      if (k.endsWith('_one')) expect(enKeys.has(k.replace(/_one$/, '_other')), k).toBe(true);
  });

  it('translates every failure reason the server can send, in both languages', () => {
    // A DomainError's detail is `{ reason: 'x' }` or `{ reason: 'x', params: … }` (audit details name reasons too).
    const reasons = new Set<string>();
    for (const file of sources(join(__dirname, '..', '..'))) {
      if (file.includes(`${join('src', 'web')}`)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/\{ reason: '([a-z0-9_]+)'(?:, params: |\s*\})/g))
        reasons.add(m[1]!);
    }
    expect(reasons.size).toBeGreaterThan(10);
    const missing = [...reasons].filter(
      (r) => !base(enKeys.keys()).has(`errorReason.${r}`) || !jaKeys.has(`errorReason.${r}`),
    );
    expect(missing).toEqual([]);
  });

  it('says every note ISMAP Hub writes on a mapping in both languages', () => {
    for (const code of bundledNoteCodes)
      expect([enKeys.has(`mappingNote.${code}`), jaKeys.has(`mappingNote.${code}`)], code).toEqual([true, true]);
  });

  it('says every issue the core can emit in both languages, using only the params its emitter supplies', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    const problems: string[] = [];
    for (const { ns, codes, variants = {}, exclusive } of issueCatalogs) {
      const expected = new Set<string>();
      for (const [code, params] of Object.entries(codes)) {
        const variant = variants[code];
        const keys = variant ? variant.values.map((v) => `${ns}.${code}_${v}`) : [`${ns}.${code}`];
        for (const key of keys) {
          expected.add(key);
          for (const [lang, keys] of [
            ['en', enKeys],
            ['ja', jaKeys],
          ] as const) {
            const text = keys.get(key) ?? keys.get(`${key}_other`);
            if (text === undefined) problems.push(`${lang} ${key}: missing`);
            for (const v of vars(text ?? '')) if (!params.includes(v)) problems.push(`${lang} ${key}: {{${v}}}`);
          }
        }
      }
      // A template for a code nothing emits any more is dead text.
      if (exclusive)
        for (const k of base(enKeys.keys()))
          if (k.startsWith(`${ns}.`) && !expected.has(k)) problems.push(`${k}: unused`);
    }
    expect(problems).toEqual([]);
    expect(TEXT_IMPORT_ISSUE_VARIANTS.duplicate_id.values).toEqual(DUPLICATE_POLICIES);
  });

  it('says every reason the gap report gives for a gap in both languages', () => {
    for (const r of gapReasons)
      expect([enKeys.has(`gapReason.${r}`), jaKeys.has(`gapReason.${r}`)], r).toEqual([true, true]);
  });

  it('names every object a "not found" can be about in both languages', () => {
    for (const w of notFoundObjects)
      expect([enKeys.has(`objectName.${w}`), jaKeys.has(`objectName.${w}`)], w).toEqual([true, true]);
  });

  it('says every reason an audit chain can be broken for in both languages', () => {
    for (const r of chainBreakReasons)
      expect([enKeys.has(`audit.brokenReason.${r}`), jaKeys.has(`audit.brokenReason.${r}`)], r).toEqual([true, true]);
  });

  it('has a label for every audit action in both languages', () => {
    for (const action of auditActions) {
      expect(enKeys.has(`auditAction.${action}`), `en ${action}`).toBe(true);
      expect(jaKeys.has(`auditAction.${action}`), `ja ${action}`).toBe(true);
    }
  });

  it('has every key the code asks for', () => {
    const missing: string[] = [];
    const root = join(__dirname, '..');
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        if (!base(enKeys.keys()).has(m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      // Dynamic keys like t(`orgKind.${kind}`): the prefix must be a group of the catalogue.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g))
        if (![...enKeys.keys()].some((k) => k.startsWith(`${m[1]}.`)))
          missing.push(`${file.slice(root.length + 1)}: ${m[1]}.*`);
    }
    expect(missing).toEqual([]);
  });

  it('would notice a missing key', () => {
    expect(enKeys.has('nav.home')).toBe(true);
    expect(enKeys.has('nav.doesNotExist')).toBe(false);
  });
});
