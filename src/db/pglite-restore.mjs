// Restores a dumped embedded data folder (the tar of PGlite's dumpDataDir) into an empty folder and exits:
// `node pglite-restore.mjs <pgDir> <tarFile> [startParams…]`. Its own process for the reason pglite-init.mjs has one:
// the WebAssembly memory PGlite grows to while it unpacks goes back to the OS when it ends.
import { PGlite } from '@electric-sql/pglite';
import { readFile } from 'node:fs/promises';

const [pgDir, tarFile, ...startParams] = process.argv.slice(2);
try {
  const pg = await PGlite.create(pgDir, {
    startParams: [...PGlite.defaultStartParams, ...startParams],
    loadDataDir: new Blob([await readFile(tarFile)]),
  });
  // Opening it is the check that the copy is a database: a damaged tar fails here, not at the next start.
  await pg.query('SELECT 1');
  await pg.close();
} catch (e) {
  process.stderr.write(
    `${e instanceof Error ? e.message : e && typeof e === 'object' && 'errno' in e ? `file system error (Emscripten errno ${e.errno})` : String(e)}\n`,
  );
  process.exit(1);
}
