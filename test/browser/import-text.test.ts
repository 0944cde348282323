import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

// A third-party English extraction (one row per item, parents repeated, no item title column): the title column
// is not taken from a parent, an ambiguous header lets the user pick, and duplicates can be resolved in the UI.
describeBrowser('criteria text import of a third-party file in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-browser-import-'));
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('ipa@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
    await page.locator('nav [data-nav=importText]').click();
    return page;
  }
  const node = async (edition: string, id: string) =>
    (await server.deps.catalogCache.get(server.deps.uow)).edition('ismap', edition)?.nodes.find((n) => n.id === id);

  it('imports the extraction as the older edition 2022-04, keeping item titles and titling the parents', async () => {
    const file = join(dir, 'ismap-criteria-2022-04-en.csv');
    copyFileSync(new URL('../fixtures/third-party/ismap-criteria-2022-04-en.csv', import.meta.url), file);
    const page = await importPage();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-edition').fill('2022-04');
    await page.getByRole('radiogroup', { name: 'Language of the text' }).getByText('English').click();
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByTestId('import-ok').waitFor();
    expect(await page.getByLabel('Item title', { exact: true }).inputValue()).toBe('');
    expect(
      await page.locator('select', { has: page.locator('option:checked', { hasText: 'domain_title' }) }).count(),
    ).toBe(1);
    expect(await page.getByLabel('Domain title').locator('option:checked').innerText()).toMatch(/^C · domain_title/);
    await expect(page.getByTestId('import-uncertain').innerText()).resolves.toMatch(
      /Item title: no column holds the items’ own titles/,
    );
    const sample = await page.getByTestId('import-sample').innerText();
    expect(sample).toMatch(/3\.1\.2\.1/);
    expect(sample).toMatch(/kept: —/);
    expect(sample).toMatch(/3\.1\.2: Evaluate/);
    await expect(page.getByTestId('import-edition-note').innerText()).resolves.toMatch(/older edition than 2024-07/);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').waitFor();
    expect((await node('2022-04', '9.2.3.1'))?.title.en).toBeUndefined();
    expect((await node('2022-04', '9'))?.title.en).toBe('Access control');
    expect((await node('2024-07', '9'))?.title.en).not.toBe('Access control');

    // The edition diff shows the texts before and after, not only which fields changed.
    await page.goto(`${server.url}/catalogs/ismap/diff?from=2024-07&to=2022-04`);
    const change = page
      .getByTestId('diff-change')
      .filter({ has: page.getByRole('link', { name: '9.2.3.1', exact: true }) });
    await expect(change.getByTestId('diff-after').innerText()).resolves.toMatch(
      /^After: The cloud service provider .*\(9\.2\.3\.1\)\.$/,
    );
    await expect(change.getByTestId('diff-before').innerText()).resolves.toBe('Before: —');
    await page.context().close();
  }, 120_000); // a whole edition is created and diffed: slow on a loaded machine, not a timing check

  it('lets the user pick the title column when two fit, and keep the last of duplicate rows', async () => {
    const rows = ['control_id,title,name,control_text', '9.2.3.2,Wrong title,Review of admin rights,First text.'];
    for (let i = 0; i < 250; i++) rows.push(`9.2.3.2,Wrong title,Review of admin rights,Text ${i + 2}.`);
    const file = join(dir, 'ambiguous.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const page = await importPage();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('radiogroup', { name: 'Language of the text' }).getByText('English').click();
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByTestId('import-failed').waitFor();
    await expect(page.getByTestId('import-uncertain').innerText()).resolves.toMatch(
      /Item title: several columns fit \(B, C\)/,
    );
    await expect(page.getByTestId('import-issues-showing').innerText()).resolves.toBe(
      'Showing the first 200 of 250 problems.',
    );
    expect(await page.getByTestId('import-issues').locator('tbody tr').count()).toBe(200);
    await expect(page.getByTestId('import-duplicates').innerText()).resolves.toMatch(/250 rows repeat an id/);
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);

    await page.getByLabel('Item title', { exact: true }).selectOption({ label: 'C · name (Review of admin rights)' });
    await page.getByLabel('Keep the last row of each id').check({ force: true });
    await page.getByTestId('import-recheck').waitFor();
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByTestId('import-ok').waitFor();
    await expect(page.getByTestId('import-sample').innerText()).resolves.toMatch(/→ Review of admin rights/);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').waitFor();
    const n = await node('2024-07', '9.2.3.2');
    expect(n?.title.en).toBe('Review of admin rights');
    expect(n?.text.en).toBe('Text 251.');
    await page.context().close();
  }, 120_000); // a whole edition is created and diffed: slow on a loaded machine, not a timing check
});
