import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGLITE_START_PARAMS } from './embedded-start';

/** Unpacks a dumped embedded database (`Engine.backup`'s tar, in a file) into the empty folder `pgDir`. */
export async function restoreEmbedded(pgDir: string, tarFile: string): Promise<void> {
  await mkdir(pgDir, { recursive: true });
  const script = fileURLToPath(new URL('./pglite-restore.mjs', import.meta.url));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [script, pgDir, tarFile, ...PGLITE_START_PARAMS], (error, _stdout, stderr) => {
      if (error)
        reject(new Error(`the database in the backup could not be restored: ${stderr.trim() || error.message}`));
      else resolve();
    }),
  );
}
