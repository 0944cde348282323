import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { seriousAxe, signedInAsCsp, type PageOptions } from '../support/browser-session';
import { startHttpServer, type RunningServer } from '../support/http-server';
import { pageApi } from '../support/page-api';

// The CSP workspace journey: create a service, scope it, create its statement, work through it in the
// virtualized editor (filters in the URL, a bulk change, a conflicting edit from a second session resolved side
// by side), clear every blocker to 100 % readiness and download the xlsx and the PDF; axe-clean in ja and en,
// and no page wider than a 390 px phone.
describeBrowser('CSP workspace: services, scope and the statement editor in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let statementPath = '';
  let servicePath = '';
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-statement-browser-'));
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(opts: PageOptions = {}): Promise<Page> {
    const page = await signedInAsCsp(browser, server.url, { ...opts, downloads: true });
    return page;
  }
  const serious = seriousAxe;
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const pick = async (page: Page, testId: string, option: string | RegExp) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).first().click();
  };
  const rowsShown = async (page: Page) =>
    Number(
      /(\d+) 項目を表示|(\d+) of/
        .exec(await page.getByTestId('shown-count').innerText())!
        .slice(1)
        .find(Boolean),
    );

  it('creates a service and fills the scope of its statement', async () => {
    const page = await signedIn();
    await page.locator('nav [data-nav=cloudServices]').click();
    await page.getByRole('heading', { name: 'クラウドサービス', exact: true }).waitFor();
    const form = page.getByTestId('create-service');
    await form.getByLabel('名称（日本語）').fill('ジャーニー・クラウド');
    await form.getByLabel('名称（英語）').fill('Journey Cloud');
    await form.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: 'ジャーニー・クラウド' }).waitFor();
    servicePath = new URL(page.url()).pathname;
    expect(servicePath).toMatch(/^\/services\/[0-9a-f-]{36}$/);
    // The empty state teaches: the service exists, the scope and the statement come next.
    await expect(
      page.getByTestId('next-steps').locator('[data-step=stepScope]').getAttribute('data-done'),
    ).resolves.toBeNull();

    await page.getByTestId('add-sub-service').click();
    await page.getByLabel('対象とするサブサービス 1 (日本語)').fill('ストレージ');
    await page.getByLabel('対象とするサブサービス 1 (英語)').fill('Storage');
    await page.getByTestId('add-underlying').click();
    await page.getByLabel('サービス名 1').fill('基盤クラウド');
    await page.getByLabel('提供事業者 1').fill('基盤株式会社');
    await page.getByLabel('登録番号 1').fill('C21-0008-2');
    const regions = page.getByTestId('regions');
    await regions.fill('東京');
    await regions.press('Enter');
    await regions.fill('大阪');
    await regions.press('Enter');
    await page.getByTestId('systemOverview-ja').fill('Web アプリケーションと API からなる SaaS。');
    await page.getByTestId('populations-ja').fill('利用者アカウント、変更チケット、インシデント記録。');
    await page.getByTestId('save-scope').click();
    await page.getByTestId('scope-saved').waitFor();
    const id = servicePath.split('/').pop()!;
    const stored = await pageApi<{ scope: { regions: string[]; underlying: { registrationNumber: string }[] } }>(
      page,
      'GET',
      `/cloud-services/${id}`,
    );
    expect(stored.scope.regions).toEqual(['東京', '大阪']);
    expect(stored.scope.underlying[0]!.registrationNumber).toBe('C21-0008-2');
    expect(await serious(page)).toEqual([]);

    await page.getByTestId('new-period-start').fill('2026-04-01');
    await page.getByTestId('new-period-end').fill('2027-03-31');
    await page.getByTestId('create-statement').getByRole('button', { name: '言明書を作成する' }).click();
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    statementPath = new URL(page.url()).pathname;
    expect(statementPath).toMatch(/^\/statements\/[0-9a-f-]{36}$/);
    await page.context().close();
  }, 120_000);

  it('filters the editor through the URL and bulk-sets the status of a multi-selection', async () => {
    const page = await signedIn();
    await page.goto(server.url + statementPath);
    const table = page.getByTestId('statement-table');
    await table.locator('[data-item]').first().waitFor();
    const total = await rowsShown(page);
    expect(total).toBeGreaterThan(1200);
    // Only the rows in view are in the DOM.
    expect(await table.locator('[data-item]').count()).toBeLessThan(100);

    await page.getByTestId('filter-q').fill('9.2.3');
    await page.waitForURL(/q=9\.2\.3/);
    await expect.poll(() => rowsShown(page)).toBeLessThan(30);
    await page.getByTestId('filter-q').fill('');
    await pick(page, 'filter-tier', 'ガバナンス基準');
    await page.waitForURL(/tier=governance/);
    await expect.poll(() => rowsShown(page)).toBe(18);

    // Keyboard: arrows move, shift+arrow extends the selection, Enter opens, Esc closes.
    await table.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect(page.getByTestId('selected-count').innerText()).resolves.toBe('5 項目を選択中');
    // Ctrl-click adds one more, shift-click a range.
    const rows = table.locator('[data-item]');
    await rows.nth(7).click({ modifiers: ['Control'] });
    await expect(page.getByTestId('selected-count').innerText()).resolves.toBe('6 項目を選択中');
    await pick(page, 'bulk-status', '実施済み');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-done').waitFor();
    await pick(page, 'filter-status', '実施済み');
    await page.waitForURL(/status=implemented/);
    await expect.poll(() => rowsShown(page)).toBe(6);

    await page.keyboard.press('Escape');
    await table.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('item-panel').waitFor();
    await page.waitForURL(/item=3\./);
    await page.keyboard.press('Escape');
    await page.getByTestId('item-panel').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('item')).toBeNull();
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows a conflicting edit from a second session side by side and keeps the chosen text', async () => {
    const [a, b] = await Promise.all([signedIn(), signedIn({ locale: 'en-US' })]);
    const item = '3.1.2.1';
    const url = `${server.url}${statementPath}?item=${item}`;
    await Promise.all([a.goto(url), b.goto(url)]);
    await Promise.all([a.getByTestId('control-ja').waitFor(), b.getByTestId('control-ja').waitFor()]);

    await a.getByTestId('control-ja').fill('経営陣が年次で方針を承認する。');
    await a.locator('[data-testid=save-state][data-state=saved]').waitFor();
    await expect
      .poll(
        async () =>
          (
            await pageApi<{ version: number }>(
              a,
              'GET',
              `${statementPath.replace('/statements', '/statements')}/items/${item}`,
            )
          ).version,
      )
      .toBe(1);

    // The second session edited from version 0: its save is refused, and it sees both texts.
    await b.getByTestId('control-ja').fill('取締役会が四半期ごとに方針を承認する。');
    const conflict = b.getByTestId('conflict-view');
    await conflict.waitFor();
    const cells = conflict.locator('[data-field=controlJa]');
    await expect(cells.locator('[data-side=yours]').innerText()).resolves.toBe(
      '取締役会が四半期ごとに方針を承認する。',
    );
    await expect(cells.locator('[data-side=theirs]').innerText()).resolves.toBe('経営陣が年次で方針を承認する。');
    expect(await serious(b)).toEqual([]);
    await b.getByTestId('keep-yours').click();
    await b.locator('[data-testid=save-state][data-state=saved]').waitFor();
    const stored = await pageApi<{ control: { ja?: string }; version: number }>(
      b,
      'GET',
      `${statementPath}/items/${item}`,
    );
    expect(stored).toMatchObject({ control: { ja: '取締役会が四半期ごとに方針を承認する。' }, version: 2 });
    await a.context().close();
    await b.context().close();
  }, 120_000);

  it('clears every blocker to 100 % readiness', async () => {
    const page = await signedIn();
    const id = statementPath.split('/').pop()!;
    // Every in-scope item implemented and every undecided optional control not selected, each in one bulk change
    // through the editor.
    await page.goto(`${server.url}${statementPath}?sel=undecided`);
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    await page.getByLabel('表示中の項目をすべて選択').click();
    await pick(page, 'bulk-selection', '非選択');
    await page.getByLabel('理由（非選択・除外）').fill('本サービスの範囲外のため');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-done').waitFor();
    await page.goto(`${server.url}${statementPath}?blocker=any`);
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    await page.getByLabel('表示中の項目をすべて選択').click();
    await pick(page, 'bulk-status', '実施済み');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-done').waitFor();
    // The individual control texts: many people write them; here through the API, as their sessions would.
    const items = await pageApi<{
      items: {
        id: string;
        version: number;
        storedSelection: string | null;
        status: string;
        owner: string | null;
        blockers: { rule: string }[];
      }[];
    }>(page, 'GET', `/statements/${id}/items`);
    for (const it of items.items.filter((i) => i.blockers.some((b) => b.rule === 'control_text_missing')))
      await pageApi(page, 'PUT', `/statements/${id}/items/${it.id}`, {
        version: it.version,
        selection: it.storedSelection,
        reason: null,
        inheritedFrom: null,
        status: 'implemented',
        owner: it.owner,
        control: { ja: `${it.id} の個別管理策。`, en: `Individual control for ${it.id}.` },
      });
    await page.goto(`${server.url}${statementPath}/readiness`);
    await page.getByTestId('all-ready').waitFor();
    await expect(page.getByTestId('readiness-percent').innerText()).resolves.toBe('100%');
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('downloads the statement as xlsx, OSCAL SSP and its readiness report as PDF, and re-imports xlsx and SSP unchanged', async () => {
    const page = await signedIn();
    await page.goto(server.url + statementPath);
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    // The workbook goes back in: the diff is shown before anything is written, and a round trip changes nothing.
    const file = join(dir, 'statement.xlsx');
    await xlsx.saveAs(file);
    await page.goto(`${server.url}${statementPath}/import`);
    await page.getByTestId('import-workbook').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('workbook-check').click();
    await page.getByTestId('workbook-diff').getByText('このワークブックには変更がありません。').waitFor();
    expect(await page.getByTestId('workbook-apply').count()).toBe(0);
    expect(await serious(page)).toEqual([]);
    // The OSCAL SSP download goes back in the same way and changes nothing either.
    await page.goto(server.url + statementPath);
    const [ssp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ssp').click()]);
    expect(ssp.suggestedFilename()).toMatch(/\.ssp\.oscal\.json$/);
    const sspFile = join(dir, 'statement.ssp.json');
    await ssp.saveAs(sspFile);
    await page.goto(`${server.url}${statementPath}/import`);
    await page.getByTestId('import-workbook').locator('input[type=file]').setInputFiles(sspFile);
    await page.getByTestId('workbook-check').click();
    await page.getByTestId('workbook-diff').getByText('このワークブックには変更がありません。').waitFor();
    expect(await page.getByTestId('workbook-apply').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('links every number of the readiness dashboard to the filtered rows', async () => {
    const page = await signedIn({ locale: 'en-US' });
    const id = statementPath.split('/').pop()!;
    const service = await pageApi<{ id: string }>(page, 'POST', '/cloud-services', {
      name: { ja: '集計確認', en: 'Dashboard check' },
      model: 'paas',
      track: 'ismap',
    });
    const st = await pageApi<{ id: string }>(page, 'POST', `/cloud-services/${service.id}/statements`, {
      catalog: 'ismap',
      edition: '2024-07',
    });
    expect(st.id).not.toBe(id);
    await page.goto(`${server.url}/statements/${st.id}/readiness`);
    const cell = page.getByTestId('heatmap').locator('tr[data-clause="9"] td[data-status=not_started] a');
    const n = Number(await cell.innerText());
    expect(n).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/clause=9&sel=in_scope&status=not_started/);
    await expect.poll(() => rowsShown(page)).toBe(n);
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('is axe-clean in English too and fits a 390 px phone in both languages', async () => {
    for (const locale of ['en-US', 'ja-JP']) {
      const page = await signedIn({ locale, width: 390 });
      const pages: [string, string][] = [
        ['/services', '[data-testid=service-table]'],
        [servicePath, '[data-testid=scope-editor]'],
        [statementPath, '[data-testid=statement-table] [data-item]'],
        [`${statementPath}?item=3.1.2.1`, '[data-testid=item-panel]'],
        [`${statementPath}/readiness`, '[data-testid=heatmap]'],
        [`${statementPath}/details`, '[data-testid=statement-details]'],
        [`${statementPath}/import`, '[data-testid=import-workbook]'],
      ];
      for (const [path, ready] of pages) {
        await page.goto(server.url + path);
        await page.locator(ready).first().waitFor();
        expect(await overflow(page), `${path} (${locale}) is wider than the phone`).toBeLessThanOrEqual(0);
        expect(await serious(page), `${path} (${locale})`).toEqual([]);
      }
      await page.context().close();
    }
  }, 300_000);
});
