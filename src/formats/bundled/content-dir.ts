import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped content folder (`<project>/content/`), found from this file's location. */
export const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));

export async function readJson(dir: string, relative: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, relative), 'utf8')) as unknown;
}
