#!/usr/bin/env node
// The `ismap` executable. It runs the bundle built by `npm run build:server` (dist/server/ismap.mjs) when that is
// newer than every source file, and otherwise the TypeScript sources through tsx — so a stale bundle never runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ISMAP_BUNDLE_DIR runs the bundle in that folder as it is (test/cli/bundle.test.ts builds one and starts it).
const bundleDir = process.env.ISMAP_BUNDLE_DIR || join(root, 'dist', 'server');
const bundle = join(bundleDir, 'ismap.mjs');
if (process.env.ISMAP_BUNDLE_DIR && !existsSync(bundle)) {
  console.error(`ISMAP_BUNDLE_DIR: no bundle at ${bundle} (build one with node scripts/build-server.mjs --outdir DIR)`);
  process.exit(2);
}

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'web' && dir.endsWith('src')) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const argv = process.argv.slice(2);
let main, early;
if (
  process.env.ISMAP_NO_BUNDLE !== '1' &&
  existsSync(bundle) &&
  (process.env.ISMAP_BUNDLE_DIR || statSync(bundle).mtimeMs >= newestSource(join(root, 'src')))
) {
  // `serve` starts opening the embedded database before the rest of the code loads (src/cli/early-start.ts).
  early = await import(join(bundleDir, 'early-start.mjs'));
  early.beginEarlyStart(argv);
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  early = await import('../src/cli/early-start.ts');
  early.beginEarlyStart(argv);
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
// A command that ended before taking the early-opened database (a usage error, say) must not leave it running.
await early.takeEarlyStart(undefined);
