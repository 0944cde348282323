// Takes the README screenshot (docs/screenshot.png): `npx tsx scripts/screenshot.ts` after `npm run build:web`.
// Starts the real server on the embedded engine with demo data, imports a short illustrative Japanese/English text
// for one item (not the official criteria prose, which is not ours to ship), and photographs that item's page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../test/support/browser';
import { DEMO_PASSWORD, startHttpServer } from '../test/support/http-server';
import { importTextFile } from '../test/support/import-text';
import { systemActor } from '../src/core/identity';

const dir = mkdtempSync(join(tmpdir(), 'ismap-shot-'));
const server = await startHttpServer();
try {
  const ctx = { actor: systemActor, requestId: 'screenshot' };
  const ja = join(dir, 'ja.csv');
  writeFileSync(
    ja,
    '\ufeff管理策番号,タイトル,本文\n9.2.3,特権的アクセス権の管理,（例示）特権的アクセス権の割当て及び利用を制限し、管理する。\n',
  );
  const en = join(dir, 'en.csv');
  writeFileSync(
    en,
    'ID,Title,Text\n9.2.3,Management of privileged access rights,(Illustrative) Restrict and control the allocation and use of privileged access rights.\n',
  );
  await importTextFile(server.deps, ctx, { path: ja, catalog: 'ismap', edition: '2024-07', lang: 'ja' });
  await importTextFile(server.deps, ctx, { path: en, catalog: 'ismap', edition: '2024-07', lang: 'en' });
  const browser = await launch();
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 860 } })).newPage();
  await page.goto(server.url);
  await page.locator('input[type=email]').fill('csp@demo.ismap-hub.test');
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav [data-nav=home]').waitFor();
  await page.goto(`${server.url}/catalogs/ismap/2024-07/nodes/9.2.3`);
  await page.getByTestId('mappings-out').waitFor();
  await page.screenshot({ path: join(import.meta.dirname, '..', 'docs', 'screenshot.png') });
  await browser.close();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
