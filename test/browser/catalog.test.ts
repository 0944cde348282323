import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

// Catalog journeys: browse the ISMAP tree, import criteria text (a broken file, then a CP932 CSV), search in
// Japanese, and follow mappings to NIST and FedRAMP.
describeBrowser('catalogs in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-browser-'));
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(email: string, locale = 'ja-JP'): Promise<Page> {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
    return page;
  }

  it('browses the ISMAP criteria tree with counts and opens an item with its mappings', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test', 'en-US');
    await page.locator('nav [data-nav=catalogs]').click();
    const row = page.getByTestId('catalog-table').locator('tr', { hasText: 'ismap' }).first();
    const rowText = await row.innerText();
    expect(rowText).toMatch(/Control objective 121\b/);
    expect(rowText).toMatch(/Detailed control 1,081\b/);
    await row.getByRole('link').first().click();
    const tree = page.getByTestId('catalog-tree');
    await tree
      .getByText(/Control objective 121/)
      .first()
      .waitFor();
    await tree
      .getByText(/Detailed control 1,?081/)
      .first()
      .waitFor();
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: 'Expand 9', exact: true }).click();
    await page.getByRole('button', { name: 'Expand 9.2', exact: true }).click();
    await page.getByRole('link', { name: '9.2.3', exact: true }).click();
    await page.getByTestId('mappings-out').getByText('iso27001-2013:A.9.2.3').waitFor();
    expect(await serious()).toEqual([]);
    await page
      .getByTestId('mapping-summary')
      .locator('tr', { hasText: 'NIST SP 800-53 Rev. 5' })
      .getByRole('link')
      .click();
    await page.getByTestId('mapping-target').first().waitFor();
    expect(await page.getByTestId('mapping-target').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says the notes of bundled mappings in the UI language', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test', 'ja-JP');
    await page.goto(`${server.url}/catalogs/ismap/2024-07/nodes/9.2.3`);
    const out = page.getByTestId('mappings-out');
    await out.getByText('ISO/IEC 27002:2013 と同じ番号').first().waitFor();
    expect(await out.innerText()).not.toContain('shared ISO/IEC 27002:2013 numbering');
    await page.context().close();
  });

  it('rejects a broken text file with row-level problems and writes nothing', async () => {
    const bad = join(dir, 'broken.csv');
    writeFileSync(bad, 'ID,タイトル,本文\n9.2.3,利用者アクセスの管理,本文A\n9.2.3,重複,本文B\n99.99.99,未知,本文C\n');
    const page = await signedIn('ipa@demo.ismap-hub.test');
    await page.locator('nav [data-nav=importText]').click();
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '検査（ドライラン）' }).click();
    await page.getByTestId('import-failed').waitFor();
    const issues = await page.getByTestId('import-issues').innerText();
    expect(issues).toMatch(/9\.2\.3/);
    expect(issues).toMatch(/99\.99\.99/);
    expect(issues).toMatch(/\b3\b/); // the duplicate's row
    const node = await server.deps.uow.read.audit.count({ action: 'catalog.import_text' });
    expect(node).toBe(0);
    await page.context().close();
  });

  it('imports a Shift_JIS CSV after a dry run, then finds the item by a Japanese query', async () => {
    const good = join(dir, 'criteria-sjis.csv');
    const csv =
      '管理策番号,タイトル,本文\r\n9.2.3,特権的アクセス権の管理,特権的アクセス権の割当て及び利用は、制限し、管理することが望ましい。\r\n9.2.3.11.PB,特権IDの管理,クラウドサービス事業者は、特権的アクセス権を付与する利用者を最小限とする。\r\n';
    writeFileSync(good, iconv.encode(csv, 'cp932'));
    const page = await signedIn('ipa@demo.ismap-hub.test');
    await page.locator('nav [data-nav=importText]').click();
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '検査（ドライラン）' }).click();
    await page.getByTestId('import-ok').waitFor();
    await expect(page.getByTestId('import-detection').innerText()).resolves.toMatch(/cp932/i);
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByTestId('import-done').waitFor();

    await page.locator('nav [data-nav=search]').click();
    await page
      .getByRole('searchbox')
      .or(page.locator('input[name=q]'))
      .first()
      .fill('ｱｸｾｽ権の割当て'); /* half-width katakana: NFKC folds it */
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const results = page.getByTestId('search-results');
    await results.getByRole('link', { name: '9.2.3', exact: true }).waitFor();
    await results.getByRole('link', { name: '9.2.3', exact: true }).click();
    await page.getByTestId('node-texts').getByText('特権的アクセス権の割当て及び利用は').waitFor();
    await page.context().close();
  });

  it('finds an item by a loosely typed id', async () => {
    const page = await signedIn('agency@demo.ismap-hub.test', 'en-US');
    await page.goto(`${server.url}/search?q=9.2.3.11pb`);
    await page.getByTestId('search-results').getByRole('link', { name: '9.2.3.11.PB' }).first().waitFor();
    await page.context().close();
  });
});
