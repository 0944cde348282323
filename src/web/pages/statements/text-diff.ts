/** One run of a before/after comparison: kept in both, removed from before, or added in after. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Words (Latin letters and digits), runs of spaces, and single characters otherwise: Japanese has no spaces, so it
 * is compared character by character.
 */
const tokens = (s: string) => s.match(/[\p{Script=Latin}\p{Nd}_]+|\s+|[^]/gu) ?? [];

/** Above this many token pairs the texts are shown as replaced as a whole (the table would not be worth it). */
const MAX_CELLS = 4_000_000;

/**
 * What changed from one text to the other, as runs in reading order (a longest common subsequence over tokens).
 * @example diffText('特権を付与する', '特権を申請で付与する') // same '特権を', added '申請で', same '付与する'
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokens(before);
  const b = tokens(after);
  // Common head and tail first: most revisions change a few words in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  push('same', a.slice(0, head).join(''));
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  if (n * m > MAX_CELLS) {
    push('removed', x.join(''));
    push('added', y.join(''));
  } else {
    // lcs[i][j]: the longest common subsequence of x[i..] and y[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] =
          x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        push('same', x[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push('removed', x[i++]!);
      else push('added', y[j++]!);
    }
    while (i < n) push('removed', x[i++]!);
    while (j < m) push('added', y[j++]!);
  }
  push('same', a.slice(a.length - tail).join(''));
  return out;
}
