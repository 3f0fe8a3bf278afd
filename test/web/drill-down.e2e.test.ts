/**
 * Drill-down by click, end to end at 1366×768 in en and zh-CN (issue 17 §2): a heatmap cell opens that unit's
 * indicator with the cell's value, a ranking bar that unit's scorecard, a sub-unit of the overview its scorecard;
 * the breadcrumbs lead from a department back up to the group (Back returns), naming without a link the units
 * above the reader's scope; a department listed beside other hospitals' is named with its hospital. Expected figures and
 * names come from the API, formatted with the app's own formatters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnit as OrgUnitJson } from '../../src/core/contracts/org-units.ts';
import type { RankingMatrixJson, RankingSummaryJson } from '../../src/core/contracts/rankings.ts';
import { formatNumber } from '../../src/web/lib/format.ts';
import { localize } from '../../src/web/lib/i18n/languages.ts';
import { unitLabel } from '../../src/web/lib/unit-label.ts';
import { DEMO, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

const VIEWPORT = { width: 1366, height: 768 };
const GROUP = { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' };
const DEPARTMENT = { scorecard: 'UMG-DEPT-BSC', orgUnit: 'UMG-B1-INTM', period: '2024' };

let e2e: E2e;
let units: OrgUnitJson[];

beforeAll(async () => {
  e2e = await startE2e();
  units = (await e2e.api<{ items: OrgUnitJson[] }>('/api/org-units?limit=1000')).items;
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

function query(selection: Record<string, string>): string {
  return new URLSearchParams(selection).toString();
}

/** Clicks a chart's canvas `dx` from its right edge and `dy` below its top (a row's first pixels start at 8). */
async function clickChart(page: Page, testId: string, from: { right: number; top: number }): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.locator('canvas').first().waitFor({ timeout: 20_000 });
  const box = await chart.boundingBox();
  if (box === null) throw new Error(`${testId} has no box`);
  const x = box.x + box.width - from.right;
  const y = box.y + from.top;
  // Hover first: ECharts finds the element under the pointer on move, then takes the click.
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/** The URL's path and selection once it has left `from`. */
async function landing(page: Page, from: string): Promise<URL> {
  await page.waitForURL((url) => url.pathname !== from, { timeout: 15_000 });
  return new URL(page.url());
}

describe('drill-down', () => {
  it('opens a unit’s indicator from a comparison heatmap cell with the cell’s value, in English', async () => {
    const matrix = await e2e.api<RankingMatrixJson>(
      `/api/rankings/matrix?${query({ ...GROUP, parent: 'UMG' })}`,
    );
    const { page, errors } = await e2e.openPage('en', { viewport: VIEWPORT });
    await page.goto(e2e.url(`/comparison?${query(GROUP)}`));
    await page.getByTestId('comparison-heatmap').waitFor({ timeout: 20_000 });
    // The panels above it (sensitivity) grow as they load: measure once the page is still.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('comparison-heatmap').scrollIntoViewIfNeeded();
    // A cell of the first unit, right of the middle (the export button sits in the top right corner); which
    // indicator it is, the address says, and the page must show that cell's value.
    const box = await page.getByTestId('comparison-heatmap').boundingBox();
    await clickChart(page, 'comparison-heatmap', { right: (box?.width ?? 0) * 0.4, top: 16 });
    const url = await landing(page, '/comparison');
    const column = matrix.indicators.findIndex(
      (indicator) => url.pathname === `/indicators/${encodeURIComponent(indicator.id)}`,
    );
    const unit = matrix.units[0];
    expect(column).toBeGreaterThanOrEqual(0);
    expect([url.searchParams.get('orgUnit'), url.searchParams.get('scorecard')]).toEqual([
      unit?.orgUnit,
      GROUP.scorecard,
    ]);
    await expect
      .poll(() => textOf(page, 'indicator-quantified'), { timeout: 15_000 })
      .toBe(formatNumber(matrix.quantified[column] ?? null, 'en', 2));
    expect(await textOf(page, 'page-context')).toContain(unit === undefined ? '?' : unit.name.en);
    await screenshot(page, 'drill-down-heatmap-en.png');
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 60_000);

  it('opens the first-ranked unit’s scorecard from its bar, and a sub-unit’s from the overview, in English', async () => {
    const ranking = await e2e.api<RankingSummaryJson>(`/api/rankings?${query({ ...GROUP, parent: 'UMG' })}`);
    const first = ranking.items[0];
    const { page, errors } = await e2e.openPage('en', { viewport: VIEWPORT });
    await page.goto(e2e.url(`/comparison?${query(GROUP)}`));
    // The first bar: the top row (a row is 24 px, the grid starts 8 px down), left of the middle of the plot.
    const chart = page.getByTestId('ranking-chart');
    await chart.locator('canvas').first().waitFor({ timeout: 20_000 });
    const box = await chart.boundingBox();
    await clickChart(page, 'ranking-chart', { right: (box?.width ?? 0) * 0.55, top: 20 });
    const url = await landing(page, '/comparison');
    expect([url.pathname, url.searchParams.get('orgUnit')]).toEqual(['/scorecard', first?.orgUnit]);
    await page.goBack();
    await page.waitForURL(/\/comparison/);

    await page.goto(e2e.url(`/overview?${query(GROUP)}`));
    await page.getByTestId(`sub-unit-${first?.orgUnit}`).click({ timeout: 20_000 });
    const fromOverview = await landing(page, '/overview');
    expect(`${fromOverview.pathname}?${fromOverview.searchParams.toString()}`).toBe(
      `/scorecard?${query({ ...GROUP, orgUnit: first?.orgUnit ?? '' })}`,
    );
    // Leaving a page by a click aborts its requests still in flight; nothing else may fail.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 60_000);

  it('leads from a department up to the group by its breadcrumbs, Back returning, in Chinese', async () => {
    const { page, errors } = await e2e.openPage('zh-CN', { viewport: VIEWPORT });
    await page.goto(e2e.url(`/scorecard?${query(DEPARTMENT)}`));
    const names = ['UMG', 'UMG-B1', 'UMG-B1-INTM'].map((code) => {
      const unit = units.find((row) => row.code === code);
      return unit === undefined ? code : localize(unit.name, 'zh-CN');
    });
    await expect.poll(() => textOf(page, 'unit-breadcrumbs'), { timeout: 15_000 }).toBe(names.join('/'));
    await screenshot(page, 'drill-down-breadcrumbs-zh-CN.png');
    // The hospital's crumb opens the group scheme there: the department scheme applies to departments only.
    await page.getByTestId('crumb-UMG-B1').click();
    await page.waitForURL(/orgUnit=UMG-B1(&|$)/);
    expect(new URL(page.url()).searchParams.get('scorecard')).toBe('UMG-BSC');
    await page.getByTestId('crumb-UMG').click();
    await page.waitForURL(/orgUnit=UMG(&|$)/);
    await page.goBack();
    await page.waitForURL(/orgUnit=UMG-B1(&|$)/);
    await expect
      .poll(() => textOf(page, 'unit-breadcrumbs'), { timeout: 15_000 })
      .toBe(names.slice(0, 2).join('/'));
    // Leaving a page aborts its requests still in flight; nothing else may fail.
    expect(errors.filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 60_000);

  it('names a department with its hospital among the group’s departments, and names the units above the reader’s scope without links, in Chinese', async () => {
    const { page, errors } = await e2e.openPage('zh-CN', { as: DEMO.approver, viewport: VIEWPORT });
    await page.goto(e2e.url(`/scorecard?${query(DEPARTMENT)}`));
    // The approver reads the branch, not the group: the trail still starts at the group, named but not a link.
    const branch = page.getByTestId('crumb-UMG-B1');
    await branch.waitFor({ timeout: 15_000 });
    const group = page.getByTestId('crumb-UMG');
    await group.waitFor({ timeout: 15_000 });
    const groupName = localize(units.find((row) => row.code === 'UMG')?.name ?? { en: 'UMG' }, 'zh-CN');
    expect([
      await group.evaluate((element) => element.tagName),
      await group.textContent(),
      await branch.evaluate((element) => element.tagName),
    ]).toEqual(['SPAN', groupName, 'A']);

    // Among the whole group's departments (the admin reads them all), each is named with its hospital.
    const label = unitLabel('UMG-B1-INTM', units, 'zh-CN');
    expect(label).toContain(' · ');
    const { page: admin, errors: adminErrors } = await e2e.openPage('zh-CN', { viewport: VIEWPORT });
    await admin.goto(e2e.url(`/comparison?${query({ ...DEPARTMENT, orgUnit: 'UMG' })}&depth=descendants`));
    await expect.poll(() => textOf(admin, 'ranking-unit-UMG-B1-INTM'), { timeout: 20_000 }).toBe(label);
    await screenshot(admin, 'drill-down-department-label-zh-CN.png');
    expect([...errors, ...adminErrors].filter((error) => !error.endsWith('net::ERR_ABORTED'))).toEqual([]);
  }, 60_000);
});
