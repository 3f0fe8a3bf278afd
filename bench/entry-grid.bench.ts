/**
 * The entry grid in Chromium (issue 17, targets on these machines: a grid of 500 cells interactive ≤ 1 s, a
 * keystroke ≤ 50 ms, saving 100 cells ≤ 1 s), on the demo's AZ Hospital scorecard for 2016 (41 data elements ×
 * 12 months, 492 cells) as the admin, against a real server on PGlite:
 * - interactive: from navigating to the data-entry page (the app already loaded, as in daily use) until the
 *   last cell drawn accepts typing (a grid of more than 20 rows draws the rows in its window only, and the
 *   others as it scrolls: `cells` counts those drawn);
 * - keystroke: from a key going down in a cell until the frame after React has drawn it (timed in the page:
 *   `keydown` → `input` → the next animation frame), for each of 40 digits typed into ten cells;
 * - saving: 100 cells changed, from the click on Save until the grid shows what was saved.
 *
 * Run: `node bench/entry-grid.bench.ts` (builds dist/web if it is stale; needs /usr/bin/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/core/contracts/accounts.ts';
import { loadConfig } from '../src/server/config.ts';
import { DEFAULT_WEB_ROOT, startServer } from '../src/server/start-server.ts';
import { launchChromium } from '../test/web/chromium.ts';
import { percentile, printTable, type Row, seconds } from './report.ts';

const ADMIN = { email: 'admin@demo.healthbsc', password: 'demo-admin-2026' };

function cookie(response: Response, name: string): string {
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((value) => value.startsWith(`${name}=`));
  return pair?.slice(name.length + 1) ?? '';
}

/** A route change inside the app as a user makes it: a click on the menu (the header keeps AZ Hospital, 2016). */
async function navigate(page: Page, menuLabel: string): Promise<void> {
  // The side menu comes first in the page, before any heading of the same words.
  await page.getByText(menuLabel, { exact: true }).first().click();
}

/** Navigates inside the app (no reload: the app, its code and its session are already there). */
async function openGrid(page: Page): Promise<number> {
  const started = performance.now();
  await navigate(page, 'Data entry');
  const last = page.locator('[data-testid="cell-input"]').last();
  try {
    await last.waitFor({ state: 'attached', timeout: 60_000 });
    await last.click();
  } catch (error) {
    await page.screenshot({ path: join(tmpdir(), 'healthbsc-grid-bench-failure.png') });
    throw error;
  }
  return performance.now() - started;
}

/** Times each key in the page: keydown → input event → the next frame. */
async function keystrokeTimes(page: Page, cells: number, digits: string): Promise<number[]> {
  // A string, as the page runs it (this file is type-checked without the DOM's types).
  await page.evaluate(`(() => {
    const times = [];
    let down = 0;
    document.addEventListener('keydown', () => { down = performance.now(); }, true);
    document.addEventListener('input', () => {
      const start = down;
      requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - start), 0));
    }, true);
    window.keyTimes = times;
  })()`);
  const inputs = page.locator('[data-testid="cell-input"]');
  for (let i = 0; i < cells; i++) {
    const input = inputs.nth(i * 7);
    await input.click();
    await input.press('Control+A');
    await input.press('Delete');
    for (const digit of digits) {
      await page.keyboard.press(digit);
      await page.waitForTimeout(20);
    }
  }
  await page.waitForTimeout(200);
  const all = (await page.evaluate('window.keyTimes')) as number[];
  // Only the digits' times (the Delete of each cell is an input event too).
  return all.filter((_, index) => index % (digits.length + 1) !== 0);
}

async function saveTime(page: Page, count: number): Promise<number> {
  const inputs = page.locator('[data-testid="cell-input"]');
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(String(1000 + i));
  const started = performance.now();
  await page.getByTestId('save').click();
  await page.getByTestId('save-result').waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - started;
}

export async function runEntryGridBench(options: { runs?: number } = {}): Promise<Row[]> {
  const runs = options.runs ?? 5;
  await ensureWebBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-grid-bench-'));
  const server = await startServer(
    { ...loadConfig({ HEALTHBSC_DATA_DIR: join(dir, 'data') }), port: 0 },
    { logRequests: false, webRoot: DEFAULT_WEB_ROOT },
  );
  const browser = await launchChromium();
  try {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    await context.addCookies([
      { name: SESSION_COOKIE, value: cookie(response, SESSION_COOKIE), url: server.url },
      { name: CSRF_COOKIE, value: cookie(response, CSRF_COOKIE), url: server.url },
    ]);
    const page = await context.newPage();
    // The header's selection (AZ Hospital, its scorecard, 2016) comes from the first address.
    await page.goto(`${server.url}/overview?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016`);
    await page.waitForLoadState('networkidle');
    // Warm: the data-entry chunk and the scorecard's queries once, as a user who opened the page before.
    await openGrid(page);
    const opens: number[] = [];
    let cells = 0;
    for (let run = 0; run < runs; run++) {
      await navigate(page, 'Overview');
      await page.waitForTimeout(300);
      opens.push(await openGrid(page));
      cells = await page.locator('[data-testid="cell-input"]').count();
    }
    opens.sort((a, b) => a - b);
    const keys = (await keystrokeTimes(page, 10, '1234')).sort((a, b) => a - b);
    // A fresh grid for the save: the typed cells above are left unsaved.
    await page.reload();
    await page.locator('[data-testid="cell-input"]').last().waitFor({ state: 'visible', timeout: 60_000 });
    const save = await saveTime(page, 100);
    await context.close();
    return [
      {
        engine: 'chromium',
        figure: 'entry grid interactive (AZ 2016, warm)',
        value: seconds(percentile(opens, 0.5)),
        detail: `median of ${runs}, max ${seconds(opens.at(-1) ?? Number.NaN)}; ${cells} cells`,
        target: '≤ 1 s',
      },
      {
        engine: 'chromium',
        figure: 'keystroke in a cell, to the next frame',
        value: seconds(percentile(keys, 0.5)),
        detail: `median of ${keys.length}; p95 ${seconds(percentile(keys, 0.95))}, max ${seconds(keys.at(-1) ?? Number.NaN)}`,
        target: '≤ 50 ms',
      },
      {
        engine: 'chromium',
        figure: 'saving 100 changed cells',
        value: seconds(save),
        detail: 'click on Save until the result shows',
        target: '≤ 1 s',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  printTable('Entry grid in Chromium (issue 17)', await runEntryGridBench());
}
