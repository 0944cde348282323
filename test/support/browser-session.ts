import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './http-server';

export interface PageOptions {
  locale?: string;
  width?: number;
  /** Let the test wait for downloads (exports). */
  downloads?: boolean;
  /** The page's wait for an element (default 20 s: a busy 2-core machine). */
  timeoutMs?: number;
}

/**
 * A new browser context signed in as the demo CSP's user through the password form (the sign-in page also has an
 * SSO email field, so the form is found by its label): the browser journeys of the CSP workspace start here.
 */
export async function signedInAsCsp(browser: Browser, url: string, opts: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'ja-JP',
    viewport: { width: opts.width ?? 1400, height: 900 },
    ...(opts.downloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeoutMs ?? 20_000);
  await page.goto(url);
  await page.locator('input[autocomplete=username]').fill('csp@demo.ismap-hub.test');
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
  await page.locator('nav [data-nav=home]').waitFor();
  return page;
}

/** axe's serious and critical findings on the page as it is, one line each (an empty list is clean). */
export const seriousAxe = async (page: Page): Promise<string[]> =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
