import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { seriousAxe, signedInAsCsp, type PageOptions } from '../support/browser-session';
import { startHttpServer, type RunningServer } from '../support/http-server';
import { pageApi } from '../support/page-api';

// The evidence library journey: drop a file on the library, watch it upload to its done state, open it and see its
// preview, drop a new version (the first stays), link it from an item of the demo statement with the picker and
// find the item under "where used"; axe-clean in ja and en, no page wider than a 390 px phone.

// A 2×2 PNG and a minimal one-page PDF, built here (no fixture files needed).
const PNG_B64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAwAAi/v//zwAAHfAE/EgTX4EAAAAASUVORK5CYII=';
const PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');
const BIG_PDF = `${PDF}\n%${'x'.repeat(4700)}`;

describeBrowser('evidence library in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let evidencePath = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(opts: PageOptions = {}): Promise<Page> {
    const page = await signedInAsCsp(browser, server.url, opts);
    return page;
  }
  const serious = seriousAxe;
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  /** A DataTransfer holding one file, as a drag from the desktop carries it. */
  const fileTransfer = (page: Page, file: { name: string; type: string; base64?: string; text?: string }) =>
    page.evaluateHandle((f) => {
      const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text!;
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], f.name, { type: f.type }));
      return dt;
    }, file);
  async function dropOn(page: Page, testId: string, dt: JSHandle<DataTransfer>) {
    const zone = page.getByTestId(testId);
    for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: dt });
  }

  it('uploads a file dropped on the library, with its progress to the done state, and previews it', async () => {
    const page = await signedIn();
    await page.locator('nav [data-nav=evidence]').click();
    // The pointer leaves the menu (a hovered menu entry is not what axe should judge).
    await page.mouse.move(1000, 880);
    await page.getByRole('heading', { name: '証跡ライブラリ', exact: true }).waitFor();
    // The demo library is listed, and the limit is said before anything is dropped.
    await page.getByTestId('evidence-table').getByText('アクセス管理手順書').waitFor();
    await expect(page.getByTestId('evidence-dropzone').innerText()).resolves.toContain('200 MB');
    expect(await serious(page)).toEqual([]);

    await dropOn(
      page,
      'evidence-dropzone',
      await fileTransfer(page, { name: 'network.png', type: 'image/png', base64: PNG_B64 }),
    );
    await expect(page.getByTestId('evidence-dropzone-file').innerText()).resolves.toContain('network.png');
    await page.getByTestId('upload-title-ja').fill('ネットワーク構成写真');
    await page.getByTestId('upload-title-en').fill('Network photo');
    await page.getByTestId('upload-kind').click();
    await page.getByRole('option', { name: '設計書' }).click();
    await page.getByTestId('upload-submit').click();
    const status = page.locator('[data-testid=upload-status][data-state=done]');
    await status.waitFor();
    await expect(status.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await expect(status.innerText()).resolves.toContain('第 1 版');
    expect(await serious(page)).toEqual([]);

    await page.getByTestId('open-uploaded').click();
    await page.getByRole('heading', { name: 'ネットワーク構成写真' }).waitFor();
    evidencePath = new URL(page.url()).pathname;
    expect(evidencePath).toMatch(/^\/evidence\/[0-9a-f-]{36}$/);
    // The image preview loads through the sandboxed inline URL.
    const img = page.getByTestId('preview-image');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(2);
    const versions = page.getByTestId('evidence-versions');
    await expect(versions.locator('[data-version]').count()).resolves.toBe(1);
    await expect(versions.getByTestId('version-sha256').innerText()).resolves.toMatch(/^[0-9a-f]{64}$/);
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('uploads a new version without overwriting the first and previews the PDF', async () => {
    const page = await signedIn({ locale: 'en-US' });
    await page.goto(server.url + evidencePath);
    await page.getByRole('heading', { name: 'Network photo' }).waitFor();
    await dropOn(
      page,
      'version-dropzone',
      await fileTransfer(page, { name: 'network.pdf', type: 'application/pdf', text: PDF }),
    );
    await page.getByTestId('version-note').fill('Redrawn as a PDF');
    await page.getByTestId('version-submit').click();
    await page.locator('[data-testid=version-status][data-state=done]').waitFor();
    const versions = page.getByTestId('evidence-versions');
    await expect.poll(() => versions.locator('[data-version]').count()).toBe(2);
    const shas = await versions.getByTestId('version-sha256').allInnerTexts();
    expect(new Set(shas).size).toBe(2);
    const frame = page.getByTestId('preview-pdf');
    await frame.waitFor({ state: 'attached' });
    const src = (await frame.getAttribute('src'))!;
    expect(src).toMatch(/\/versions\/2\/content\?inline=true$/);
    // What the frame loads runs nothing: a sandboxing policy and nosniff.
    const res = await page.request.get(server.url + src);
    expect(res.headers()['content-security-policy']).toMatch(/^sandbox;/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-type']).toBe('application/pdf');
    // Both versions still download as they were.
    const first = await page.request.get(`${server.url}/api/v1${evidencePath}/versions/1/content`);
    expect((await first.body()).toString('base64')).toBe(PNG_B64);
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('links the evidence from a statement item with the picker and shows the item under "where used"', async () => {
    const page = await signedIn();
    const { services } = await pageApi<{ services: { id: string }[] }>(page, 'GET', '/cloud-services');
    const { statements } = await pageApi<{ statements: { id: string }[] }>(
      page,
      'GET',
      `/cloud-services/${services[0]!.id}/statements`,
    );
    const statementId = statements[0]!.id;
    const { items } = await pageApi<{ items: { itemId: string; evidence: number }[] }>(
      page,
      'GET',
      `/statements/${statementId}/evidence-freshness`,
    );
    const itemId = items.find((i) => i.evidence === 0)!.itemId;
    await page.goto(`${server.url}/statements/${statementId}?item=${encodeURIComponent(itemId)}`);
    const picker = page.getByTestId('evidence-picker');
    await picker.getByText('この項目に紐付いた証跡はありません。').waitFor();
    await picker.getByTestId('evidence-picker-q').fill('ネットワーク構成写真');
    await picker.getByRole('button', { name: 'ネットワーク構成写真 を紐付ける' }).click();
    await picker.getByTestId('linked-evidence').getByRole('link', { name: 'ネットワーク構成写真' }).waitFor();
    expect(await serious(page)).toEqual([]);

    await picker.getByTestId('linked-evidence').getByRole('link', { name: 'ネットワーク構成写真' }).click();
    const used = page.getByTestId('where-used');
    await used.locator(`[data-link-item="${itemId}"]`).waitFor();
    await expect(used.getByRole('link', { name: itemId }).getAttribute('href')).resolves.toBe(
      `/statements/${statementId}?item=${encodeURIComponent(itemId)}`,
    );
    await page.context().close();
  }, 120_000);

  it("says the limit and the server's refusal of a file too large in the user's language", async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/evidence`);
    await page.getByTestId('evidence-dropzone').waitFor();
    const limit = server.deps.maxEvidenceBytes;
    try {
      // The server's limit drops below the file after the page read it: the server refuses, the page says why.
      server.deps.maxEvidenceBytes = 2048;
      await dropOn(
        page,
        'evidence-dropzone',
        await fileTransfer(page, { name: 'big.pdf', type: 'application/pdf', text: BIG_PDF }),
      );
      await page.getByTestId('upload-submit').click();
      const alert = page.getByTestId('evidence-upload').getByRole('alert');
      await expect(alert.innerText()).resolves.toContain('ファイルが上限の 2 KiB を超えています。');
      await expect(alert.innerText()).resolves.toContain('リクエストまたはファイルが大きすぎます');
      // Reloaded, the page knows the limit and refuses the file before sending a byte.
      await page.reload();
      await expect(page.getByTestId('evidence-dropzone').innerText()).resolves.toContain('2 KB');
      await dropOn(
        page,
        'evidence-dropzone',
        await fileTransfer(page, { name: 'big.pdf', type: 'application/pdf', text: BIG_PDF }),
      );
      await expect(page.getByTestId('evidence-dropzone-rejected').innerText()).resolves.toMatch(
        /^big\.pdf は 4\.\d KB で、上限の 2 KB を超えています。$/,
      );
      expect(await serious(page)).toEqual([]);
    } finally {
      server.deps.maxEvidenceBytes = limit;
    }
    await page.context().close();
  }, 120_000);

  it('fits a 390 px phone and is axe-clean in English, filters through the URL', async () => {
    const page = await signedIn({ locale: 'en-US', width: 390 });
    await page.goto(`${server.url}/evidence`);
    await page.getByRole('heading', { name: 'Evidence library', exact: true }).waitFor();
    await page.getByTestId('evidence-q').fill('network');
    await page.waitForURL(/q=network/);
    await expect.poll(() => page.getByTestId('evidence-count').innerText()).toBe('2 evidence shown');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await serious(page)).toEqual([]);
    await page.goto(server.url + evidencePath);
    await page.getByTestId('where-used').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await serious(page)).toEqual([]);
    // Retiring asks for the reason and is recorded, not an erase: the page still shows every version.
    await page.getByTestId('retire-open').scrollIntoViewIfNeeded();
    await page.getByTestId('retire-open').click();
    const form = page.getByTestId('retire-form');
    await form.waitFor();
    await form.locator('textarea:not([aria-hidden])').first().fill('Replaced by the new network design');
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('retire-confirm').click();
    await expect(page.getByTestId('retired-note').innerText()).resolves.toContain('Replaced by the new network design');
    await expect(page.getByTestId('evidence-versions').locator('[data-version]').count()).resolves.toBe(2);
    await expect(page.getByTestId('retire-open').count()).resolves.toBe(0);
    await page.context().close();
  }, 120_000);
});
