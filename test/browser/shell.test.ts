import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';
import { createInvitation } from '../../src/app/use-cases/organizations/create-invitation';
import { systemActor } from '../../src/core/identity';

// Each demo role signs in, in both languages, and sees exactly its role's navigation.
const expectedNav: Record<string, string[]> = {
  admin: [
    'home',
    'catalogs',
    'search',
    'mappings',
    'importText',
    'account',
    'apiDocs',
    'organizations',
    'users',
    'auditLog',
  ],
  csp: [
    'home',
    'catalogs',
    'search',
    'mappings',
    'account',
    'apiDocs',
    'cloudServices',
    'evidence',
    'organization',
    'orgAudit',
  ],
  auditor: ['home', 'catalogs', 'search', 'mappings', 'account', 'apiDocs', 'organization', 'orgAudit'],
  ipa: ['home', 'catalogs', 'search', 'mappings', 'importText', 'account', 'apiDocs', 'organization', 'orgAudit'],
  committee: ['home', 'catalogs', 'search', 'mappings', 'account', 'apiDocs', 'organization', 'orgAudit'],
  agency: ['home', 'catalogs', 'search', 'mappings', 'account', 'apiDocs', 'organization', 'orgAudit'],
};
const homeLabel = { ja: 'ホーム', en: 'Home' };
const signOutLabel = { ja: 'サインアウト', en: 'Sign out' };

describeBrowser('web shell in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, email: string) {
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
  }

  for (const lang of ['ja', 'en'] as const) {
    for (const user of Object.keys(expectedNav)) {
      it(`${user} signs in (${lang}) and sees only their navigation`, async () => {
        const context = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        await signIn(page, `${user}@demo.ismap-hub.test`);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        const nav = await page
          .locator('nav [data-nav]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')));
        expect(nav.sort()).toEqual([...expectedNav[user]!].sort());
        await expect(page.locator('nav [data-nav=home]').innerText()).resolves.toBe(homeLabel[lang]);
        await expect(page.getByRole('button', { name: signOutLabel[lang] }).count()).resolves.toBe(1);
        if (user !== 'admin') {
          // An organization member may not open the administration pages: the server answers 404 and so does the UI.
          await page.goto(`${server.url}/admin/users`);
          await page.getByRole('heading', { name: lang === 'ja' ? '見つかりません' : 'Not found' }).waitFor();
        }
        await context.close();
      });
    }
  }

  it('switches language in place and remembers it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'csp@demo.ismap-hub.test');
    await page.locator('header label', { hasText: '日本語' }).click();
    await page.locator('nav [data-nav=home]', { hasText: 'ホーム' }).waitFor();
    await page.reload();
    await page.locator('nav [data-nav=home]', { hasText: 'ホーム' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await context.close();
  });

  it('lets the platform administrator browse the audit log and verify the chain', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    // A rejected sign-in first: it is in the log, with no actor.
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('csp@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill('not-the-password-1');
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    await signIn(page, 'admin@demo.ismap-hub.test');
    await page.locator('nav [data-nav=auditLog]').click();
    await page.getByTestId('audit-table').waitFor();
    expect(await page.getByTestId('audit-table').locator('tbody tr').count()).toBeGreaterThan(5);
    // Actors are shown by name and email, not by id.
    await page
      .getByTestId('audit-table')
      .getByText('Platform Administrator <admin@demo.ismap-hub.test>')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Verify hash chain' }).click();
    await expect(page.getByTestId('verify-result').innerText()).resolves.toMatch(/Chain intact: \d+ events verified/);
    await page.getByLabel('Action (e.g. organization.* or session.sign_in*)').fill('organization.*');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/action=organization/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=audit-table] tbody tr')].every((r) =>
        r.textContent?.includes('organization.'),
      ),
    );
    // A pattern with * in the middle of a word, not only a 'prefix.*'.
    await page.getByLabel('Action (e.g. organization.* or session.sign_in*)').fill('session.sign_in*');
    await page.getByRole('button', { name: 'Apply' }).click();
    const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: 'session.sign_in_failed' }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Not signed in[\s\S]*wrong_password/);
    // The action by its name and the details as labelled fields, not raw JSON.
    await expect(row.innerText()).resolves.toMatch(/Sign-in rejected[\s\S]*Reason\s*wrong_password/);
    expect(await row.innerText()).not.toContain('{"');
    await context.close();
  });

  it('lets the platform administrator disable and re-enable a user, never themselves', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, 'admin@demo.ismap-hub.test');
    await page.locator('nav [data-nav=users]').click();
    const row = (email: string) => page.locator('tr', { hasText: email });
    await row('committee@demo.ismap-hub.test').getByRole('button', { name: 'Reset password' }).waitFor();
    expect(await row('admin@demo.ismap-hub.test').getByRole('button', { name: 'Disable' }).count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await row('committee@demo.ismap-hub.test').getByRole('button', { name: 'Disable' }).click();
    await row('committee@demo.ismap-hub.test').getByText('Disabled').waitFor();
    await row('committee@demo.ismap-hub.test').getByRole('button', { name: 'Enable' }).click();
    await row('committee@demo.ismap-hub.test').getByRole('button', { name: 'Disable' }).waitFor();
    await context.close();
  });

  it('lets an organization admin invite an existing user, who signs in by the link and accepts; all audited', async () => {
    const admin = await browser.newContext({ locale: 'ja-JP' });
    const page = await admin.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, 'csp@demo.ismap-hub.test');
    await page.locator('nav [data-nav=organization]').click();
    await page.getByRole('heading', { name: 'メンバー', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('agency@demo.ismap-hub.test');
    await page.getByRole('button', { name: '招待する' }).click();
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{40,}$/);
    await page
      .locator('tr', { hasText: 'agency@demo.ismap-hub.test' })
      .getByRole('button', { name: '取り消す' })
      .waitFor();
    const agency = (await server.deps.uow.read.users.getByEmail('agency@demo.ismap-hub.test'))!;
    expect(await server.deps.uow.read.users.memberships(agency.id)).toHaveLength(1);
    await admin.close();

    const invitee = await browser.newContext({ locale: 'en-US' });
    const p2 = await invitee.newPage();
    p2.setDefaultTimeout(10_000);
    await p2.goto(link);
    await p2.getByText('Sign in as agency@demo.ismap-hub.test to accept or decline.').waitFor();
    await p2.locator('input[type=password]').fill(DEMO_PASSWORD);
    await p2.getByRole('button', { name: 'Sign in' }).click();
    await p2.getByRole('button', { name: 'Accept' }).click();
    await p2.getByText(/You are now a member of Demo Cloud K\.K\./).waitFor();
    await p2.getByRole('link', { name: 'Go to ISMAP Hub' }).click();
    // Joining did not switch the organization they act for.
    await p2.getByText('You are acting for Demo Ministry as Admin.').waitFor();
    const actions = (await server.deps.uow.read.audit.query({ action: 'invitation.*', order: 'asc', limit: 10 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['invitation.create', 'invitation.accept']));
    const joined = await server.deps.uow.read.audit.query({
      action: 'membership.create',
      actorUserId: agency.id,
      order: 'desc',
      limit: 1,
    });
    expect(joined[0]?.details).toMatchObject({ email: 'agency@demo.ismap-hub.test', role: 'viewer' });
    await invitee.close();
  });

  it('lets someone without an account create it from an invitation link and join', async () => {
    const org = (await server.deps.uow.read.organizations.getBySlug('demo-cloud'))!;
    const { token } = await createInvitation(server.deps, { actor: systemActor, requestId: null }, org.id, {
      email: 'newcomer@example.jp',
      role: 'editor',
    });
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/invite#${token}`);
    await page.getByRole('heading', { name: 'アカウントを作成して参加' }).waitFor();
    await page.getByRole('textbox', { name: '表示名' }).fill('新人 太郎');
    await page.locator('input[type=password]').fill('newcomer-password-1');
    await page.getByRole('button', { name: 'アカウントを作成して参加する' }).click();
    await page.getByText('デモクラウド株式会社 の編集者として操作しています。').waitFor();
    await page.goto(`${server.url}/invite#${token}`);
    await page.getByText(/この招待リンクは無効です/).waitFor();
    await context.close();
  });

  it('says why a form was refused in the UI language (reason and problems from their codes)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, 'admin@demo.ismap-hub.test');
    await page.locator('nav [data-nav=organizations]').click();
    await page.getByRole('button', { name: '組織を作成' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '略称（スラッグ）' }).fill('ipa');
    await dialog.getByRole('textbox', { name: '名称（日本語）' }).fill('重複');
    await dialog.getByRole('textbox', { name: '名称（英語）' }).fill('Duplicate');
    await dialog.locator('button[type=submit]').click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('スラッグ「ipa」の組織はすでに存在します。');
    expect(text).toContain('すでに使われています');
    expect(text).not.toMatch(/already/);
    await context.close();
  });

  it('says how long sign-in is blocked after repeated failures, in the UI language', async () => {
    // An unknown account: the block is for this account and address pair only, so no demo user is affected.
    const expected = {
      ja: 'サインインの失敗が続いたため、一時的に制限しています。1 分後に再度お試しください。',
      en: 'Too many failed sign-in attempts. Try again in 1 minute.',
    };
    for (const lang of ['ja', 'en'] as const) {
      const context = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('input[autocomplete=username]').fill('nobody@demo.ismap-hub.test');
      await page.locator('input[type=password]').fill('not-the-password');
      const alert = page.getByRole('alert');
      for (let i = 0; i < (lang === 'ja' ? 6 : 1); i++) {
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
        await answer;
      }
      await expect(alert.innerText()).resolves.toBe(expected[lang]);
      await context.close();
    }
  });

  it('has no serious accessibility violations on sign-in and home (axe-core)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').waitFor();
    const signInResults = await new AxeBuilder({ page }).analyze();
    await signIn(page, 'csp@demo.ismap-hub.test');
    const homeResults = await new AxeBuilder({ page }).analyze();
    const serious = [...signInResults.violations, ...homeResults.violations].filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});
