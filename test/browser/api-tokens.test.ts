import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

// The account page's API tokens: create one with scopes and an expiry, copy it from the one-time dialog, use it,
// see it listed (never again in full) with its last use, and revoke it.
describeBrowser('API tokens on the account page', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const bearerStatus = async (token: string) =>
    (await fetch(`${server.url}/api/v1/catalogs`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('creates a token shown once with a copy button, lists it with its last use, and revokes it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('csp@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=account]').click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('No API tokens yet.').waitFor();

    const form = page.locator('form[aria-labelledby=api-tokens]');
    await form.getByLabel('Name').fill('nightly export');
    await form.getByRole('checkbox', { name: 'Mappings' }).check();
    await form.getByRole('button', { name: 'Create API token' }).click();

    const dialog = page.getByRole('dialog', { name: /Your new API token “nightly export”/ });
    await dialog.waitFor();
    const token = await dialog.getByTestId('new-api-token').inputValue();
    expect(token).toMatch(/^ismap_pat_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('button', { name: 'Copy token' }).click();
    await dialog.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Shown once: the page keeps only the hint.
    const list = page.getByTestId('api-token-list');
    await list.getByText('nightly export').waitFor();
    expect(await page.content()).not.toContain(token.slice(14));
    await list.getByText(`${token.slice(0, 14)}…`).waitFor();
    await list.getByText('catalogs:read mappings:read').waitFor();
    await list.getByText('Never').waitFor();

    expect(await bearerStatus(token)).toBe(200);
    await page.reload();
    await list.getByText('127.0.0.1').waitFor();

    await list.getByRole('button', { name: 'Revoke API token nightly export' }).click();
    await list.getByText('Revoked').waitFor();
    expect(await bearerStatus(token)).toBe(401);
    await context.close();
  });

  it('asks a stale session to re-authenticate (in Japanese), refuses a wrong password, then creates the token', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('auditor@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=account]').click();
    const form = page.locator('form[aria-labelledby=api-tokens]');
    await form.getByLabel('名前').waitFor();
    // The sign-in is now older than the re-authentication window.
    await server.engine.db.execute(
      "UPDATE sessions SET authenticated_at = now() - interval '11 minutes' WHERE revoked_at IS NULL",
    );
    server.deps.sessionCache.invalidate();
    await form.getByLabel('名前').fill('再認証');
    await form.getByRole('button', { name: 'APIトークンを作成' }).click();
    const dialog = page.getByRole('dialog', { name: '本人確認' });
    await dialog.waitFor();
    await dialog.getByLabel('パスワード').fill('wrong-password-123');
    await dialog.getByRole('button', { name: '確認' }).click();
    await dialog.getByText('現在のパスワードが正しくありません。').waitFor();
    await page.getByText('APIトークンはまだありません。').waitFor();
    await dialog.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: '確認' }).click();
    const created = page.getByRole('dialog', { name: /再認証/ });
    await created.waitFor();
    expect(await created.getByTestId('new-api-token').inputValue()).toMatch(/^ismap_pat_/);
    await context.close();
  });
});
