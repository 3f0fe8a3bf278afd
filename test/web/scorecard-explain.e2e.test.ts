/**
 * The scorecard page end to end (issue 5): each row's reference, weight, weighted score, status, trend and
 * changes against `GET /api/evaluations` and `GET /api/series`; the "Explain" drawer against
 * `GET /api/evaluations/explain`; and the drill-down heatmap of the selected unit's children against
 * `GET /api/rankings`. Numbers on screen are formatted with the app's own formatters from the API's JSON.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson, SeriesJson } from '../../src/core/contracts/evaluation.ts';
import type { ExplanationJson } from '../../src/core/contracts/explain.ts';
import type { RankingJson } from '../../src/core/contracts/rankings.ts';
import {
  formatChange,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatScore,
} from '../../src/web/lib/format.ts';
import { type E2e, screenshot, startE2e } from './e2e-harness.ts';

const AZ = '/scorecard?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016';
const UMG = '/scorecard?scorecard=UMG-BSC&orgUnit=UMG&period=2024';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

/** Column order of the scorecard table (perspective-table.tsx). */
const COLUMN = {
  indicator: 0,
  actual: 1,
  target: 2,
  reference: 3,
  quantified: 4,
  weight: 5,
  score: 6,
  status: 7,
  trend: 8,
  change: 9,
  changeYear: 10,
} as const;

async function rowCells(page: Page, perspective: string, indicator: string): Promise<string[]> {
  const row = page.getByTestId(`indicator-table-${perspective}`).locator(`tr[data-row-key="${indicator}"]`);
  await row.waitFor({ timeout: 15_000 });
  return row.locator('td').evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));
}

/** A change cell's number, without the words only screen readers hear ("closer to target"). */
function visible(cell: string | undefined): string {
  return (cell ?? '').split(' ')[0] ?? '';
}

/** Words of the status column (src/web/locales/en.json `status`). */
const STATUS_WORDS = {
  met: 'On target',
  watch: 'Watch',
  'off-track': 'Off track',
  'no-data': 'No data',
} as const;

/** The status the web worked out itself before the API sent one: met from 1, watch from 0.9 (the old lib/status.ts). */
function statusBefore(quantified: number | null): keyof typeof STATUS_WORDS {
  if (quantified === null) return 'no-data';
  return quantified >= 1 ? 'met' : quantified >= 0.9 ? 'watch' : 'off-track';
}

function indicators(evaluation: EvaluationJson) {
  return evaluation.perspectives.flatMap((p) =>
    p.indicators.map((indicator) => ({ perspective: p.id, indicator })),
  );
}

describe('scorecard columns', () => {
  it('shows AZ Hospital 2016’s reference, weights, weighted score and status as the API computes them', async () => {
    const evaluation = await e2e.api<EvaluationJson>(
      '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(AZ));
    const all = indicators(evaluation);
    expect(all.length).toBeGreaterThan(10);
    for (const { perspective, indicator } of all) {
      const cells = await rowCells(page, perspective, indicator.id);
      expect(cells[COLUMN.indicator]).toContain(indicator.name.en);
      expect(cells[COLUMN.actual]).toBe(formatNumber(indicator.actual, 'en', indicator.decimals));
      expect(cells[COLUMN.reference]).toBe(formatNumber(indicator.reference, 'en', indicator.decimals));
      expect(cells[COLUMN.weight]).toBe(
        `${formatPercent(indicator.weight, 'en')}${formatPercent(indicator.globalWeight, 'en')} of V`,
      );
      // The engine's weighted score: 100 × local weight × quantified (the indicator's points in its perspective).
      expect(cells[COLUMN.score]).toBe(formatScore(indicator.score, 'en'));
      // The status as the API sends it, and the same as the web showed when it worked it out itself.
      expect(cells[COLUMN.status]).toBe(STATUS_WORDS[indicator.status]);
      expect(indicator.status).toBe(statusBefore(indicator.quantified));
      if (indicator.quantified !== null && indicator.score !== null)
        expect(indicator.score).toBeCloseTo(100 * indicator.weight * indicator.quantified, 9);
    }
    // The status colour: the first cell's bar and the status word agree with the quantified value.
    const f1 = page.getByTestId('indicator-table-F').locator('tr[data-row-key="F1"] td').first();
    expect(await f1.getAttribute('data-status')).toBe('met');
    const link = page.getByTestId('indicator-link-F1');
    expect(await link.getAttribute('href')).toBe(
      '/indicators/F1?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
    );
    await screenshot(page, 'scorecard-explain-en.png');
    expect(errors).toEqual([]);
  });

  it('shows UMG’s 2024 trend and its change vs 2023 from the series', async () => {
    const series = await e2e.api<SeriesJson>('/api/series?scorecard=UMG-BSC&orgUnit=UMG&from=2020&to=2024');
    const byPeriod = new Map(series.items.map((item) => [item.period, item.evaluation]));
    const now = byPeriod.get('2024');
    const before = byPeriod.get('2023');
    if (now === undefined || before === undefined) throw new Error('the demo has no 2023 or 2024');
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG));
    const [first] = indicators(now);
    if (first === undefined) throw new Error('UMG-BSC has no indicators');
    const { perspective, indicator } = first;
    const earlier = indicators(before).find((entry) => entry.indicator.id === indicator.id)?.indicator;
    const expected =
      indicator.actual === null || earlier?.actual == null ? null : indicator.actual - earlier.actual;
    const table = page.getByTestId(`indicator-table-${perspective}`);
    await table.waitFor({ timeout: 15_000 });
    // The change columns fill in when the series arrives.
    const headers = await table.locator('thead th').allTextContents();
    await expect
      .poll(async () => visible((await rowCells(page, perspective, indicator.id))[COLUMN.change]), {
        timeout: 15_000,
      })
      .toBe(formatChange(expected, 'en', indicator.decimals));
    const cells = await rowCells(page, perspective, indicator.id);
    expect(visible(cells[COLUMN.changeYear])).toBe(formatChange(expected, 'en', indicator.decimals));
    expect(headers.join('|')).toContain('vs 2023');
    expect(headers.join('|')).toContain('vs a year before (2023)');
    // The sparkline: one point per year of 2020–2024 with a value, spoken as words.
    const withValues = ['2020', '2021', '2022', '2023', '2024'].filter((period) => {
      const evaluation = byPeriod.get(period);
      const entry =
        evaluation === undefined
          ? undefined
          : indicators(evaluation).find((e) => e.indicator.id === indicator.id);
      return evaluation !== undefined && evaluation.weightCoverage > 0 && entry?.indicator.actual != null;
    });
    const sparkline = page
      .getByTestId(`indicator-table-${perspective}`)
      .locator(`tr[data-row-key="${indicator.id}"] [data-testid="sparkline"]`);
    expect(await sparkline.getAttribute('data-points')).toBe(String(withValues.length));
    expect(await sparkline.getAttribute('aria-label')).toContain(
      formatNumber(indicator.actual, 'en', indicator.decimals),
    );
    expect(errors).toEqual([]);
  });
});

describe('explain this score', () => {
  async function openExplain(page: Page, indicator: string) {
    await page.getByTestId(`explain-${indicator}`).click();
    const drawer = page.getByTestId('explain-content');
    await drawer.waitFor({ timeout: 15_000 });
    return drawer;
  }

  it('explains a UMG ratio with its numerator, denominator, target source and weight version', async () => {
    const evaluation = await e2e.api<EvaluationJson>(
      '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    );
    const ratios: ExplanationJson[] = [];
    for (const { indicator } of indicators(evaluation)) {
      const explanation = await e2e.api<ExplanationJson>(
        `/api/evaluations/explain?scorecard=UMG-BSC&orgUnit=UMG&period=2024&indicator=${indicator.id}`,
      );
      // The explanation agrees with the evaluation it explains.
      expect([
        explanation.actual,
        explanation.target.value,
        explanation.quantified,
        explanation.score,
      ]).toEqual([indicator.actual, indicator.target, indicator.quantified, indicator.score]);
      if (explanation.formula.type === 'ratio' && explanation.target.origin === 'stored')
        ratios.push(explanation);
    }
    const explanation = ratios[0];
    if (explanation === undefined) throw new Error('UMG-BSC has no ratio indicator with a target');
    const f = explanation.formula;
    expect(f.numeratorValue).not.toBeNull();
    expect(f.value).toBeCloseTo(((f.numeratorValue ?? 0) / (f.denominatorValue ?? 1)) * (f.factor ?? 1), 9);

    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG));
    const drawer = await openExplain(page, explanation.indicator.id);
    expect(await drawer.getByTestId('explain-formula').textContent()).toBe(
      `(${f.numerator}) ÷ (${f.denominator}) × ${f.factor}`,
    );
    expect(await drawer.getByTestId('explain-numerator').textContent()).toBe(
      formatNumber(f.numeratorValue, 'en', 2),
    );
    expect(await drawer.getByTestId('explain-denominator').textContent()).toBe(
      formatNumber(f.denominatorValue, 'en', 2),
    );
    for (const input of f.inputs) {
      const row = drawer.getByTestId('explain-inputs').locator(`tr[data-row-key="${input.code}"]`);
      expect(await row.locator('td').nth(1).textContent()).toBe(formatNumber(input.value, 'en', 2));
    }
    const source = (await drawer.getByTestId('explain-target-source').textContent()) ?? '';
    expect(source).toContain(`set for ${formatPeriod(explanation.target.period ?? '', 'en')}`);
    const version = explanation.weight.version;
    expect(await drawer.getByTestId('explain-weight-version').textContent()).toContain(
      `Version ${version.number} (${version.source}), by ${version.createdBy}`,
    );
    expect(await drawer.getByTestId('explain-global-weight').textContent()).toBe(
      formatPercent(explanation.weight.global, 'en', 2),
    );
    expect(await drawer.getByTestId('explain-method').getAttribute('data-method')).toBe(
      explanation.scoring.method,
    );
    expect(await drawer.getByTestId('explain-quantified').textContent()).toBe(
      formatNumber(explanation.quantified, 'en', 4),
    );
    expect(errors).toEqual([]);
  });

  it('explains AZ Hospital’s F1 in English and in Chinese as the explain endpoint does', async () => {
    const explanation = await e2e.api<ExplanationJson>(
      '/api/evaluations/explain?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016&indicator=F1',
    );
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const language = locale === 'en-US' ? 'en' : 'zh-CN';
      // A tall window, so the screenshot shows the whole drawer.
      const { page, errors } = await e2e.openPage(locale, { viewport: { width: 1366, height: 1500 } });
      await page.goto(e2e.url(AZ));
      const drawer = await openExplain(page, 'F1');
      expect(await drawer.getByTestId('explain-actual').textContent()).toContain(
        formatNumber(explanation.actual, language, explanation.indicator.decimals),
      );
      const source = (await drawer.getByTestId('explain-target-source').textContent()) ?? '';
      if (explanation.target.period !== null)
        expect(source).toContain(formatPeriod(explanation.target.period, language));
      expect(await drawer.getByTestId('explain-weight-version').textContent()).toContain(
        explanation.weight.version.createdBy,
      );
      expect(await drawer.getByTestId('explain-local-weight').textContent()).toContain(
        formatPercent(explanation.weight.local, language, 2),
      );
      const title = (await page.locator('.ant-drawer-title').textContent()) ?? '';
      expect(title).toBe(
        language === 'en'
          ? `How ${explanation.indicator.name.en} is scored`
          : `${explanation.indicator.name.zh ?? explanation.indicator.name.en}的得分说明`,
      );
      await screenshot(
        page,
        language === 'en' ? 'scorecard-explain-drawer-en.png' : 'scorecard-explain-zh-CN.png',
      );
      expect(errors).toEqual([]);
    }
  });
});

describe('narrow window', () => {
  it('fits 768 px without sideways scroll, the Explain drawer too', async () => {
    const { page, errors } = await e2e.openPage('zh-CN', { viewport: { width: 768, height: 1000 } });
    await page.goto(e2e.url(UMG));
    await page.getByTestId('indicator-table-F').waitFor({ timeout: 15_000 });
    const fits = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
    expect(await fits()).toBe(true);
    await page.locator('button[data-testid^="explain-"]').first().click();
    await page.getByTestId('explain-content').waitFor({ timeout: 15_000 });
    expect(await fits()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('drill-down heatmap', () => {
  it('draws UMG’s children × indicators for 2024 with every child the ranking has', async () => {
    const ranking = await e2e.api<RankingJson>(
      '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024&depth=children',
    );
    const evaluation = await e2e.api<EvaluationJson>(
      '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    );
    const indicatorCount = indicators(evaluation).length;
    expect(ranking.items.length).toBeGreaterThan(1);
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(UMG));
    const heatmap = page.getByTestId('children-heatmap');
    await heatmap.waitFor({ timeout: 20_000 });
    expect(await heatmap.getAttribute('data-units')).toBe(String(ranking.items.length));
    const chart = page.getByTestId('children-heatmap-chart');
    expect(await chart.getAttribute('aria-label')).toBe(
      `Heatmap of ${ranking.items.length} sub-units by ${indicatorCount} indicators, coloured by status`,
    );
    await chart.locator('canvas').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'scorecard-heatmap-en.png');
    expect(errors).toEqual([]);
  });

  it('says AZ Hospital has no sub-units to drill down to', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(AZ));
    const panel = page.getByTestId('children-heatmap-panel');
    await panel.waitFor({ timeout: 15_000 });
    await expect.poll(async () => panel.textContent(), { timeout: 15_000 }).toContain('has no sub-units');
    expect(errors).toEqual([]);
  });
});
