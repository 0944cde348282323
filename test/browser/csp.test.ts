import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { DEMO_PASSWORD, startHttpServer, type RunningServer } from '../support/http-server';

/** Chromium enforces the Content-Security-Policy: the app and the API docs must work under it, with no violation. */
describeBrowser('pages under the Content-Security-Policy', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string): Promise<{ page: Page; violations: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(server.url + path);
    return { page, violations, close: () => context.close() };
  }

  it('runs the web app and its styles', async () => {
    const { page, violations, close } = await open('/');
    await page.locator('input[autocomplete=username]').fill('admin@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
    // Mantine's run-time styles apply: the navigation is laid out, not unstyled.
    const display = await page.locator('nav [data-nav=home]').evaluate((el) => getComputedStyle(el).display);
    expect(display).not.toBe('inline');
    expect(violations).toEqual([]);
    await close();
  });

  it('runs the API docs page', async () => {
    const { page, violations, close } = await open('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('ISMAP Hub API');
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
    await close();
  });
});
