import { readFile } from 'node:fs/promises';
import { DomainError } from '../core/errors';
import { describeFsError } from './fs-errors';

/** Far deeper than any OSCAL document; recursive validators overflow the stack long before 100k levels. */
export const MAX_FILE_JSON_DEPTH = 256;

// One line, the file first: the CLI prints the message as it is.
const fileError = (file: string, message: string) => new DomainError('import_failed', `${file}: ${message}`);

/** Nesting depth of parsed JSON, without recursion. */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > stopAt) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x && typeof x === 'object') stack.push([x, d + 1]);
  }
  return max;
}

/** Parses JSON text read from `file`; every failure names the file and says what is wrong in one line. */
export function parseJsonText(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg);
    const truncated =
      /end of JSON input|Unterminated/i.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw fileError(
      file,
      `not valid JSON${truncated ? ' (the file ends too early: truncated?)' : ''}: ${(e as Error).message}`,
    );
  }
  if (jsonDepth(value, MAX_FILE_JSON_DEPTH) > MAX_FILE_JSON_DEPTH)
    throw fileError(file, `JSON nested deeper than ${MAX_FILE_JSON_DEPTH} levels`);
  return value;
}

export async function readTextFile(path: string, file = path): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw fileError(file, `cannot read: ${describeFsError(e)}`);
  }
}

/** Reads and parses a JSON file named by the user (`file` is how to name it in messages). */
export async function readJsonFile(path: string, file = path): Promise<unknown> {
  return parseJsonText(await readTextFile(path, file), file);
}
