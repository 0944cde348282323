import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';
import { totpCode } from '../support/mfa';

// Multi-factor sign-in as a person does it in Chromium: an authenticator app whose codes the test computes with
// otpauth, and a passkey on a CDP virtual authenticator (WebAuthn.addVirtualAuthenticator).
describeBrowser('multi-factor sign-in in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  // WebAuthn wants a domain as RP ID, not an IP address: Chromium opens the loopback server as localhost.
  const base = () => server.url.replace('127.0.0.1', 'localhost');

  async function open(locale = 'en-US') {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function password(page: Page, email: string) {
    await page.goto(base());
    await page.locator('input[autocomplete=username]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
  }

  const seriousViolations = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

  it(
    'sets up an authenticator app from its QR code, then signs in with a code and with a recovery code',
    { timeout: 120_000 },
    async () => {
      const page = await open();
      await password(page, 'csp@demo.ismap-hub.test');
      await page.locator('nav [data-nav=home]').waitFor();
      await page.goto(`${base()}/account`);
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      await page.getByRole('img', { name: 'QR code for the authenticator app' }).waitFor();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('6-digit code').fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: 'Confirm', exact: true }).click();
      const codes = page.getByTestId('recovery-codes').locator('code');
      await codes.first().waitFor();
      expect(await codes.count()).toBe(10);
      const recovery = (await codes.nth(0).textContent())!;
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download as a text file' }).click();
      expect((await download).suggestedFilename()).toBe('ismap-hub-recovery-codes.txt');
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByText(/Set up on/).waitFor();

      // Sign out and in again: the second step asks for the code. The enrolling code's step is used, so the test
      // gives the next step's code (the server accepts one step either side).
      await page.getByRole('button', { name: 'Sign out' }).first().click();
      await password(page, 'csp@demo.ismap-hub.test');
      await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('6-digit code').fill('000000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('6-digit code').fill(totpCode(secret, new Date(Date.now() + 30_000)));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('nav [data-nav=home]').waitFor();
      // A new browser session: the cookies go, the authenticator stays.
      await page.context().clearCookies();
      await password(page, 'csp@demo.ismap-hub.test');
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recovery);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('nav [data-nav=home]').waitFor();
    },
  );

  it(
    'registers a passkey on a virtual authenticator and signs in with it as the second factor',
    { timeout: 120_000 },
    async () => {
      const page = await open('ja-JP');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      await password(page, 'auditor@demo.ismap-hub.test');
      await page.locator('nav [data-nav=home]').waitFor();
      await page.goto(`${base()}/account`);
      await page.getByLabel('パスキーの名前').fill('テスト用キー');
      await page.getByRole('button', { name: 'パスキーを追加' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.getByRole('button', { name: '保存しました' }).click();
      await page.getByRole('cell', { name: 'テスト用キー' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // A new browser session: the cookies go, the authenticator stays.
      await page.context().clearCookies();
      await password(page, 'auditor@demo.ismap-hub.test');
      await page.getByRole('heading', { name: '本人確認' }).waitFor();
      await page.getByRole('button', { name: 'パスキーを使う' }).click();
      await page
        .locator('nav [data-nav=home]')
        .waitFor()
        .catch(async (e: unknown) => {
          // Say why, when it fails: the server's reason and what the page showed.
          const failed = await server.deps.uow.read.audit.query({ action: 'mfa.verify_failed', limit: 5 });
          const alert = await page.getByRole('alert').allTextContents();
          throw new Error(`${String(e)}\n${JSON.stringify(failed.map((f) => f.details))}\n${alert.join('|')}`);
        });
      const used = await server.deps.uow.read.audit.query({ action: 'mfa.verify', limit: 5 });
      expect(used.map((e) => e.details.method)).toContain('passkey');
    },
  );
});
