/**
 * Search text normalisation for Japanese and English. Two stages:
 * 1. NFKC on the whole string (full-width ASCII → ASCII, half-width katakana → full-width, incl. voiced marks);
 * 2. a per-character fold: case folding, katakana → hiragana, drop the long vowel mark 'ー' and the middle dot
 *    '・' (so サーバー/サーバ and アクセス・コントロール/アクセスコントロール meet), whitespace collapsed.
 * Stage 2 is per character so a match in folded text can be mapped back to the NFKC text for snippets.
 */

const KATAKANA_START = 0x30a1;
const KATAKANA_END = 0x30f6;
const LONG_VOWEL = 0x30fc;
const MIDDLE_DOT = 0x30fb;

function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp === LONG_VOWEL || cp === MIDDLE_DOT) return '';
  if (cp >= KATAKANA_START && cp <= KATAKANA_END) return String.fromCodePoint(cp - 0x60);
  if (/\s/.test(ch)) return ' ';
  return ch.toLowerCase();
}

/** Folded text with each folded character's offset in the NFKC text. */
export interface FoldedText {
  nfkc: string;
  folded: string;
  /** offsets[i] = index in `nfkc` of the character that produced folded[i]. */
  offsets: number[];
}

export function foldWithOffsets(text: string): FoldedText {
  const nfkc = text.normalize('NFKC');
  let folded = '';
  const offsets: number[] = [];
  let lastSpace = true; // collapses leading whitespace too
  let i = 0;
  for (const ch of nfkc) {
    const f = foldChar(ch);
    if (f === ' ') {
      if (!lastSpace) {
        folded += ' ';
        offsets.push(i);
      }
      lastSpace = true;
    } else if (f.length > 0) {
      for (let k = 0; k < f.length; k++) offsets.push(i);
      folded += f;
      lastSpace = false;
    }
    i += ch.length;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    offsets.pop();
  }
  return { nfkc, folded, offsets };
}

/** Example: `foldSearchText('　ＡＣＣＥＳＳ　サーバー・ログ ')` → `'access さばろぐ'`. */
export function foldSearchText(text: string): string {
  return foldWithOffsets(text).folded;
}

// Han, hiragana (katakana is folded into hiragana first), CJK compatibility ideographs and Hangul are
// written without spaces, so they are indexed as character bigrams instead of words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々〆]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

export interface Tokens {
  /** Latin/digit words; ids like `ac-2` or `9.2.3` are kept whole and also split into parts. */
  words: string[];
  /** CJK character bigrams (a lone CJK character gives a unigram). */
  grams: string[];
}

const WORD = /[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*/gu;

/** Tokenises already folded text. `parts: false` (for queries) keeps `ac-2` whole without also adding `ac` and `2`. */
export function tokenize(folded: string, opts: { parts?: boolean } = {}): Tokens {
  const withParts = opts.parts ?? true;
  const words: string[] = [];
  const grams: string[] = [];
  let run = '';
  const flushRun = () => {
    const chars = [...run];
    if (chars.length === 1) grams.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    run = '';
  };
  let other = '';
  const flushOther = () => {
    for (const m of other.matchAll(WORD)) {
      const w = m[0];
      words.push(w);
      if (withParts && /[.\-]/.test(w)) for (const part of w.split(/[.\-]/)) if (part) words.push(part);
    }
    other = '';
  };
  for (const ch of folded) {
    if (isCjk(ch)) {
      if (other) flushOther();
      run += ch;
    } else {
      if (run) flushRun();
      other += ch;
    }
  }
  if (run) flushRun();
  if (other) flushOther();
  return { words, grams };
}

/** Unigrams of every CJK character, indexed so one-character queries ('鍵') work. */
export function cjkUnigrams(folded: string): string[] {
  const out: string[] = [];
  for (const ch of folded) if (isCjk(ch)) out.push(ch);
  return out;
}
