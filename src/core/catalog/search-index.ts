import { idCandidates, idFamily, ismapNumber } from './ids';
import type { CatalogEdition, Lang } from './model';
import { cjkUnigrams, foldSearchText, foldWithOffsets, tokenize } from './search-text';

/**
 * In-memory search over catalog nodes, built once. Ranking: exact id match, then id prefix (children of the id),
 * then title matches, then text matches. Latin text is indexed by words (prefix-matched from 3 characters),
 * CJK text by character bigrams, because Japanese has no spaces to split words on.
 */
export type MatchField = 'id' | 'id-prefix' | 'title' | 'text';

export interface SearchHit {
  key: string;
  catalog: string;
  edition: string;
  id: string;
  label: string;
  kind: string;
  title: string | null;
  score: number;
  matchedIn: MatchField;
  lang?: Lang;
  /** The matched part with some context, in NFKC form (full-width ASCII shown as ASCII). */
  snippet: string;
  /**
   * Baseline catalogs that hold this same control (their own hits folded into this one; see search-fold.ts),
   * e.g. ['nist-800-53r5-moderate', 'fedramp-rev5-high']. Absent when there are none.
   */
  baselines?: string[];
}

export interface SearchOptions {
  /** Catalog names (all editions) or `<catalog>:<edition>`; default all. */
  catalogs?: string[];
  /** Most hits returned; default 20. */
  limit?: number;
  /**
   * False: every hit's `snippet` is '' (cheaper when most hits are dropped afterwards); fill the kept ones with
   * `withSnippet`. Default true.
   */
  snippets?: boolean;
}

interface Field {
  kind: 0 | 1; // 0 title, 1 text
  lang: Lang;
  raw: string;
  folded: string;
}

interface Doc extends Pick<SearchHit, 'key' | 'catalog' | 'edition' | 'id' | 'label' | 'kind' | 'title'> {
  depth: number;
  fields: Field[];
}

const SCORE_ID = 10_000;
const SCORE_PREFIX = 5_000;
const SCORE_TITLE = 100;
const SCORE_TEXT = 10;
const MIN_PREFIX = 3;
const SNIPPET_CONTEXT = 40;

function lowerBound(arr: readonly string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchIndex {
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();
  private vocabulary: string[] = [];
  /** `<family>|<lower-case id>` → docs. */
  private readonly ids = new Map<string, number[]>();
  /** Sorted `<family>|<lower-case id>` keys, for prefix ranges. */
  private idKeys: string[] = [];
  private readonly families = new Set<string>();
  private readonly docByKey = new Map<string, number>();

  static build(editions: readonly CatalogEdition[]): SearchIndex {
    const index = new SearchIndex();
    for (const e of editions) index.add(e);
    index.finish();
    return index;
  }

  get size(): number {
    return this.docs.length;
  }

  private add(edition: CatalogEdition) {
    const family = idFamily(edition.catalog);
    this.families.add(family);
    for (const n of edition.nodes) {
      const fields: Field[] = [];
      for (const lang of ['ja', 'en'] as const) {
        const t = n.title[lang];
        if (t) fields.push({ kind: 0, lang, raw: t, folded: foldSearchText(t) });
      }
      for (const lang of ['ja', 'en'] as const) {
        const t = n.text[lang];
        if (t) fields.push({ kind: 1, lang, raw: t, folded: foldSearchText(t) });
      }
      const doc = this.docs.length;
      this.docByKey.set(`${edition.catalog}:${edition.edition}:${n.id}`, doc);
      this.docs.push({
        key: `${edition.catalog}:${edition.edition}:${n.id}`,
        catalog: edition.catalog,
        edition: edition.edition,
        id: n.id,
        label: n.label,
        kind: n.kind,
        title: n.title.en ?? n.title.ja ?? null,
        depth: n.depth,
        fields,
      });
      const idForms = new Set([n.id.toLowerCase()]);
      if (family === 'ismap') idForms.add(ismapNumber(n.id).toLowerCase());
      for (const f of idForms) this.push(this.ids, `${family}|${f}`, doc);
      for (const f of fields) {
        const { words, grams } = tokenize(f.folded);
        const code = doc * 2 + f.kind;
        for (const t of words) this.push(this.postings, t, code);
        for (const t of grams) this.push(this.postings, t, code);
        for (const t of cjkUnigrams(f.folded)) this.push(this.postings, t, code);
      }
    }
  }

  private push(map: Map<string, number[]>, key: string, value: number) {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (!list.includes(value, Math.max(0, list.length - 4))) list.push(value);
  }

  private finish() {
    this.vocabulary = [...this.postings.keys()].sort();
    this.idKeys = [...this.ids.keys()].sort();
  }

  /** Ranked hits. Example: `index.search('９．２．３．１１ＰＢ')` finds ISMAP `9.2.3.11.PB` first. */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    const folded = foldSearchText(query);
    if (!folded) return [];
    const allowed = this.catalogFilter(opts.catalogs);
    const scores = new Map<number, { score: number; field: MatchField; lang?: Lang; fieldIndex?: number }>();
    const note = (doc: number, score: number, field: MatchField, fieldIndex?: number) => {
      if (allowed && !allowed(this.docs[doc]!)) return;
      const prev = scores.get(doc);
      if (!prev || prev.score < score)
        scores.set(doc, { score, field, ...(fieldIndex !== undefined ? { fieldIndex } : {}) });
    };
    this.matchIds(query, note);
    this.matchText(folded, note);

    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
    return ranked.map(([doc, s]) => {
      const d = this.docs[doc]!;
      const field = s.fieldIndex !== undefined ? d.fields[s.fieldIndex] : undefined;
      return {
        key: d.key,
        catalog: d.catalog,
        edition: d.edition,
        id: d.id,
        label: d.label,
        kind: d.kind,
        title: d.title,
        score: s.score,
        matchedIn: s.field,
        ...(field ? { lang: field.lang } : {}),
        snippet: opts.snippets === false ? '' : snippetFor(d, field, folded),
      };
    });
  }

  /** The hit (from `search(query, { snippets: false })`) with the snippet `search` would have given it. */
  withSnippet(hit: SearchHit, query: string): SearchHit {
    const doc = this.docByKey.get(hit.key);
    if (doc === undefined) return hit;
    const d = this.docs[doc]!;
    const kind = hit.matchedIn === 'title' ? 0 : hit.matchedIn === 'text' ? 1 : -1;
    const field = hit.lang !== undefined ? d.fields.find((f) => f.kind === kind && f.lang === hit.lang) : undefined;
    return { ...hit, snippet: snippetFor(d, field, foldSearchText(query)) };
  }

  private catalogFilter(catalogs: string[] | undefined): ((d: Doc) => boolean) | null {
    if (!catalogs || catalogs.length === 0) return null;
    const names = new Set(catalogs);
    return (d) => names.has(d.catalog) || names.has(`${d.catalog}:${d.edition}`);
  }

  private matchIds(query: string, note: (doc: number, score: number, field: MatchField) => void) {
    for (const family of this.families) {
      const sample =
        family === 'ismap' ? 'ismap' : family === 'nist' ? 'nist-800-53' : family === 'iso' ? 'iso27001' : 'x';
      for (const cand of idCandidates(sample, query)) {
        const key = `${family}|${cand.toLowerCase()}`;
        for (const doc of this.ids.get(key) ?? []) note(doc, SCORE_ID, 'id');
        // Children and deeper descendants: `ac-2` → `ac-2.1`, `9.2` → `9.2.3`, `ac` → `ac-1`.
        for (const sep of family === 'nist' ? ['.', '-'] : ['.']) {
          const prefix = key + sep;
          for (
            let i = lowerBound(this.idKeys, prefix);
            i < this.idKeys.length && this.idKeys[i]!.startsWith(prefix);
            i++
          ) {
            const k = this.idKeys[i]!;
            const extraDepth = k.slice(prefix.length).split(/[.\-]/).length;
            for (const doc of this.ids.get(k)!) note(doc, SCORE_PREFIX - extraDepth, 'id-prefix');
          }
        }
      }
    }
  }

  /** Vocabulary entries a query token stands for: itself, or every word it starts (latin, ≥ 3 characters). */
  private expand(token: string): string[] {
    const prefix = !/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}]/u.test(token) && token.length >= MIN_PREFIX;
    if (!prefix) return this.postings.has(token) ? [token] : [];
    const out: string[] = [];
    for (
      let i = lowerBound(this.vocabulary, token);
      i < this.vocabulary.length && this.vocabulary[i]!.startsWith(token);
      i++
    )
      out.push(this.vocabulary[i]!);
    return out;
  }

  /**
   * Docs containing a token: doc → field bits (1 title, 2 text). With `within`, only those docs are kept,
   * so intersecting a rare token with a common one ('the') stays cheap.
   */
  private lookup(words: string[], within: Map<number, number> | null): Map<number, number> {
    const out = new Map<number, number>();
    for (const w of words) {
      for (const code of this.postings.get(w)!) {
        const doc = code >>> 1;
        if (within && !within.has(doc)) continue;
        out.set(doc, (out.get(doc) ?? 0) | (1 << (code & 1)));
      }
    }
    return out;
  }

  private matchText(
    folded: string,
    note: (doc: number, score: number, field: MatchField, fieldIndex?: number) => void,
  ) {
    const { words, grams } = tokenize(folded, { parts: false });
    const tokens = [...new Set([...words, ...grams])];
    if (tokens.length === 0) return;
    // Rarest token first; every later token only narrows the candidates.
    const expanded = tokens
      .map((t) => this.expand(t))
      .map((words) => ({ words, size: words.reduce((n, w) => n + this.postings.get(w)!.length, 0) }))
      .sort((a, b) => a.size - b.size);
    let candidates: Map<number, number> | null = null;
    const titleHits = new Map<number, number>();
    for (const { words } of expanded) {
      candidates = this.lookup(words, candidates);
      for (const [doc, bits] of candidates) if (bits & 1) titleHits.set(doc, (titleHits.get(doc) ?? 0) + 1);
      if (candidates.size === 0) return;
    }
    for (const doc of candidates!.keys()) {
      const inTitle = titleHits.get(doc) ?? 0;
      const d = this.docs[doc]!;
      // Contiguous phrase beats scattered tokens; a title that is exactly the query beats both.
      let best = -1;
      let bestScore = 0;
      d.fields.forEach((f, i) => {
        const weight = f.kind === 0 ? SCORE_TITLE : SCORE_TEXT;
        const phrase = f.folded.includes(folded);
        const score = weight * (phrase ? 2 : 1) + (f.kind === 0 && f.folded === folded ? SCORE_TITLE : 0);
        if (score > bestScore && (phrase || tokensIn(f.folded, tokens))) {
          bestScore = score;
          best = i;
        }
      });
      if (best < 0) {
        best = d.fields.findIndex((f) => f.kind === 1);
        bestScore = SCORE_TEXT / 2;
      }
      const field = d.fields[best]?.kind === 0 ? 'title' : 'text';
      note(doc, bestScore + inTitle, field, best >= 0 ? best : undefined);
    }
  }
}

function snippetFor(d: Doc, field: Field | undefined, foldedQuery: string): string {
  return field ? snippet(field.raw, foldedQuery) : d.title ? `${d.label} ${d.title}` : d.label;
}

function tokensIn(folded: string, tokens: string[]): boolean {
  return tokens.every((t) => folded.includes(t));
}

/** A window of the NFKC text around the first place the folded query (or its first token) occurs. */
export function snippet(raw: string, foldedQuery: string): string {
  const f = foldWithOffsets(raw);
  let at = f.folded.indexOf(foldedQuery);
  let len = foldedQuery.length;
  if (at < 0) {
    const q = tokenize(foldedQuery, { parts: false });
    const first = [...q.words, ...q.grams][0] ?? '';
    at = first ? f.folded.indexOf(first) : -1;
    len = first.length;
  }
  if (at < 0) return f.nfkc.length > 2 * SNIPPET_CONTEXT ? `${f.nfkc.slice(0, 2 * SNIPPET_CONTEXT)}…` : f.nfkc;
  const start = f.offsets[at] ?? 0;
  const end = (f.offsets[Math.min(at + len, f.offsets.length) - 1] ?? start) + 1;
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(f.nfkc.length, end + SNIPPET_CONTEXT);
  return `${from > 0 ? '…' : ''}${f.nfkc.slice(from, to)}${to < f.nfkc.length ? '…' : ''}`;
}
