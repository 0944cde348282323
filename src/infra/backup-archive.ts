import { create, extract } from 'tar';
import type { Readable } from 'node:stream';

/**
 * The backup file: a gzip-ed tar of a staged folder (see src/cli/backup.ts for what it holds). Entries are written
 * relative and portable (no owner, no absolute paths); extraction refuses paths that leave the target folder
 * (node-tar strips leading `/` and refuses `..`) and links.
 */
export function packBackup(stagedDir: string): Readable {
  return create({ gzip: true, cwd: stagedDir, portable: true }, ['.']) as unknown as Readable;
}

export async function unpackBackup(file: string, into: string): Promise<void> {
  await extract({
    file,
    cwd: into,
    strict: true,
    // Only files and folders: a link could point outside the data folder.
    filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
  });
}
