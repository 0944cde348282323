import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

// The server sends each problem as a code and params; the Japanese page must say all of it in Japanese (it used to
// show a Japanese label beside the English "duplicate id 9.2.3.1 (first at row 2)").
describeBrowser('criteria text import problems in Japanese in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-browser-import-ja-'));
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a duplicate id entirely in Japanese', async () => {
    const file = join(dir, 'duplicates.csv');
    writeFileSync(file, '管理策番号,管理策\n9.2.3.1,特権的アクセス権を管理する。\n9.2.3.1,同じ ID の二つ目の行。\n');
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('ipa@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
    await page.locator('nav [data-nav=importText]').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '検査（ドライラン）' }).click();
    await page.getByTestId('import-failed').waitFor();
    await expect(page.getByTestId('import-issue-message').innerText()).resolves.toBe(
      'ID 9.2.3.1 が重複しています（最初は 2 行目）。',
    );
    const issues = await page.getByTestId('import-issues').innerText();
    expect(issues).toMatch(/ID の重複/);
    // Nothing English in the problems: ids, row numbers and "ID" itself are all that is not Japanese.
    expect(issues.match(/[A-Za-z]{3,}/g)).toBeNull();
    await expect(page.getByTestId('import-failed').innerText()).resolves.toMatch(/1 件の問題/);

    // A file that cannot be read as asked (a column the table does not have) is said in Japanese too.
    await page.getByLabel(/^列の指定/).fill('{"id":"Z","text":"B"}');
    await page.getByRole('button', { name: '検査（ドライラン）' }).click();
    // Waits for the new answer (the previous problem is on the page until it comes).
    const column = page.getByTestId('import-issue-message').filter({ hasText: '「Z」' });
    await column.waitFor();
    await expect(column.innerText()).resolves.toBe('項目のIDに指定した列「Z」が表にありません。');
    await context.close();
  }, 120_000); // a real server and browser on a loaded machine: a generous bound, not a timing check
});
