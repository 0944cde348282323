import { DomainError } from '../core/errors';

/** Deeper than any request the API takes; a 100k-deep array would otherwise reach recursive validators. */
export const MAX_JSON_DEPTH = 64;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// A NUL cannot be stored in PostgreSQL text; a lone surrogate cannot be encoded as UTF-8 at all.
const BAD_CHAR = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `code` names the problem for the issue and for the failure as a whole (both translated in the UI). */
const invalid = (path: (string | number)[], code: string, message: string, params: Record<string, number> = {}) => {
  const field = path.join('.');
  return new DomainError('validation_failed', `${field}: ${message}`, [{ path, message, code, params }], {
    reason: code,
    params: { field, ...params },
  });
};

/** UTF-8 bytes → string, refusing invalid sequences instead of turning them into U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array, path: (string | number)[]): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    throw invalid(path, 'invalid_utf8', 'is not valid UTF-8');
  }
}

/** The reason a text cannot be stored, or null. */
export function badCharacter(s: string): { code: string; message: string } | null {
  const m = BAD_CHAR.exec(s);
  if (!m) return null;
  return m[0] === '\u0000'
    ? { code: 'nul_character', message: 'contains a NUL character' }
    : { code: 'lone_surrogate', message: 'contains an unpaired surrogate (not valid Unicode)' };
}

export function checkText(s: string, path: (string | number)[]): void {
  const bad = badCharacter(s);
  if (bad) throw invalid(path, bad.code, bad.message);
}

/** Parses a JSON body once to refuse what no route should see: bad syntax, bad characters, absurd depth. */
export function checkJsonText(text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalid(['body'], 'malformed_json', `is not valid JSON (${(e as Error).message})`);
  }
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: ['body'] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') checkText(v, path);
    else if (v && typeof v === 'object') {
      if (path.length > MAX_JSON_DEPTH)
        throw invalid(['body'], 'json_too_deep', `is nested deeper than ${MAX_JSON_DEPTH} levels`, {
          maxDepth: MAX_JSON_DEPTH,
        });
      if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      else
        for (const [k, x] of Object.entries(v)) {
          checkText(k, [...path, k]);
          stack.push({ v: x, path: [...path, k] });
        }
    }
  }
}

/** The request path and query, percent-decoded: a malformed escape or a NUL is bad input, not a server error. */
export function checkUrl(url: URL): void {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw invalid(['path'], 'malformed_escape', 'has a malformed percent escape');
  }
  checkText(path, ['path']);
  for (const [k, v] of url.searchParams) {
    checkText(k, ['query', k]);
    checkText(v, ['query', k]);
  }
}
