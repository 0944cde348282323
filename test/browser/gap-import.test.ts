import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { seriousAxe, signedInAsCsp, type PageOptions } from '../support/browser-session';
import { startHttpServer, type RunningServer } from '../support/http-server';
import { pageApi } from '../support/page-api';
import { soa2013Rows, soa2022Rows, toCsv } from '../../src/formats/gap/test-fixtures';

interface Proposal {
  id: string;
  itemId: string;
  relationship: string;
  bulkAcceptable: boolean;
  decision: string | null;
  proposed: { selection: string; status: string | null; draft: string };
}
interface Detail {
  import: { id: string; statementId: string };
  groups: { relationship: string; proposals: Proposal[] }[];
}

// The gap-analysis wizard, two journeys as csp@demo: (a) a Japanese ISO/IEC 27001:2013 SoA from the empty
// workspace of a new service — a statement created in the wizard, the edition confirmed, the dry run, the strong
// proposals accepted in bulk (through the bundled sets a 2013 SoA maps through equal / superset-of only; the CSP's
// own intersects-with mapping adds the one proposal decided with its required note, as is a cloud-specific one), and
// the gap report downloaded; (b) an English 2022 SoA through the 2013 ↔ 2022 correspondence
// set, whose intersects-with proposals are decided one by one and show in the statement editor. axe-clean in ja and
// en, nothing wider than a 390 px phone. The SoAs are the ones the API test generates (src/formats/gap/test-fixtures).
describeBrowser('gap-analysis wizard (SoA → proposals → decisions → gap report) in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir = '';
  let soa2013 = '';
  let soa2022 = '';
  let badSoa = '';
  let ssp = '';
  let badSsp = '';
  const visited: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-gap-browser-'));
    soa2013 = join(dir, 'soa-2013.csv');
    soa2022 = join(dir, 'soa-2022.csv');
    writeFileSync(soa2013, toCsv(soa2013Rows(), 'utf-8-bom'));
    writeFileSync(soa2022, toCsv(soa2022Rows()));
    // The API test's bad row: an id that is no ISO/IEC 27001:2013 control, in data row 4.
    const rows = soa2013Rows();
    rows[3]![0] = 'A.99.1.1';
    badSoa = join(dir, 'soa-bad.csv');
    writeFileSync(badSoa, toCsv(rows));
    ssp = join(dir, 'ssp-example.json');
    copyFileSync(new URL('../fixtures/oscal-ssp/ssp-example.json', import.meta.url), ssp);
    badSsp = join(dir, 'bad-ssp.json');
    writeFileSync(
      badSsp,
      JSON.stringify({
        'system-security-plan': { 'control-implementation': { 'implemented-requirements': [{ uuid: 'x' }] } },
      }),
    );
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(opts: PageOptions = {}): Promise<Page> {
    const page = await signedInAsCsp(browser, server.url, { ...opts, downloads: true, timeoutMs: 30_000 });
    return page;
  }
  const serious = seriousAxe;
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const newService = (page: Page, name: string) =>
    pageApi<{ id: string }>(page, 'POST', '/cloud-services', {
      name: { ja: name, en: name },
      model: 'saas',
      track: 'ismap',
    });
  const detail = (page: Page, id: string) => pageApi<Detail>(page, 'GET', `/gap-imports/${id}`);
  /** Waits (the page's timeout, not expect.poll's one second) for the status line to say exactly this. */
  const notice = (page: Page, text: string) =>
    page
      .getByTestId('gap-notice')
      .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .waitFor();
  const importId = (page: Page) => page.getByTestId('gap-import-page').getAttribute('data-import');

  it('(a) imports a 2013 SoA from the empty workspace, accepts the strong proposals in bulk and opens the report', async () => {
    const page = await signedIn();
    const svc = await newService(page, 'ギャップ分析 2013');
    // The CSP's own judgement (a mapping of its organization, never global): a governance item no SoA row reaches
    // through the bundled sets intersects with A.5.1.1. Removed at the end, so journey (b) sees the bundled sets only.
    const own = await pageApi<{ id: string }>(page, 'POST', '/mappings', {
      source: 'ismap:3.1.2.1',
      target: 'iso27001-2013:A.5.1.1',
      relationship: 'intersects-with',
      note: '情報セキュリティ方針と経営陣の関与は一部重なる',
    });
    await page.goto(`${server.url}/services/${svc.id}`);
    // The empty workspace's "import an SoA" step leads to the wizard with the service chosen.
    await page.getByTestId('next-steps').locator('[data-step=stepImport] a').click();
    await page.getByRole('heading', { name: '適用宣言書（SoA）・SSP からのギャップ分析' }).waitFor();
    await page.getByTestId('gap-create-statement').click();
    await page.getByTestId('gap-wizard').waitFor();
    const statementId = new URL(page.url()).searchParams.get('statement')!;
    expect(statementId).toMatch(/^[0-9a-f-]{36}$/);
    visited.push(new URL(page.url()).pathname + new URL(page.url()).search);

    // A file with a bad row: the dry run names the row and column, in Japanese, and nothing can be imported.
    await page.locator('input[type=file]').setInputFiles(badSoa);
    await page.getByTestId('gap-check').click();
    await page.getByTestId('gap-edition').getByLabel('ISO/IEC 27001:2013 （判定結果）').check({ force: true });
    const bad = page.getByTestId('gap-issues').locator('[data-code=unknown_control]');
    await expect(bad.innerText()).resolves.toMatch(
      /^4 行目、A 列\s+エラー: A\.99\.1\.1 は ISO\/IEC 27001:2013 の管理策ではありません。$/,
    );
    await page.getByTestId('gap-fix-first').waitFor();
    expect(await page.getByTestId('gap-import').count()).toBe(0);
    expect(await serious(page), 'dry run with errors (ja)').toEqual([]);

    await page.locator('input[type=file]').setInputFiles(soa2013);
    await page.getByTestId('gap-check').click();
    const edition = page.getByTestId('gap-edition');
    await edition.waitFor();
    await expect(edition.innerText()).resolves.toMatch(/ISO\/IEC 27001:2013（2013 年版に合う番号 114/);
    // Nothing is imported before the edition is confirmed.
    expect(await page.getByTestId('gap-import').count()).toBe(0);
    await edition.getByLabel('ISO/IEC 27001:2013 （判定結果）').check({ force: true });
    const preview = page.getByTestId('gap-preview');
    await preview.getByTestId('gap-counts').waitFor();
    await expect(preview.getByTestId('gap-columns').locator('[data-role=id]').innerText()).resolves.toMatch(
      /管理策番号: A\s+管理策番号\s+見出しから/,
    );
    expect(await preview.getByTestId('gap-by-relationship').locator('[data-rel=intersects-with]').count()).toBe(1);
    expect(await serious(page), 'wizard (ja)').toEqual([]);
    expect(await pageApi<{ imports: unknown[] }>(page, 'GET', `/statements/${statementId}/gap-imports`)).toEqual({
      imports: [],
    });

    await preview.getByTestId('gap-import').click();
    await page.getByTestId('gap-import-page').waitFor();
    const id = (await importId(page))!;
    visited.push(`/gap-imports/${id}`);
    const groups = page.getByTestId('gap-group');
    await expect(groups.first().getAttribute('data-rel')).resolves.toBe('equal');
    expect(await page.locator('[data-testid=gap-group][data-rel=intersects-with]').count()).toBe(1);
    // Each proposal shows its source row and its path hop by hop, with the method of every link.
    const first = groups.first().getByTestId('gap-proposal').first();
    await expect(first.innerText()).resolves.toMatch(/soa-2013\.csv の \d+ 行目/);
    expect(await first.getByTestId('gap-path').locator('[data-method]').count()).toBeGreaterThan(0);
    expect(await serious(page), 'proposals (ja)').toEqual([]);

    const before = await detail(page, id);
    const strong = before.groups.flatMap((g) => g.proposals).filter((p) => p.bulkAcceptable);
    expect(strong.length).toBeGreaterThan(50);
    await page.getByTestId('gap-accept-bulk').click();
    await notice(page, `${strong.length} 件の提案を 1 回の判断で承認しました。`);
    expect(await serious(page), 'proposals after the bulk decision (ja)').toEqual([]);
    const after = await detail(page, id);
    const all = after.groups.flatMap((g) => g.proposals);
    expect(all.filter((p) => p.decision === 'accepted').length).toBe(strong.length);
    const eq = all.find((p) => p.bulkAcceptable && p.proposed.status)!;
    const item = await pageApi<{ status: string }>(page, 'GET', `/statements/${statementId}/items/${eq.itemId}`);
    expect(item.status).toBe(eq.proposed.status);

    // A proposal that may not go in bulk (a cloud-specific item) is decided on its own, and only with a note.
    const weak = all.find((p) => !p.bulkAcceptable && !p.decision)!;
    await page.getByTestId('gap-filter').getByText('未判断').click();
    await page.getByTestId('gap-search').fill(weak.itemId);
    const row = page.locator(`[data-testid=gap-proposal][data-proposal="${weak.id}"]`);
    await row.getByTestId('gap-decide').click();
    const modal = page.getByTestId('gap-decide-modal');
    await modal.getByTestId('gap-accept').click();
    await modal.getByText('メモを入力してください。').waitFor();
    await modal.getByTestId('gap-note').fill('クラウド固有の管理策は個別に確認済み');
    await modal.getByTestId('gap-accept').click();
    await notice(page, `${weak.itemId}：承認済み。`);
    await expect
      .poll(
        async () => (await detail(page, id)).groups.flatMap((g) => g.proposals).find((p) => p.id === weak.id)?.decision,
        { timeout: 30_000 },
      )
      .toBe('accepted');

    // The intersects-with proposal the CSP's own mapping made: decided on its own, with a note.
    const overlap = all.find((p) => p.relationship === 'intersects-with')!;
    expect(overlap.itemId).toBe('3.1.2.1');
    await page.getByTestId('gap-search').fill(overlap.itemId);
    await page.locator(`[data-testid=gap-proposal][data-proposal="${overlap.id}"]`).getByTestId('gap-decide').click();
    await modal.getByTestId('gap-note').fill('方針の一部として確認済み');
    await modal.getByTestId('gap-accept').click();
    await notice(page, `${overlap.itemId}：承認済み。`);
    await expect
      .poll(
        async () =>
          (await detail(page, id)).groups.flatMap((g) => g.proposals).find((p) => p.id === overlap.id)?.decision,
      )
      .toBe('accepted');

    await page.getByTestId('gap-to-report').click();
    await page.getByTestId('gap-report').waitFor();
    visited.push(`/gap-imports/${id}/report`);
    await expect(page.getByTestId('gap-totals').innerText()).resolves.toMatch(
      /^項目：[\d,]+ ・ 充足：[\d,]+ ・ ギャップ：[\d,]+/,
    );
    await expect(page.getByTestId('gap-report-decisions').innerText()).resolves.toBe(
      `承認：${(strong.length + 2).toLocaleString('ja')} ・ 却下：0 ・ 未判断：${(all.length - strong.length - 2).toLocaleString('ja')}`,
    );
    expect(await page.getByTestId('gap-tier-table').locator('[data-tier=governance]').count()).toBe(1);
    expect(await page.getByTestId('gap-items').locator('[data-item]').count()).toBeGreaterThan(0);
    for (const [testId, name] of [
      ['gap-xlsx', /^gap-report-[0-9a-f]{8}-ja\.xlsx$/],
      ['gap-csv', /^gap-report-[0-9a-f]{8}-ja\.csv$/],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      expect(download.suggestedFilename()).toMatch(name);
      expect((await download.failure()) ?? null).toBeNull();
    }
    expect(await serious(page), 'report (ja)').toEqual([]);
    await page.getByTestId('gap-open-editor').click();
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    await pageApi(page, 'DELETE', `/mappings/${own.id}`);
    await page.context().close();
  }, 240_000);

  it('(b) imports a 2022 SoA through the correspondence set and decides intersects-with proposals one by one', async () => {
    const page = await signedIn({ locale: 'en-US' });
    const svc = await newService(page, 'Gap 2022');
    const st = await pageApi<{ id: string }>(page, 'POST', `/cloud-services/${svc.id}/statements`, {
      catalog: 'ismap',
      edition: '2024-07',
    });
    await page.goto(`${server.url}/statements/${st.id}`);
    await page.getByTestId('gap-analysis').click();
    await page.getByTestId('gap-wizard').waitFor();
    expect(new URL(page.url()).searchParams.get('statement')).toBe(st.id);

    await page.locator('input[type=file]').setInputFiles(soa2022);
    await page.getByTestId('gap-check').click();
    const edition = page.getByTestId('gap-edition');
    await edition.waitFor();
    await expect(edition.innerText()).resolves.toMatch(/ISO\/IEC 27001:2022 \(\d+ ids fit 2013, 93 fit 2022\)/);
    await edition.getByLabel('ISO/IEC 27001:2022 (detected)').check({ force: true });
    await page.getByTestId('gap-correspondence').waitFor();
    await expect(page.getByTestId('gap-correspondence').innerText()).resolves.toMatch(/ISO\/IEC 27002:2022 Annex B/);
    await page.getByTestId('gap-counts').waitFor();
    expect(await page.getByTestId('gap-by-relationship').locator('[data-rel=intersects-with]').count()).toBe(1);
    expect(await serious(page), 'wizard (en)').toEqual([]);
    await page.getByTestId('gap-import').click();
    await page.getByTestId('gap-import-page').waitFor();
    const id = (await importId(page))!;
    visited.push(`/gap-imports/${id}`, `/gap-imports/${id}/report`);
    await expect(page.getByTestId('gap-sets').locator('[data-method=community]').count()).resolves.toBeGreaterThan(0);
    const group = page.locator('[data-testid=gap-group][data-rel=intersects-with]');
    await group.waitFor();
    // Its proposals are not in the bulk: the bulk accepts the strong ones only.
    const d = await detail(page, id);
    const weak = d.groups.find((g) => g.relationship === 'intersects-with')!.proposals;
    expect(weak.length).toBeGreaterThan(1);
    expect(weak.every((p) => !p.bulkAcceptable)).toBe(true);
    expect(await serious(page), 'proposals (en)').toEqual([]);

    const decide = async (p: Proposal, button: 'gap-accept' | 'gap-reject', note: string) => {
      await page.getByTestId('gap-search').fill(p.itemId);
      const row = group.locator(`[data-testid=gap-proposal][data-proposal="${p.id}"]`);
      await row.getByTestId('gap-decide').click();
      const modal = page.getByTestId('gap-decide-modal');
      // The modal shows every path, the correspondence hop first (community, ISO/IEC 27002:2022 Annex B).
      await expect(
        modal.getByTestId('gap-path').first().locator('[data-hop="0"]').getAttribute('data-method'),
      ).resolves.toBe('community');
      await modal.getByTestId('gap-note').fill(note);
      await modal.getByTestId(button).click();
      await modal.waitFor({ state: 'detached' });
      await row.getByTestId('gap-decision').waitFor();
    };
    const [accept, reject] = [weak[0]!, weak.find((p) => p.itemId !== weak[0]!.itemId)!];
    await decide(accept, 'gap-accept', 'Covered by our access policy; reviewed with the CISO.');
    await notice(page, `${accept.itemId}: Accepted.`);
    await decide(reject, 'gap-reject', 'Only partly related; will write the individual control ourselves.');
    await notice(page, `${reject.itemId}: Rejected.`);

    const after = (await detail(page, id)).groups.flatMap((g) => g.proposals);
    expect(after.find((p) => p.id === accept.id)?.decision).toBe('accepted');
    expect(after.find((p) => p.id === reject.id)?.decision).toBe('rejected');
    // The accepted proposal is in the statement; the editor shows the item's new status.
    const item = await pageApi<{ status: string | null }>(page, 'GET', `/statements/${st.id}/items/${accept.itemId}`);
    expect(item.status).toBe(accept.proposed.status);
    await page.goto(`${server.url}/statements/${st.id}?q=${encodeURIComponent(accept.itemId)}`);
    const editorRow = page.getByTestId('statement-table').locator(`[data-item="${accept.itemId}"]`);
    await expect(editorRow.locator('[data-col=status]').innerText()).resolves.toBe(
      { not_started: 'Not started', planned: 'Planned', in_progress: 'In progress', implemented: 'Implemented' }[
        accept.proposed.status!
      ],
    );
    await page.goto(`${server.url}/gap-imports/${id}/report`);
    await page.getByTestId('gap-report').waitFor();
    expect(await serious(page), 'report (en)').toEqual([]);
    await page.context().close();
  }, 240_000);

  it('(c) shows an SSP problem at its JSON path, then imports a NIST example SSP without the edition step', async () => {
    const page = await signedIn({ locale: 'en-US' });
    const svc = await newService(page, 'Gap SSP');
    await page.goto(`${server.url}/services/import-soa?service=${svc.id}`);
    await page.getByTestId('gap-create-statement').click();
    await page.getByTestId('gap-wizard').waitFor();
    await page.locator('input[type=file]').setInputFiles(badSsp);
    await page.getByTestId('gap-check').click();
    const bad = page.getByTestId('gap-issues').locator('[data-code=ssp_invalid]');
    await expect(bad.innerText()).resolves.toMatch(
      /system-security-plan\.control-implementation\.implemented-requirements\.0\s+Error: Not a valid system security plan/,
    );
    await page.getByTestId('gap-fix-first').waitFor();
    expect(await page.getByTestId('gap-edition').count()).toBe(0);

    await page.locator('input[type=file]').setInputFiles(ssp);
    await page.getByTestId('gap-check').click();
    await page.getByTestId('gap-counts').waitFor();
    expect(await page.getByTestId('gap-steps').locator('[data-step=edition]').count()).toBe(0);
    await expect(page.getByTestId('gap-detection').innerText()).resolves.toMatch(/NIST SP 800-53 Rev\. 4/);
    expect(await serious(page), 'SSP dry run (en)').toEqual([]);
    await page.getByTestId('gap-import').click();
    await page.getByTestId('gap-import-page').waitFor();
    const id = (await importId(page))!;
    visited.push(`/gap-imports/${id}`);
    const first = page.getByTestId('gap-proposal').first();
    await expect(first.innerText()).resolves.toMatch(/ssp-example\.json, system-security-plan/);
    expect(await serious(page), 'SSP proposals (en)').toEqual([]);
    await page.context().close();
  }, 240_000);

  it('fits a 390 px phone and stays axe-clean there, in both languages', async () => {
    expect(visited.length).toBeGreaterThanOrEqual(6);
    for (const locale of ['ja-JP', 'en-US']) {
      const page = await signedIn({ locale, width: 390 });
      for (const path of visited) {
        await page.goto(server.url + path);
        await page
          .locator('[data-testid=gap-wizard], [data-testid=gap-import-page], [data-testid=gap-report]')
          .first()
          .waitFor();
        expect(await overflow(page), `${path} (${locale}) is wider than the phone`).toBeLessThanOrEqual(0);
        expect(await serious(page), `${path} (${locale})`).toEqual([]);
      }
      await page.context().close();
    }
  }, 240_000);
});
