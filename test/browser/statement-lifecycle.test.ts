import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launch } from '../support/browser';
import { seriousAxe, signedInAsCsp, type PageOptions } from '../support/browser-session';
import { startHttpServer, type RunningServer } from '../support/http-server';
import { importTextFile } from '../support/import-text';
import { pageApi } from '../support/page-api';
import { systemActor } from '../../src/core/identity';
import { statementTransitions } from '../../src/core/statement/lifecycle';

interface Revision {
  effectiveDate: string;
  before: { ja?: string };
  after: { ja?: string };
  note: string | null;
  recordedBy?: string | null;
}
interface Item {
  version: number;
  owner: string | null;
  control: { ja?: string; en?: string };
  revisions: Revision[];
}

// A statement's life in the browser: the readiness column of the service's statement list, a move to a newer
// criteria edition (preview, apply, the attention list ticked off and still there after a reload), every lifecycle
// transition of the core table through the state menu, and under audit a change of the individual control saved
// only as a recorded change that then shows in the item's change history. Axe-clean in ja and en, 390 px phone.
describeBrowser('statement lifecycle, recorded changes and edition migration in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir = '';
  let serviceId = '';
  let statementId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-lifecycle-browser-'));
    [server, browser] = await Promise.all([startHttpServer(), launch()]);
    // Only ismap 2024-07 is bundled: the next official revision comes in as a text import creating 2025-01
    // (one objective's text revised, one detailed control added), as an operator would import it.
    const csv = join(dir, 'ismap-2025-01.csv');
    writeFileSync(
      csv,
      'id,text\n9.2.3,特権的アクセス権の割当ておよび利用は、制限し管理する（改訂版）。\n9.2.3.20,新しい詳細管理策\n',
    );
    const imported = await importTextFile(
      server.deps,
      { actor: systemActor, requestId: null },
      { catalog: 'ismap', edition: '2025-01', lang: 'ja', path: csv },
    );
    expect(imported).toMatchObject({ written: true, createdEdition: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(opts: PageOptions = {}): Promise<Page> {
    const page = await signedInAsCsp(browser, server.url, opts);
    return page;
  }
  const serious = seriousAxe;
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const item = (page: Page, id: string) => pageApi<Item>(page, 'GET', `/statements/${statementId}/items/${id}`);
  const state = async (page: Page) =>
    (await pageApi<{ state: string }>(page, 'GET', `/statements/${statementId}`)).state;

  it('shows readiness percent and blocker count in the service’s statement list', async () => {
    const page = await signedIn();
    const svc = await pageApi<{ id: string }>(page, 'POST', '/cloud-services', {
      name: { ja: 'ライフサイクル・クラウド', en: 'Lifecycle Cloud' },
      model: 'saas',
      track: 'ismap',
    });
    serviceId = svc.id;
    const st = await pageApi<{ id: string }>(page, 'POST', `/cloud-services/${serviceId}/statements`, {
      catalog: 'ismap',
      edition: '2024-07',
      period: { start: '2026-04-01', end: '2027-03-31' },
    });
    statementId = st.id;
    // One answer written against 2024-07's text of 9.2.3, so the migration finds that text changed.
    await pageApi(page, 'PUT', `/statements/${statementId}/items/9.2.3`, {
      version: 0,
      selection: null,
      reason: null,
      inheritedFrom: null,
      status: 'implemented',
      owner: '情報システム部',
      control: { ja: '特権 ID は申請と承認により付与する。' },
    });
    const listed = await pageApi<{
      statements: { id: string; readiness: { percent: number; blockerCount: number } }[];
    }>(page, 'GET', `/cloud-services/${serviceId}/statements`);
    const r = listed.statements.find((s) => s.id === statementId)!.readiness;
    expect(r.blockerCount).toBeGreaterThan(0);

    await page.goto(`${server.url}/services/${serviceId}`);
    const cell = page.getByTestId('statement-list').getByTestId('statement-readiness');
    await cell.waitFor();
    await expect(cell.getByTestId('readiness-percent').innerText()).resolves.toBe(`${r.percent} %`);
    await expect(cell.getByTestId('readiness-blockers').innerText()).resolves.toBe(`登録の妨げ ${r.blockerCount} 件`);
    expect(await page.getByRole('columnheader', { name: '登録準備状況' }).count()).toBe(1);
    expect(await serious(page)).toEqual([]);
    // The blocker count opens the editor filtered to the blocked rows.
    await cell.getByTestId('readiness-blockers').click();
    await page.waitForURL(/\/statements\/[0-9a-f-]{36}\?blocker=any/);
    await page.getByTestId('statement-table').locator('[data-item]').first().waitFor();
    await page.context().close();
  }, 120_000);

  it('moves the statement to the newer edition: preview, apply, and the attention list ticked off', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/statements/${statementId}/edition`);
    await page.getByTestId('edition-migration').waitFor();
    expect(await page.getByTestId('migration-target').inputValue()).toBe('ismap 2025-01');
    await page.getByTestId('migration-preview').click();
    const plan = page.getByTestId('migration-plan');
    await plan.waitFor();
    await expect(plan.getByTestId('plan-text_changed').getAttribute('data-count')).resolves.toBe('1');
    await expect(plan.getByTestId('plan-added').getAttribute('data-count')).resolves.toBe('1');
    await expect(plan.getByTestId('plan-removed').getAttribute('data-count')).resolves.toBe('0');
    await expect(plan.getByTestId('plan-structure_changed').getAttribute('data-count')).resolves.toBe('0');
    expect(await plan.getByTestId('plan-added').innerText()).toContain('9.2.3.20');
    expect(await plan.getByTestId('migration-carried').innerText()).toContain('succession:ismap:2024-07→2025-01');
    // A dry run writes nothing.
    expect((await pageApi<{ edition: string }>(page, 'GET', `/statements/${statementId}`)).edition).toBe('2024-07');
    expect(await serious(page)).toEqual([]);

    await page.getByTestId('migration-apply').click();
    await page.getByTestId('migration-applied').waitFor();
    await page.getByText('ismap:2025-01', { exact: true }).first().waitFor();
    const rows = page.getByTestId('attention-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(page.getByTestId('attention-progress').innerText()).resolves.toBe('2 件中 0 件を確認済み');
    await page.getByRole('checkbox', { name: '確認済み：9.2.3', exact: true }).click();
    await expect.poll(() => page.getByTestId('attention-progress').innerText()).toBe('2 件中 1 件を確認済み');
    // Still there, ticked, after a reload: the list is kept with the statement.
    await page.reload();
    await page.locator('[data-testid=attention-row][data-item="9.2.3"][data-done=true]').waitFor();
    await expect(page.getByTestId('attention-progress').innerText()).resolves.toBe('2 件中 1 件を確認済み');
    expect(await serious(page)).toEqual([]);
    // The answer came along, flagged as written against the older text.
    const moved = await pageApi<{ control: { ja?: string }; stale: boolean }>(
      page,
      'GET',
      `/statements/${statementId}/items/9.2.3`,
    );
    expect([moved.control.ja, moved.stale]).toEqual(['特権 ID は申請と承認により付与する。', true]);
    await page.context().close();

    // The same page in English, and on a phone.
    const en = await signedIn({ locale: 'en-US', width: 390 });
    await en.goto(`${server.url}/statements/${statementId}/edition`);
    await en.getByTestId('migration-attention').waitFor();
    await expect(en.getByTestId('attention-progress').innerText()).resolves.toBe('1 of 2 checked');
    expect(await serious(en)).toEqual([]);
    expect(await overflow(en)).toBeLessThanOrEqual(0);
    await en.context().close();
  }, 120_000);

  it('takes the lifecycle steps of the core table, and under audit records a control change in the history', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/statements/${statementId}`);
    const badge = page.getByTestId('statement-state');
    const labels: Record<string, string> = {
      draft: '作成中',
      ready_for_audit: '監査準備完了',
      under_audit: '監査中',
      audited: '監査済み',
      superseded: '後継あり',
    };
    /** The state menu offers exactly the table's next states; taking one moves the statement there. */
    const step = async (from: string, to: string) => {
      await expect.poll(() => badge.innerText()).toBe(labels[from]);
      await page.getByTestId('transition').click();
      await page.locator('[data-to]').first().waitFor();
      const offered = await page.locator('[data-to]').evaluateAll((els) => els.map((e) => e.getAttribute('data-to')));
      expect(offered).toEqual([...statementTransitions[from as keyof typeof statementTransitions]]);
      await page.locator(`[data-to=${to}]`).click();
      await expect.poll(() => badge.innerText()).toBe(labels[to]);
      expect(await state(page)).toBe(to);
    };
    await step('draft', 'ready_for_audit');
    await step('ready_for_audit', 'draft');
    await step('draft', 'ready_for_audit');
    await step('ready_for_audit', 'under_audit');
    await step('under_audit', 'ready_for_audit');
    await step('ready_for_audit', 'under_audit');

    // Under audit: the individual control is not autosaved; other fields are, with the change reason.
    await page.goto(`${server.url}/statements/${statementId}?item=5.1.1`);
    const panel = page.getByTestId('item-panel');
    await panel.getByTestId('control-ja').waitFor();
    await panel.getByRole('textbox', { name: '変更理由' }).first().fill('監査人の指摘への対応');
    await panel.getByTestId('control-ja').fill('情報セキュリティ方針は取締役会が年次で承認する。');
    await panel.getByTestId('record-pending').waitFor();
    await panel.getByTestId('field-owner').fill('情報セキュリティ委員会');
    await panel.locator('[data-testid=save-state][data-state=saved]').waitFor();
    await expect.poll(async () => (await item(page, '5.1.1')).owner).toBe('情報セキュリティ委員会');
    const autosaved = await item(page, '5.1.1');
    expect([autosaved.control.ja ?? null, autosaved.revisions.length]).toEqual([null, 0]);
    await panel.getByTestId('record-pending').waitFor();
    expect(await serious(page)).toEqual([]);

    // Closing the panel (Esc, or its close button) would drop the unrecorded change: the editor asks first.
    // (Esc in the owner field would close its suggestions first.)
    await panel.getByTestId('control-ja').focus();
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: '記録されていない変更を破棄しますか？' });
    await question.waitFor();
    expect(await question.innerText()).toContain('まだ変更として記録されていない編集があります');
    // axe reads colours after the modal's fade-in (half-faded text fails contrast).
    await expect.poll(() => question.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await serious(page)).toEqual([]);
    await question.getByTestId('leave-stay').click();
    await question.waitFor({ state: 'hidden' });
    expect(await panel.getByTestId('control-ja').inputValue()).toBe('情報セキュリティ方針は取締役会が年次で承認する。');
    await panel.getByRole('button', { name: '閉じる', exact: true }).last().click();
    await question.waitFor();
    // Esc while the question shows means "go back" too: the panel stays open with the change.
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    await panel.getByTestId('record-pending').waitFor();

    // The explicit action: dated, with its reason; it shows in the change history with who and what changed.
    await panel.getByTestId('record-date').fill('2026-06-15');
    await panel.getByTestId('record-reason').fill('監査人の指摘により承認者を明記');
    await panel.getByTestId('record-save').click();
    await panel.getByTestId('record-saved').waitFor();
    const history = panel.getByTestId('revision-history').getByTestId('revision');
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.first().getByTestId('revision-reason').innerText()).toContain(
      '監査人の指摘により承認者を明記',
    );
    expect(await history.first().innerText()).toContain('2026年6月15日');
    expect(await history.first().getByTestId('revision-diff-ja').locator('ins').innerText()).toBe(
      '情報セキュリティ方針は取締役会が年次で承認する。',
    );
    const recorded = await item(page, '5.1.1');
    expect(recorded.control.ja).toBe('情報セキュリティ方針は取締役会が年次で承認する。');
    expect(recorded.revisions).toEqual([
      {
        effectiveDate: '2026-06-15',
        before: {},
        after: { ja: '情報セキュリティ方針は取締役会が年次で承認する。' },
        note: '監査人の指摘により承認者を明記',
        recordedBy: expect.any(String),
      },
    ]);
    expect(await panel.getByTestId('record-pending').count()).toBe(0);
    expect(await serious(page)).toEqual([]);
    // Recorded: nothing is left to lose, the panel closes without asking.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await question.count()).toBe(0);
    // Discarding on purpose drops the draft only: the recorded text stays.
    await page.goto(`${server.url}/statements/${statementId}?item=5.1.1`);
    await panel.getByTestId('control-ja').fill('破棄する下書き');
    await panel.getByTestId('record-pending').waitFor();
    await page.keyboard.press('Escape');
    await question.getByTestId('leave-discard').click();
    await panel.waitFor({ state: 'detached' });
    expect((await item(page, '5.1.1')).control.ja).toBe('情報セキュリティ方針は取締役会が年次で承認する。');

    // Audited, then superseded: no step is left, and the statement is frozen.
    await page.goto(`${server.url}/statements/${statementId}`);
    await step('under_audit', 'audited');
    await step('audited', 'superseded');
    expect(statementTransitions.superseded).toEqual([]);
    expect(await page.getByTestId('transition').count()).toBe(0);
    await page.getByText('この言明書は「後継あり」のため、変更できません。').waitFor();
    await page.context().close();

    // The history in English on a phone.
    const en = await signedIn({ locale: 'en-US', width: 390 });
    await en.goto(`${server.url}/statements/${statementId}?item=5.1.1`);
    await en.getByTestId('revision-history').getByTestId('revision').first().waitFor();
    expect(await en.getByTestId('revision-history').innerText()).toContain('Change effective 2026-06-15');
    expect(await serious(en)).toEqual([]);
    await en.context().close();
  }, 180_000);
});
