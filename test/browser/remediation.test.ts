import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { seriousAxe, signedInAsCsp, type PageOptions } from '../support/browser-session';
import { startHttpServer, testClock, type RunningServer, type TestClock } from '../support/http-server';
import { pageApi } from '../support/page-api';

// The remediation plan (POA&M) and evidence freshness on the demo statement (audit period 2025-04-01 – 2026-03-31):
// the stale demo evidence shows as a badge and a dashboard warning (not a blocker); moving the server's clock past
// an evidence's review date turns its item stale; a blocker becomes a remediation item that moves across the board,
// is refused completion while its blocker remains and, once the item is fixed, completes and moves readiness; the
// list's filters survive a reload (URL); OSCAL POA&M export → import. axe-clean in ja and en, 390 px wide.
describeBrowser('Remediation plan and evidence freshness in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir = '';
  let statementId = '';
  // Inside the audit period, late in a (UTC) day: advancing two hours moves "today" to the next day.
  const clock: TestClock = testClock('2026-01-20T22:00:00Z');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-remediation-browser-'));
    [server, browser] = await Promise.all([startHttpServer({ clock }), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(opts: PageOptions = {}): Promise<Page> {
    const page = await signedInAsCsp(browser, server.url, opts);
    if (!statementId) {
      const { services } = await pageApi<{ services: { id: string; name: { en: string } }[] }>(
        page,
        'GET',
        '/cloud-services',
      );
      const demo = services.find((s) => s.name.en === 'Demo Accounting Cloud')!;
      const { statements } = await pageApi<{ statements: { id: string }[] }>(
        page,
        'GET',
        `/cloud-services/${demo.id}/statements`,
      );
      statementId = statements[0]!.id;
    }
    return page;
  }
  const serious = seriousAxe;
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const shownRows = async (page: Page) =>
    Number(
      /(\d+) 項目を表示|(\d+) of/
        .exec(await page.getByTestId('shown-count').innerText())!
        .slice(1)
        .find(Boolean),
    );
  const badgeOf = (page: Page, itemId: string) =>
    page.locator(`[role=row][data-item="${itemId}"] [data-testid=freshness-badge]`).getAttribute('data-state');

  it('flags stale evidence and items without evidence as warnings, and an item turns stale once the clock passes its review date', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/statements/${statementId}/readiness`);
    // The dashboard: evidence warnings in their own section, apart from the blockers.
    const warnings = page.getByTestId('evidence-warnings');
    await warnings.getByRole('heading', { name: '証跡の警告' }).waitFor();
    await expect(warnings.getByTestId('warn-stale').innerText()).resolves.toMatch(/古い証跡がある項目 \d+ 件/);
    await expect(warnings.getByTestId('warn-none').innerText()).resolves.toMatch(/証跡がない項目 \d+ 件/);
    await expect(warnings.getByTestId('stale-evidence').innerText()).resolves.toContain('情報セキュリティ基本方針');
    expect(await page.getByTestId('blockers-by-rule').innerText()).not.toContain('証跡');
    expect(await serious(page)).toEqual([]);

    // What the API judges now: some items are stale (the demo security policy's review fell due in the period).
    type Freshness = { items: { itemId: string; state: string }[]; summary: { withStale: number } };
    const before = await pageApi<Freshness>(page, 'GET', `/statements/${statementId}/evidence-freshness`);
    const staleCount = before.summary.withStale;
    expect(staleCount).toBeGreaterThan(0);

    // The editor's evidence filter (in the URL) and its badges.
    await warnings.getByTestId('warn-stale').click();
    await page.waitForURL(/evidence=stale/);
    await page.getByTestId('statement-table').waitFor();
    await expect.poll(() => shownRows(page)).toBe(staleCount);
    const staleIds = await page
      .locator('[role=row][data-item]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')!));
    for (const id of staleIds) expect(await badgeOf(page, id)).toBe('stale');
    await page.locator(`[role=row][data-item="${staleIds[0]}"] [data-col=selection]`).click();
    await expect(page.getByTestId('item-freshness').getAttribute('data-state')).resolves.toBe('stale');
    await expect(page.getByTestId('item-freshness').innerText()).resolves.toContain('証跡が古い');
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // An evidence on a fresh item gets a yearly review last done a year before "today": due today, still fresh…
    const state = new Map(before.items.map((i) => [i.itemId, i.state]));
    const { evidence } = await pageApi<{ evidence: { id: string; version: number }[] }>(page, 'GET', '/evidence');
    let chosen: { id: string; version: number; items: string[] } | null = null;
    for (const e of evidence) {
      const { links } = await pageApi<{ links: { itemId: string }[] }>(page, 'GET', `/evidence/${e.id}`);
      const items = links.map((l) => l.itemId).filter((id) => state.get(id) === 'fresh');
      if (items.length > 0) {
        chosen = { ...e, items };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { id: evId, version, items: turning } = chosen!;
    await pageApi(page, 'PATCH', `/evidence/${evId}`, { version, reviewFrequency: 'yearly', reviewedOn: '2025-01-20' });
    const designItem = turning[0]!;
    await page.goto(`${server.url}/statements/${statementId}?q=${encodeURIComponent(designItem)}`);
    await page.locator(`[role=row][data-item="${designItem}"]`).waitFor();
    await expect.poll(() => badgeOf(page, designItem)).toBe('fresh');

    // …until the clock passes the review date: the item turns stale, in the table and in the filter.
    clock.advance(2 * 3600_000);
    await page.reload();
    await page.locator(`[role=row][data-item="${designItem}"]`).waitFor();
    await expect.poll(() => badgeOf(page, designItem)).toBe('stale');
    await page.goto(`${server.url}/statements/${statementId}?evidence=stale`);
    await page.getByTestId('statement-table').waitFor();
    await expect.poll(() => shownRows(page)).toBe(staleCount + turning.length);
    await page.getByTestId('filter-evidence').click();
    await page.getByRole('option', { name: '証跡なし' }).click();
    await page.waitForURL(/evidence=none/);
    await expect.poll(() => shownRows(page)).toBeGreaterThan(0);
    await page.close();
  }, 180_000);

  it('turns a blocker into a remediation item, moves it across the board, and completes it once the blocker is fixed', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/statements/${statementId}/readiness`);
    const blockerHeading = page.locator('#rd-blockers');
    await blockerHeading.waitFor();
    const blockersBefore = Number(/(\d+)/.exec(await blockerHeading.innerText())![1]);

    // The demo plan already covers its first (governance) blockers; a management blocker gets a new item.
    const section = page.getByTestId('blocker-remediation');
    await section.getByTestId('in-plan').first().waitFor();
    const row = section
      .locator('[data-rule=management_not_implemented] li')
      .filter({ has: page.getByTestId('create-from-blocker') })
      .first();
    const itemId = (await row.getAttribute('data-blocker'))!.split('|')[1]!;
    await row.getByTestId('create-from-blocker').click();
    await expect(page.getByTestId('remediation-created').innerText()).resolves.toContain(itemId);
    await section.locator(`li[data-blocker="management_not_implemented|${itemId}"] [data-testid=in-plan]`).waitFor();
    expect(await serious(page)).toEqual([]);

    // The board: one column per status; the demo's overdue item is flagged in words.
    await page.getByRole('tab', { name: '改善計画' }).click();
    await page.waitForURL(/\/remediation$/);
    const board = page.getByTestId('remediation-board');
    await board.waitFor();
    expect(
      await board.locator('[data-column]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-column'))),
    ).toEqual(['open', 'in_progress', 'completed', 'risk_accepted', 'cancelled']);
    const overdue = board.locator('[data-column=in_progress] li[data-overdue]').first();
    await expect(overdue.getByTestId('overdue').innerText()).resolves.toMatch(/期限超過 \d+ 日/);
    const card = (status: string) => board.locator(`[data-column=${status}] li`, { hasText: `${itemId}:` });
    await card('open').waitFor();
    expect(await serious(page)).toEqual([]);

    // Moved by keyboard: the menu offers only what the transition table allows from "open".
    await card('open').getByTestId('move-menu').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem').first().waitFor();
    const offered = await page.getByRole('menuitem').allInnerTexts();
    expect(offered).toEqual(['「対応中」に変更', '「リスク受容」に変更', '「取消」に変更']);
    await page.getByRole('menuitem', { name: '「対応中」に変更' }).focus();
    await page.keyboard.press('Enter');
    await card('in_progress').waitFor();
    await page.getByTestId('move-done').waitFor();

    // Completing while its blocker is still reported is refused, with the reason and the blocker named.
    await card('in_progress').getByTestId('move-menu').click();
    await page.getByRole('menuitem', { name: '「完了」に変更' }).click();
    const refused = page.getByTestId('move-refused');
    await expect(refused.innerText()).resolves.toContain('紐付いたブロッカーが');
    await expect(refused.innerText()).resolves.toContain(itemId);
    await card('in_progress').waitFor();

    // Fix the statement item (implemented), then complete: the answer's fresh readiness is shown at once.
    const it0 = await pageApi<Record<string, unknown> & { version: number }>(
      page,
      'GET',
      `/statements/${statementId}/items/${encodeURIComponent(itemId)}`,
    );
    await pageApi(page, 'PUT', `/statements/${statementId}/items/${encodeURIComponent(itemId)}`, {
      version: it0.version,
      selection: it0.storedSelection,
      reason: it0.reason,
      inheritedFrom: it0.inheritedFrom,
      status: 'implemented',
      owner: it0.owner,
      control: it0.control,
    });
    await card('in_progress').getByTestId('move-menu').click();
    await page.getByRole('menuitem', { name: '「完了」に変更' }).click();
    await card('completed').waitFor();
    await expect(page.getByTestId('move-done').innerText()).resolves.toContain(`登録の妨げは ${blockersBefore - 1} 件`);

    // The dashboard number moved.
    await page.getByRole('tab', { name: '登録準備状況ダッシュボード' }).click();
    await expect.poll(async () => blockerHeading.innerText()).toContain(`${blockersBefore - 1} 件`);

    // An item by hand: title, owner, risk, a planned date, a milestone and a link to a statement item.
    await page.getByRole('tab', { name: '改善計画' }).click();
    await page.getByTestId('new-remediation').click();
    const form = page.getByTestId('remediation-form');
    await form.getByTestId('form-title').fill('鍵管理手順の整備');
    await form.getByTestId('form-owner').fill('情報セキュリティ推進室');
    await form.getByTestId('form-planned').fill('2026-03-15');
    await form.getByRole('button', { name: 'マイルストーンを追加' }).click();
    await form.getByLabel('マイルストーン 1', { exact: true }).fill('手順書の起案');
    await form.getByLabel('予定日（マイルストーン 1）').fill('2026-02-10');
    await form.getByLabel('言明書の項目を紐付け（ID）').fill('１０．１．１');
    await form.getByRole('button', { name: '項目を紐付け' }).click();
    await expect(form.getByTestId('links').innerText()).resolves.toContain('言明書の項目 10.1.1');
    expect(await serious(page)).toEqual([]);
    await form.getByTestId('form-save').click();
    await page.waitForURL(/item=[0-9a-f-]{36}/);
    await page.getByTestId('form-status').waitFor();
    await expect(page.getByTestId('form-status').innerText()).resolves.toBe('未着手');
    await form.getByTestId('form-owner').fill('CISO');
    await form.getByTestId('form-save').click();
    await page.getByTestId('form-saved').waitFor();
    await page.keyboard.press('Escape');
    const mine = board.locator('[data-column=open] li', { hasText: '鍵管理手順の整備' });
    await expect(mine.innerText()).resolves.toContain('CISO');
    await page.close();
  }, 180_000);

  it('keeps the list filters in the URL across a reload, exports and re-imports the POA&M, in English on a phone', async () => {
    const page = await signedIn({ locale: 'en-US', width: 390 });
    await page.goto(`${server.url}/statements/${statementId}/remediation`);
    await page.getByTestId('remediation-board').waitFor();
    expect(await serious(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('remediation-view').locator('label', { hasText: 'List' }).click();
    await page.waitForURL(/view=list/);
    await page.getByTestId('remediation-list').waitFor();
    const total = Number(/of (\d+) items/.exec(await page.getByTestId('plan-shown').innerText())![1]);
    expect(total).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Overdue only').click();
    await page.waitForURL(/overdue=1/);
    await page.getByTestId('plan-filter-risk').click();
    await page.getByRole('option', { name: 'High' }).click();
    await page.waitForURL(/risk=high/);
    await expect(page.getByTestId('plan-shown').innerText()).resolves.toBe(`1 of ${total} items shown`);
    const url = page.url();
    await page.reload();
    await page.getByTestId('remediation-list').waitFor();
    expect(page.url()).toBe(url);
    await expect(page.getByLabel('Overdue only').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('plan-shown').innerText()).resolves.toBe(`1 of ${total} items shown`);
    const rows = page.locator('[data-testid=remediation-list] tbody tr');
    await expect(rows.getByTestId('overdue').innerText()).resolves.toMatch(/Overdue by \d+ days/);
    expect(await serious(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // The item form in a drawer: milestones, dates, links with their state.
    await rows.first().getByRole('button').first().click();
    const form = page.getByTestId('remediation-form');
    await form.waitFor();
    await expect(form.getByTestId('milestones').innerText()).resolves.toContain('Milestone overdue');
    await expect(form.getByTestId('links').innerText()).resolves.toContain('still open');
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    // OSCAL POA&M: what the export answers imports back as updates of the same items (checked first, then applied).
    await expect(page.getByTestId('export-poam').getAttribute('href')).resolves.toContain(
      '/remediation/export.oscal.json',
    );
    const poam = await pageApi(page, 'GET', `/statements/${statementId}/remediation/export.oscal.json`);
    const file = join(dir, 'poam.json');
    writeFileSync(file, JSON.stringify(poam));
    await page.getByTestId('import-poam').click();
    await page.getByTestId('poam-import').locator('input[type=file]').setInputFiles(file);
    await expect(page.getByTestId('poam-preview').innerText()).resolves.toBe(
      `The file is valid: 0 new and ${total} updated items. Nothing is written yet.`,
    );
    await page.getByRole('button', { name: 'Import it' }).click();
    await expect(page.getByTestId('poam-imported').innerText()).resolves.toBe(
      `Imported: 0 new and ${total} updated items.`,
    );
    // A file that is not JSON is named in the message, nothing sent.
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{ not json');
    await page.getByTestId('poam-import').locator('input[type=file]').setInputFiles(bad);
    await expect(page.getByRole('alert').innerText()).resolves.toContain('The file broken.json is not JSON');
    expect(await serious(page)).toEqual([]);

    // The dashboard's evidence warnings and blockers-with-remediation fit the phone too.
    await page.getByRole('tab', { name: 'Readiness dashboard' }).click();
    await page.getByTestId('evidence-warnings').getByText('Evidence warnings').waitFor();
    await page.getByTestId('blocker-remediation').getByTestId('in-plan').first().waitFor();
    expect(await serious(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  }, 180_000);
});
