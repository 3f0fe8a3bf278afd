/**
 * The indicator page end to end (issue 5): a demo group indicator (UMG-BSC, the group UMG in 2024, monthly data)
 * and an AZ Hospital indicator (F1 in 2016, reported annual values, no sub-units). The summary is checked against
 * /api/evaluations, the table of values by period against /api/series for the same window, the children against
 * /api/rankings, the charts' labels against the same JSON; then Chinese, an unknown id, the back link and a
 * tablet's width. Screenshots: indicator-en.png, indicator-zh-CN.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson, SeriesJson } from '../../src/core/contracts/evaluation.ts';
import type { RankingJson } from '../../src/core/contracts/rankings.ts';
import type { IndicatorSummary } from '../../src/core/contracts/scorecards.ts';
import { formatList, formatNumber, formatPeriod, formatScore } from '../../src/web/lib/format.ts';
import type { Language } from '../../src/web/lib/i18n/languages.ts';
import { type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

/** A demo indicator where lower is better, observed monthly in every hospital (src/demo/indicators.ts). */
const UMG_INDICATOR = 'outpatient_cost_per_visit';
const UMG_SELECTION = 'scorecard=UMG-BSC&orgUnit=UMG&period=2024';
const UMG_PAGE = `/indicators/${UMG_INDICATOR}?${UMG_SELECTION}`;
const AZ_SELECTION = 'scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';
const AZ_PAGE = `/indicators/F1?${AZ_SELECTION}`;

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

function indicatorOf(evaluation: EvaluationJson, id: string): IndicatorJson {
  const indicator = evaluation.perspectives
    .flatMap((p) => p.indicators)
    .find((candidate) => candidate.id === id);
  if (indicator === undefined) throw new Error(`${id} is not in the evaluation of ${evaluation.scorecard}`);
  return indicator;
}

/** The indicator in the last period of a series. */
function lastIndicator(series: SeriesJson, id: string): IndicatorJson {
  const last = series.items.at(-1);
  if (last === undefined) throw new Error('the series is empty');
  return indicatorOf(last.evaluation, id);
}

/** The data table's rows as shown (newest first): each cell's text by its column. */
async function tableRows(page: Page): Promise<Record<string, string>[]> {
  const rows = page.getByTestId('indicator-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor({ timeout: 15_000 });
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Object.fromEntries(
        [...tr.querySelectorAll('[data-cell]')].map((cell) => [
          cell.getAttribute('data-cell') ?? '',
          cell.textContent?.trim() ?? '',
        ]),
      ),
    ),
  );
}

/** What the table must show for a series: the API's numbers formatted for the locale, newest first. */
function expectedRows(series: SeriesJson, id: string, language: Language): Record<string, string>[] {
  return series.items
    .map((item) => {
      const indicator = indicatorOf(item.evaluation, id);
      return {
        period: formatPeriod(item.period, language),
        actual: formatNumber(indicator.actual, language, indicator.decimals),
        target: formatNumber(indicator.target, language, indicator.decimals),
        reference: formatNumber(indicator.reference, language, indicator.decimals),
        quantified: formatNumber(indicator.quantified, language, 2),
        score: formatScore(indicator.score, language),
      };
    })
    .reverse();
}

function expectedTrendLabel(series: SeriesJson, id: string, name: string, language: Language): string {
  const points = series.items.map((item) => {
    const indicator = indicatorOf(item.evaluation, id);
    return `${formatPeriod(item.period, language)} ${formatNumber(indicator.actual, language, indicator.decimals)}`;
  });
  const summary = formatList(points, language);
  return language === 'en'
    ? `Line chart of ${name} over time: ${summary}`
    : `${name}的趋势折线图：${summary}`;
}

async function ariaLabelOf(page: Page, testId: string): Promise<string | null> {
  const chart = page.getByTestId(testId);
  await chart.waitFor({ timeout: 15_000 });
  return chart.getAttribute('aria-label');
}

describe('a demo group indicator (UMG-BSC, UMG, 2024)', () => {
  it('shows the indicator’s name, perspective, unit, direction, method, actual vs target and status from the API', async () => {
    const evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${UMG_SELECTION}`);
    const indicator = indicatorOf(evaluation, UMG_INDICATOR);
    const perspective = evaluation.perspectives.find((p) => p.indicators.some((i) => i.id === UMG_INDICATOR));
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG_PAGE));
    await page.getByRole('heading', { level: 2, name: indicator.name.en }).waitFor({ timeout: 15_000 });
    expect(await textOf(page, 'indicator-perspective')).toBe(perspective?.name.en);
    expect(await textOf(page, 'indicator-unit')).toBe(indicator.unit?.en);
    await expect.poll(() => textOf(page, 'indicator-direction'), { timeout: 15_000 }).toBe('Lower is better');
    expect(await textOf(page, 'indicator-method')).toBe('Ratio to target');
    expect(await textOf(page, 'indicator-actual')).toBe(
      formatNumber(indicator.actual, 'en', indicator.decimals),
    );
    expect(await textOf(page, 'indicator-target')).toBe(
      formatNumber(indicator.target, 'en', indicator.decimals),
    );
    expect(await textOf(page, 'indicator-quantified')).toBe(formatNumber(indicator.quantified, 'en', 2));
    expect(indicator.actual).not.toBeNull();
    const status = await page
      .getByTestId('indicator-status')
      .locator('[data-status]')
      .getAttribute('data-status');
    // The status as the API sends it, and the same as the web showed when it worked it out itself (met from 1,
    // watch from 0.9).
    expect(status).toBe(indicator.status);
    expect(indicator.status).toBe(
      indicator.quantified === null
        ? 'no-data'
        : indicator.quantified >= 1
          ? 'met'
          : indicator.quantified >= 0.9
            ? 'watch'
            : 'off-track',
    );
    expect(errors).toEqual([]);
  });

  it('tables and charts the years 2020–2024 as /api/series sends them, then the months of 2023–2024 when asked', async () => {
    const years = await e2e.api<SeriesJson>(`/api/series?scorecard=UMG-BSC&orgUnit=UMG&from=2020&to=2024`);
    const name = lastIndicator(years, UMG_INDICATOR).name.en;
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG_PAGE));
    expect(await tableRows(page)).toEqual(expectedRows(years, UMG_INDICATOR, 'en'));
    expect(await ariaLabelOf(page, 'indicator-trend')).toBe(
      expectedTrendLabel(years, UMG_INDICATOR, name, 'en'),
    );
    // At least the four demo years have values: the table is not a column of dashes.
    const actuals = years.items.map((item) => indicatorOf(item.evaluation, UMG_INDICATOR).actual);
    expect(actuals.filter((value) => value !== null).length).toBeGreaterThanOrEqual(4);

    const months = await e2e.api<SeriesJson>(
      `/api/series?scorecard=UMG-BSC&orgUnit=UMG&from=2023-01&to=2024-12`,
    );
    await page.getByTestId('indicator-granularity').getByText('Months').click();
    await page.waitForURL(/granularity=month/);
    await page.getByTestId('indicator-table').locator('[data-period="2023-01"]').waitFor({ timeout: 15_000 });
    const shown = await tableRows(page);
    expect(shown).toHaveLength(24);
    expect(shown).toEqual(expectedRows(months, UMG_INDICATOR, 'en'));
    expect(await ariaLabelOf(page, 'indicator-trend')).toBe(
      expectedTrendLabel(months, UMG_INDICATOR, name, 'en'),
    );
    expect(errors).toEqual([]);
  });

  it('compares the group’s hospitals for 2024 as /api/rankings evaluates them, closest to target first, head and branches marked', async () => {
    const ranking = await e2e.api<RankingJson>(
      '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024',
    );
    expect(ranking.items).toHaveLength(5);
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG_PAGE));
    const rows = page.getByTestId('indicator-children-table').locator('tbody tr[data-row-key]');
    await rows.first().waitFor({ timeout: 15_000 });
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-row-key') ?? '',
        role: tr.querySelector('[data-cell="role"]')?.getAttribute('data-role') ?? '',
        roleText: tr.querySelector('[data-cell="role"]')?.textContent?.trim() ?? '',
        unit: tr.querySelector('[data-cell="unit"]')?.textContent?.trim() ?? '',
        actual: tr.querySelector('[data-cell="actual"]')?.textContent?.trim() ?? '',
        quantified: tr.querySelector('[data-cell="quantified"]')?.textContent?.trim() ?? '',
      })),
    );
    const byUnit = new Map(ranking.items.map((item) => [item.orgUnit, item]));
    expect(new Set(shown.map((row) => row.key))).toEqual(new Set(byUnit.keys()));
    const values = shown.map((row) => {
      const item = byUnit.get(row.key);
      if (item === undefined) throw new Error(`${row.key} is not in the ranking`);
      const indicator = indicatorOf(item.evaluation, UMG_INDICATOR);
      expect(row).toEqual({
        key: item.orgUnit,
        role: item.role ?? '',
        roleText: item.role === 'head' ? 'Head hospital' : 'Branch',
        unit: item.name.en,
        actual: formatNumber(indicator.actual, 'en', indicator.decimals),
        quantified: formatNumber(indicator.quantified, 'en', 2),
      });
      return indicator;
    });
    expect(shown.filter((row) => row.role === 'head')).toHaveLength(1);
    // Sorted: quantified value never rises down the list; on a tie the lower cost (lower is better) comes first.
    for (let i = 1; i < values.length; i++) {
      const before = values[i - 1];
      const after = values[i];
      if (before === undefined || after === undefined) continue;
      expect(before.quantified ?? -1).toBeGreaterThanOrEqual(after.quantified ?? -1);
      if (before.quantified === after.quantified)
        expect(before.actual ?? 0).toBeLessThanOrEqual(after.actual ?? 0);
    }
    const summary = formatList(
      values.map(
        (indicator, i) => `${shown[i]?.unit} ${formatNumber(indicator.actual, 'en', indicator.decimals)}`,
      ),
      'en',
    );
    const name = values[0]?.name.en;
    expect(await ariaLabelOf(page, 'indicator-children')).toBe(
      `Bar chart of ${name} by sub-unit, closest to target first: ${summary}`,
    );
    await page.getByTestId('indicator-trend').waitFor();
    await screenshot(page, 'indicator-en.png');
    expect(errors).toEqual([]);
  });

  it('reads in Chinese: the indicator’s Chinese name, Chinese labels and periods, the same numbers', async () => {
    const evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${UMG_SELECTION}`);
    const indicator = indicatorOf(evaluation, UMG_INDICATOR);
    const years = await e2e.api<SeriesJson>(`/api/series?scorecard=UMG-BSC&orgUnit=UMG&from=2020&to=2024`);
    expect(indicator.name.zh).toBe('门急诊次均费用');
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(UMG_PAGE));
    await page.getByRole('heading', { level: 2, name: '门急诊次均费用' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => textOf(page, 'indicator-direction'), { timeout: 15_000 }).toBe('越低越好');
    expect(await textOf(page, 'indicator-method')).toBe('与目标值之比');
    expect(await textOf(page, 'indicator-back')).toBe('← 返回计分卡');
    for (const heading of ['概要', '历史趋势', '2024年各下级单位', '各期数值']) {
      await page.getByRole('heading', { level: 3, name: heading }).waitFor({ timeout: 15_000 });
    }
    const headers = await page
      .getByTestId('indicator-table')
      .locator('thead th')
      .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    expect(headers).toEqual(['期间', '实际值', '目标值', '参考值', '量化值', '加权得分', '状态']);
    expect(await tableRows(page)).toEqual(expectedRows(years, UMG_INDICATOR, 'zh-CN'));
    expect(await ariaLabelOf(page, 'indicator-trend')).toBe(
      expectedTrendLabel(years, UMG_INDICATOR, '门急诊次均费用', 'zh-CN'),
    );
    await page.getByTestId('indicator-granularity').getByText('季度').waitFor();
    await page.getByTestId('indicator-children').waitFor();
    await screenshot(page, 'indicator-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('goes back to the scorecard page with the same selection', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG_PAGE));
    const back = page.getByTestId('indicator-back');
    await back.waitFor({ timeout: 15_000 });
    expect(await back.getAttribute('href')).toBe(`/scorecard?${UMG_SELECTION}`);
    await back.click();
    await page.waitForURL((url) => url.pathname === '/scorecard');
    expect(new URL(page.url()).search).toBe(`?${UMG_SELECTION}`);
    await page.getByRole('heading', { level: 2, name: 'Scorecard' }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  it('fits a tablet: nothing scrolls sideways', async () => {
    const { page, errors } = await e2e.openPage('en-US', { viewport: { width: 768, height: 1024 } });
    await page.goto(e2e.url(UMG_PAGE));
    await page.getByTestId('indicator-children').waitFor({ timeout: 15_000 });
    await tableRows(page);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('an AZ Hospital indicator (F1, AZ, 2016)', () => {
  it('offers years alone for the annual case and tables 2012–2016 as /api/series sends them', async () => {
    const series = await e2e.api<SeriesJson>(
      '/api/series?scorecard=AZ-HOSPITAL&orgUnit=AZ&from=2012&to=2016',
    );
    const f1 = lastIndicator(series, 'F1');
    expect(f1.actual).not.toBeNull();
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(AZ_PAGE));
    await page.getByRole('heading', { level: 2, name: f1.name.en }).waitFor({ timeout: 15_000 });
    expect(await textOf(page, 'indicator-actual')).toBe(formatNumber(f1.actual, 'en', f1.decimals));
    expect(await tableRows(page)).toEqual(expectedRows(series, 'F1', 'en'));
    expect(await ariaLabelOf(page, 'indicator-trend')).toBe(
      expectedTrendLabel(series, 'F1', f1.name.en, 'en'),
    );
    const disabled = await page
      .getByTestId('indicator-granularity')
      .locator('.ant-segmented-item-disabled')
      .evaluateAll((items) => items.map((item) => item.textContent?.trim()));
    expect(disabled).toEqual(['Months', 'Quarters']);
    expect(errors).toEqual([]);
  });

  it('says AZ Hospital has no sub-units to compare', async () => {
    const ranking = await e2e.api<RankingJson>(
      '/api/rankings?view=full&scorecard=AZ-HOSPITAL&parent=AZ&period=2016',
    );
    expect(ranking.items).toEqual([]);
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(AZ_PAGE));
    const panel = page.getByTestId('indicator-children-panel');
    await panel.getByTestId('empty-text').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('empty-text').textContent()).toBe(
      'AZ Hospital has no sub-units to compare.',
    );
    expect(errors).toEqual([]);
  });

  it('states the on-target band of a band indicator (F5, budget execution) as /api/indicators defines it', async () => {
    const definitions = await e2e.api<{ items: IndicatorSummary[] }>(
      '/api/indicators?scorecard=AZ-HOSPITAL&limit=100',
    );
    const direction = definitions.items.find((item) => item.id === 'F5')?.direction;
    expect(direction).toEqual({ band: [95, 105] });
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(`/indicators/F5?${AZ_SELECTION}`));
    await expect
      .poll(() => textOf(page, 'indicator-direction'), { timeout: 15_000 })
      .toBe('On target within 95.0–105.0');
    await page.getByTestId('indicator-trend').waitFor({ timeout: 15_000 });
    await screenshot(page, 'indicator-band-en.png');
    expect(errors).toEqual([]);
  });
});

describe('an unknown indicator', () => {
  it('shows a not-found state naming the id, and no charts', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(`/indicators/NOPE?${UMG_SELECTION}`));
    const notFound = page.getByTestId('indicator-not-found');
    await notFound.waitFor({ timeout: 15_000 });
    expect(await notFound.textContent()).toContain('No such indicator');
    expect(await notFound.textContent()).toContain('has no indicator “NOPE”');
    expect(await page.getByTestId('indicator-summary').count()).toBe(0);
    expect(await page.getByTestId('indicator-back').getAttribute('href')).toBe(`/scorecard?${UMG_SELECTION}`);
    expect(errors).toEqual([]);
  });
});

describe('errors', () => {
  it('shows the server’s problem for an unknown scorecard, with a retry button', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url('/indicators/F1?scorecard=NOPE&orgUnit=AZ&period=2016'));
    const panel = page.getByTestId('error-state');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain("There is no scorecard 'NOPE'.");
    expect(await panel.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await page.getByTestId('indicator-not-found').count()).toBe(0);
    // The browser logs the 404 responses itself; nothing else may fail.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  });
});
