// Runs initdb on an empty embedded data folder and exits: `node pglite-init.mjs <dataDir> [startParams…]`.
// Its own process, so the ~700 MB of WebAssembly memory initdb grows to all goes back to the OS when it ends
// (see pglite-host.mjs). Plain JavaScript for the same reason as the host.
import { PGlite } from '@electric-sql/pglite';

const [dataDir, ...startParams] = process.argv.slice(2);
try {
  const pg = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...startParams] });
  await pg.close();
} catch (e) {
  process.stderr.write(
    `${e instanceof Error ? e.message : e && typeof e === 'object' && 'errno' in e ? `file system error (Emscripten errno ${e.errno})` : String(e)}\n`,
  );
  process.exit(1);
}
