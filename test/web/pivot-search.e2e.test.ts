/**
 * The pivot and the header's search, end to end at 1366×768 on the demo medical group (UMG, 2024): the pivot of
 * "Outpatient cost per visit" shows each hospital's monthly value as its evaluation gives it and, as the total,
 * the group's roll-up; its CSV export holds those numbers (en). The header search finds the indicator by a
 * Chinese name fragment and a unit by its code, and opens them (zh-CN).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { PivotJson } from '../../src/core/contracts/pivot.ts';
import { formatNumber, formatPeriod } from '../../src/web/lib/format.ts';
import { type E2e, screenshot, startE2e } from './e2e-harness.ts';

let e2e: E2e;
const VIEWPORT = { width: 1366, height: 768 };
const SCORECARD = 'UMG-BSC';
const INDICATOR = 'outpatient_cost_per_visit';
const MONTH = '2024-03';
const PIVOT = `/pivot?scorecard=${SCORECARD}&orgUnit=UMG&period=2024&indicator=${INDICATOR}`;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function actualOf(orgUnit: string, period: string): Promise<number | null> {
  const evaluation = await e2e.api<EvaluationJson>(
    `/api/evaluations?scorecard=${SCORECARD}&orgUnit=${orgUnit}&period=${period}`,
  );
  const found = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === INDICATOR);
  return found?.actual ?? null;
}

describe('the pivot (en)', () => {
  it("shows a hospital's month and the group's total as the evaluations give them, and exports them", async () => {
    const pivot = await e2e.api<PivotJson>(
      `/api/pivot?scorecard=${SCORECARD}&indicator=${INDICATOR}&parent=UMG&from=2024-01&to=2024-12`,
    );
    const hospital = pivot.units[0];
    if (hospital === undefined) throw new Error('the demo group has no hospitals');
    const [unitValue, groupValue] = [await actualOf(hospital.code, MONTH), await actualOf('UMG', MONTH)];
    const decimals = pivot.indicator.decimals;

    const { page, errors } = await e2e.openPage('en-US', { viewport: VIEWPORT });
    await page.goto(e2e.url(PIVOT));
    const cell = page.getByTestId(`pivot-cell-${hospital.code}-${MONTH}`);
    const total = page.getByTestId(`pivot-cell-__total-${MONTH}`);
    await cell.waitFor({ timeout: 20_000 });
    expect([
      await cell.getAttribute('data-value'),
      await cell.textContent(),
      await total.getAttribute('data-value'),
      await total.textContent(),
    ]).toEqual([
      String(unitValue),
      formatNumber(unitValue, 'en', decimals),
      String(groupValue),
      formatNumber(groupValue, 'en', decimals),
    ]);
    await screenshot(page, 'pivot-en.png');

    const download = page.waitForEvent('download');
    await page.getByTestId('table-export').click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    const csv = await readFile((await (await download).path()) ?? '', 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((f) => f.replace(/^"|"$/g, '')));
    const column = (rows[0] ?? []).indexOf(formatPeriod(MONTH, 'en'));
    const rowOf = (label: string) => rows.find((row) => row[0] === label);
    // As a workbook reads it (lib/table-export.ts toCellValue): the grouping commas dropped.
    const toCellValue = (text: string) =>
      text === '' || text === '—' ? null : Number(text.replace(/,/g, ''));
    const round = (value: number | null) => (value === null ? null : Number(value.toFixed(decimals)));
    expect([
      column > 0,
      toCellValue(rowOf(hospital.name.en)?.[column] ?? ''),
      toCellValue(rowOf(`${pivot.parent.name.en} (total)`)?.[column] ?? ''),
    ]).toEqual([true, round(unitValue), round(groupValue)]);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the header search (zh-CN)', () => {
  // One page for both searches: the second starts where the first left off.
  let opened: Awaited<ReturnType<E2e['openPage']>>;
  beforeAll(async () => {
    opened = await e2e.openPage('zh-CN', { viewport: VIEWPORT });
    await opened.page.goto(e2e.url(`/overview?scorecard=${SCORECARD}&orgUnit=UMG&period=2024`));
    await opened.page.getByTestId('header-search-input').waitFor({ timeout: 20_000 });
  }, 40_000);

  it('finds the indicator by a Chinese name fragment and opens its page', async () => {
    const { page, errors } = opened;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('门急诊次均');
    await page.getByTestId(`search-result-indicator-${INDICATOR}`).click();
    await page.waitForURL((url) => url.pathname === `/indicators/${INDICATOR}`, { timeout: 15_000 });
    expect(errors).toEqual([]);
  }, 40_000);

  it('finds a unit by its code and opens its scorecard', async () => {
    const { page, errors } = opened;
    const input = page.getByTestId('header-search-input');
    await input.click();
    await input.fill('umg-head');
    await page.getByTestId('search-result-unit-UMG-HEAD').click();
    await page.waitForURL(
      (url) => url.pathname === '/scorecard' && url.searchParams.get('orgUnit') === 'UMG-HEAD',
      { timeout: 15_000 },
    );
    await screenshot(page, 'header-search-unit-zh.png');
    expect(errors).toEqual([]);
  }, 40_000);
});
