import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { secretBox } from '../../src/infra/secret-box';

// Single sign-on as a person does it in Chromium: an organization admin sets up the organization's OpenID Connect
// provider on the organization page, then a newcomer types a work email on the sign-in page, goes through the real
// oidc-provider started in this process (its interaction pages sign the test's account in), and comes back to the
// hub signed in as a member provisioned just in time. Nothing here leaves 127.0.0.1.
describeBrowser('single sign-on through an OpenID Connect provider in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let idp: TestIdp;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
    // The hub needs its key to store the client secret sealed (ISMAP_SSO_SECRET_KEY in production).
    server.deps.sso = { ...server.deps.sso!, secrets: secretBox(randomBytes(32)) };
    idp = await startTestIdp([`${server.url}/api/v1/auth/sso/callback`]);
    idp.accounts.set('newcomer-sub', { email: 'newcomer@ministry-sso.test', emailVerified: true, name: 'Newcomer' });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await idp?.close();
    await server?.stop();
  });

  async function open(locale: string) {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  const seriousViolations = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

  it(
    'configures SSO for an organization in the UI, then signs a new member in through the provider',
    { timeout: 120_000 },
    async () => {
      const page = await open('en-US');
      await page.goto(server.url);
      await page.locator('input[autocomplete=username]').fill('agency@demo.ismap-hub.test');
      await page.locator('input[type=password]').fill(DEMO_PASSWORD);
      await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
      await page.locator('nav [data-nav=home]').waitFor();
      const org = (await server.deps.uow.read.organizations.getBySlug('demo-ministry'))!;
      await page.goto(`${server.url}/organizations/${org.id}`);

      const sso = page.locator('section[aria-labelledby=sso-title]');
      await sso.getByLabel('Issuer URL').fill(idp.issuer);
      await sso.getByLabel('Client ID').fill(idp.clientId);
      await sso.getByLabel('Client secret').fill(idp.clientSecret);
      await sso.getByLabel('Allowed email domains (comma-separated)').fill('ministry-sso.test');
      await sso.getByLabel('Create accounts on first sign-in (just-in-time provisioning)').check();
      await sso.getByLabel('Single sign-on enabled').check();
      await sso.getByRole('button', { name: 'Save' }).click();
      await sso.getByText('Saved', { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const config = await server.deps.uow.read.sso.getConfiguration(org.id);
      expect(config).toMatchObject({ issuer: idp.issuer, allowedDomains: ['ministry-sso.test'], enabled: true });
      expect(config!.clientSecretSealed).not.toContain(idp.clientSecret);

      // Eleven minutes later the same session must confirm it is the admin before the provider can change: the page
      // opens the re-authentication prompt (this admin has no second factor, so the password) and saves again.
      const realNow = server.deps.clock.now;
      server.deps.clock.now = () => new Date(Date.now() + 11 * 60_000);
      try {
        await sso.getByLabel('Allowed email domains (comma-separated)').fill('ministry-sso.test, ministry.test');
        await sso.getByRole('button', { name: 'Save' }).click();
        const prompt = page.getByRole('dialog', { name: 'Confirm it is you' });
        await prompt.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await prompt.locator('input[autocomplete=current-password]').fill(DEMO_PASSWORD);
        await prompt.getByRole('button', { name: 'Confirm' }).click();
        await prompt.waitFor({ state: 'detached' });
        await sso.getByText('Saved', { exact: true }).waitFor();
        expect((await server.deps.uow.read.sso.getConfiguration(org.id))!.allowedDomains).toEqual([
          'ministry-sso.test',
          'ministry.test',
        ]);
      } finally {
        server.deps.clock.now = realNow;
      }

      // Someone new, in another browser: the work email leads to the organization's provider and back.
      const newcomer = await open('ja-JP');
      idp.nextAccount = 'newcomer-sub';
      await newcomer.goto(server.url);
      await newcomer.locator('input[name=sso-email]').fill('newcomer@ministry-sso.test');
      await newcomer.locator('input[name=sso-email]').press('Enter');
      await newcomer
        .locator('nav [data-nav=home]')
        .waitFor()
        .catch(async (e: unknown) => {
          const failed = await server.deps.uow.read.audit.query({ action: 'sso.sign_in_failed', limit: 5 });
          throw new Error(`${String(e)}\n${newcomer.url()}\n${JSON.stringify(failed.map((f) => f.details))}`);
        });
      expect(new URL(newcomer.url()).origin).toBe(server.url);
      expect(await seriousViolations(newcomer)).toEqual([]);
      const session = await newcomer.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
      expect(session).toMatchObject({
        user: { email: 'newcomer@ministry-sso.test' },
        memberships: [{ orgId: org.id, role: 'viewer' }],
        signInStep: null,
      });
      const user = await server.deps.uow.read.users.getByEmail('newcomer@ministry-sso.test');
      expect(user!.passwordHash).toBeNull();
      const [created] = await server.deps.uow.read.audit.query({ action: 'user.create', targetId: user!.id, limit: 1 });
      expect(created!.details).toMatchObject({ via: 'sso' });
    },
  );
});
