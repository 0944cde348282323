import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

// The UX defects seen in screenshots at 1400 px and 390 px, each checked where a browser can check it.
describeBrowser('UX at desktop and phone width in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string, opts: { locale?: string; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: opts.locale ?? 'ja-JP',
      viewport: { width: opts.width ?? 1400, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page
      .locator('header')
      .getByRole('button', { name: /サインアウト|Sign out/ })
      .waitFor();
    return page;
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const serious = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

  it('fits the main pages into a 390 px phone screen, with the language switch in the menu', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test', { width: 390 });
    const pages: [string, string][] = [
      ['/', 'h2'],
      ['/catalogs', '[data-testid=catalog-table]'],
      ['/catalogs/ismap/2024-07', '[data-testid=catalog-tree] [role=treeitem]'],
      ['/catalogs/ismap/2024-07/nodes/9.2.3', '[data-testid=mapping-summary] tr'],
      ['/search?q=9.2.3', '[data-testid=search-results]'],
      ['/mappings?from=ismap%3A2024-07%3A9.2.3&to=nist-800-53r5', '[data-testid=mapping-target]'],
      ['/account', 'table'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(server.url + path);
      await page.locator(ready).first().waitFor();
      expect(await overflow(page), `${path} is wider than the phone`).toBeLessThanOrEqual(0);
    }
    expect(await serious(page)).toEqual([]);
    // The header has no room for the language switch: it is in the menu, and it works there.
    await page.locator('header').getByRole('button', { name: 'メインナビゲーション' }).click();
    await page.locator('nav label', { hasText: 'English' }).click();
    await page.locator('nav [data-nav=home]', { hasText: 'Home' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('answers not found for a page hidden from the role, without rendering its form', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test');
    for (const path of ['/catalogs/import', '/admin/audit', '/admin/organizations']) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { name: '見つかりません' }).waitFor();
      expect(await page.locator('main input, main form').count(), path).toBe(0);
    }
    await page.context().close();
    const ipa = await signedIn('ipa@demo.ismap-hub.test');
    await ipa.goto(`${server.url}/catalogs/import`);
    await ipa.locator('input[type=file]').waitFor({ state: 'attached' });
    await ipa.context().close();
  });

  it('orders the menu: criteria, own organization, administration, then account and reference', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test');
    const nav = await page.locator('nav [data-nav]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')));
    expect(nav).toEqual([
      'home',
      'catalogs',
      'search',
      'mappings',
      'cloudServices',
      'evidence',
      'organization',
      'orgAudit',
      'account',
      'apiDocs',
    ]);
    await page.context().close();
  });

  it('shows whole audit targets cut with an ellipsis, in a table no wider than the window', async () => {
    for (const width of [1400, 390]) {
      const page = await signedIn('admin@demo.ismap-hub.test', { locale: 'en-US', width });
      await page.goto(`${server.url}/admin/audit?action=organization.*`);
      const target = page.getByTestId('audit-target').first();
      await target.waitFor();
      const full = (await target.getAttribute('title'))!;
      expect(full).toMatch(/^organization:[0-9a-f-]{36}$/);
      expect(await target.innerText()).toBe(full);
      const style = await target.evaluate((el) => ({
        overflow: getComputedStyle(el).textOverflow,
        cut: el.scrollWidth > el.clientWidth,
      }));
      expect(style).toEqual({ overflow: 'ellipsis', cut: true });
      expect(await overflow(page), `audit log at ${width} px`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('filters the audit log by session.sign_in* (a pattern, not only prefix.*)', async () => {
    const page = await signedIn('admin@demo.ismap-hub.test', { locale: 'en-US' });
    // A rejected sign-in, so there is something to find.
    await server.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'csp@demo.ismap-hub.test', password: 'wrong-password-123' }),
    });
    await page.goto(`${server.url}/admin/audit?action=${encodeURIComponent('session.sign_in*')}`);
    await page.getByTestId('audit-table').waitFor();
    const actions = await page.getByTestId('audit-table').locator('tbody tr td:nth-child(4) .mono').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('session.sign_in'))).toBe(true);
    await page.context().close();
  });

  it('names frameworks and catalogs as people do, and hides internal file paths', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test');
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('ISMAP Hub へようこそ');
    await page.goto(`${server.url}/catalogs/ismap/2024-07`);
    await page.getByRole('heading', { name: 'ISMAP管理基準（2024-07 版）' }).waitFor();
    await page.goto(`${server.url}/catalogs/ismap/2024-07/nodes/9.2.3`);
    const summary = page.getByTestId('mapping-summary');
    for (const name of ['NIST SP 800-53 Rev. 5', 'FedRAMP Rev. 5 Moderate ベースライン', 'ISO/IEC 27001:2013']) {
      await expect(summary.locator('tr', { hasText: name }).innerText()).resolves.toMatch(/\d+ 項目/);
    }
    await page.getByTestId('mappings-out').locator('tbody tr').first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/content\/|\.json\b/);
    await summary.locator('tr', { hasText: 'NIST SP 800-53 Rev. 5' }).getByRole('link').click();
    await expect(page.getByTestId('paths-to').innerText()).resolves.toBe('NIST SP 800-53 Rev. 5');
    await page.getByTestId('mapping-target').first().waitFor();
    expect(await page.getByTestId('mapping-paths').innerText()).not.toMatch(/nist-800-53r5:5\.1\.1|content\//);
    await page.context().close();
  });

  it('marks untranslated titles quietly and explains them once', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test');
    await page.goto(`${server.url}/catalogs/ismap/2024-07`);
    await page.getByRole('button', { name: '9 を開く', exact: true }).click();
    await page.getByRole('button', { name: '9.2 を開く', exact: true }).click();
    await page.getByRole('button', { name: '9.2.3 を開く', exact: true }).click();
    const missing = page.locator('[data-testid=catalog-tree] .missing-translation').first();
    await missing.waitFor();
    const look = await missing.evaluate((el) => ({
      fontStyle: getComputedStyle(el).fontStyle,
      color: getComputedStyle(el).color,
    }));
    expect(look.fontStyle).toBe('normal');
    expect(look.color).not.toBe('rgb(154, 52, 18)');
    expect(await page.getByText('タイトル未取込」と表示します').count()).toBe(1);
    await page.context().close();
  });

  it('says which basic statement requirement count is which on the catalog list', async () => {
    const page = await signedIn('csp@demo.ismap-hub.test');
    await page.goto(`${server.url}/catalogs`);
    const row = page.getByTestId('catalog-table').locator('tr', { hasText: 'ismap' }).first();
    await expect(row.innerText()).resolves.toMatch(/うち \.B 付き詳細管理策 31[\s\S]*234/);
    await expect(page.getByTestId('catalog-table').locator('th').allInnerTexts()).resolves.toContain(
      '基本言明要件（計）',
    );
    await page.getByTestId('mandatory-note').waitFor();
    await page.context().close();
  });
});
