import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchResult } from './types';
import { CHROMIUM, launch } from '../test/support/browser';
import { DEMO_PASSWORD, startHttpServer } from '../test/support/http-server';
import { pageApi } from '../test/support/page-api';

/**
 * The statement editor in headless Chromium, measured by the page itself (performance.mark/measure in
 * src/web/pages/statements/EditorView.tsx): from the moment the ~1,300 item rows arrive to the first rendered
 * grid, and from a keystroke in the filter box to the filtered rows on screen. Median of several runs.
 */
const root = resolve(import.meta.dirname, '..');
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function bench(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`  Chromium not found at ${CHROMIUM}: statement editor bench skipped`);
    return [];
  }
  if (!existsSync(join(root, 'dist', 'web', 'index.html')))
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  const [server, browser] = await Promise.all([startHttpServer(), launch()]);
  try {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.locator('input[autocomplete=username]').fill('csp@demo.ismap-hub.test');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form[aria-labelledby=signin-title] button[type=submit]').click();
    await page.locator('nav [data-nav=home]').waitFor();
    const service = await pageApi<{ id: string }>(page, 'POST', '/cloud-services', {
      name: { ja: 'ベンチ用サービス', en: 'Bench service' },
      model: 'saas',
      track: 'ismap',
    });
    const statement = await pageApi<{ id: string }>(page, 'POST', `/cloud-services/${service.id}/statements`, {
      catalog: 'ismap',
      edition: '2024-07',
    });

    const first: number[] = [];
    const filter: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}/statements/${statement.id}`);
      await page.locator('[data-testid=statement-table] [data-item]').first().waitFor();
      const m = await page.waitForFunction(() => {
        const e = performance.getEntriesByName('statement-editor:first-render')[0];
        return e ? e.duration : null;
      });
      first.push((await m.jsonValue()) as number);
      rows = Number(
        (await page.getByTestId('shown-count').innerText()).match(/\d[\d,]*/g)?.[0]?.replace(/,/g, '') ?? 0,
      );
      // One keystroke narrows 1,300 rows to one clause's; the page measures keystroke → filtered rows painted.
      const box = page.getByTestId('filter-q');
      await box.click();
      await box.fill('');
      await page.keyboard.type('9');
      const f = await page.waitForFunction(() => {
        const e = performance.getEntriesByName('statement-editor:filter');
        return e.length ? e[e.length - 1]!.duration : null;
      });
      filter.push((await f.jsonValue()) as number);
    }
    await context.close();
    const fr = median(first);
    const fk = median(filter);
    return [
      {
        name: `statement editor first render after data (${rows} rows, Chromium)`,
        value: fr,
        unit: 'ms',
        target: '≤ 500 ms',
        ok: fr <= 500,
      },
      { name: 'statement editor filter keystroke (Chromium)', value: fk, unit: 'ms', target: '≤ 50 ms', ok: fk <= 50 },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
