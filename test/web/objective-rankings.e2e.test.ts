/**
 * Objective rankings on the comparison page, end to end in en and zh-CN: the departments of the demo group's
 * first branch (UMG-DEPT-BSC, 2024) ranked by entropy weights and TOPSIS, each with its scorecard rank and the
 * difference, as `GET /api/objective-rankings` answers once the reader asks for it; switching to RSR adds the class column. The group's
 * hospitals are refused (the head hospital lacks two branch indicators), each missing cell named in Chinese.
 * The sensitivity panel draws its three charts from `POST /api/ahp/sensitivity`'s answer.
 * Every figure on screen is the API's, formatted with the app's formatters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectiveRankingJson } from '../../src/core/contracts/objective-rankings.ts';
import type { SensitivityResultJson } from '../../src/core/contracts/sensitivity.ts';
import { formatNumber, formatPercent } from '../../src/web/lib/format.ts';
import { type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

/** The departments of the group's first branch on the department scorecard: every cell has a value. */
const PAGE = '/comparison?scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1&period=2024';
const API = '/api/objective-rankings?scorecard=UMG-DEPT-BSC&parent=UMG-B1&period=2024&depth=children';
/** The group's hospitals on the group scorecard: the head hospital has no value for two branch indicators. */
const REFUSED_PAGE = '/comparison?scorecard=UMG-BSC&orgUnit=UMG&period=2024';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

/** The objective table's rows as shown: unit code (row key), objective rank, scorecard rank, difference. */
async function objectiveRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('objective-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor({ timeout: 20_000 });
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return [tr.getAttribute('data-row-key') ?? '', cells[0] ?? '', cells[2] ?? '', cells[3] ?? ''];
    }),
  );
}

/** What the rows should read, from the API's answer. */
function expectedRows(ranking: ObjectiveRankingJson, language: 'en' | 'zh-CN'): string[][] {
  const digits = (value: number) => (Number.isInteger(value) ? 0 : 1);
  return [...ranking.units]
    .sort((a, b) => a.rank - b.rank)
    .map((unit) => {
      const difference =
        unit.rankDifference === null
          ? '–'
          : `${unit.rankDifference > 0 ? '+' : ''}${formatNumber(unit.rankDifference, language, digits(unit.rankDifference))}`;
      return [
        unit.orgUnit,
        formatNumber(unit.rank, language, digits(unit.rank)),
        formatNumber(unit.scorecardRank, language),
        difference,
      ];
    });
}

describe('objective rankings on the comparison page', () => {
  it('ranks a branch’s departments by entropy and TOPSIS beside the scorecard rank, in English', async () => {
    const ranking = await e2e.api<ObjectiveRankingJson>(`${API}&weighting=entropy&method=topsis`);
    expect(ranking.units.length).toBeGreaterThan(1);
    expect(ranking.units.every((unit) => unit.scorecardRank !== null)).toBe(true);
    const { page, errors } = await e2e.openPage('en');
    await page.goto(e2e.url(PAGE));
    await page.getByTestId('objective-run').click();
    expect(await textOf(page, 'objective-cohort')).toBe(`Cohort: ${ranking.cohort}`);
    expect(await objectiveRows(page)).toEqual(expectedRows(ranking, 'en'));
    await screenshot(page, 'objective-rankings-en.png');
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the same ranking with Chinese labels, and the RSR classes when RSR is chosen', async () => {
    const topsis = await e2e.api<ObjectiveRankingJson>(`${API}&weighting=entropy&method=topsis`);
    const rsr = await e2e.api<ObjectiveRankingJson>(`${API}&weighting=entropy&method=rsr`);
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(PAGE));
    await page.getByTestId('objective-run').click();
    expect(await textOf(page, 'objective-cohort')).toBe(`排名组：${topsis.cohort}`);
    expect(await objectiveRows(page)).toEqual(expectedRows(topsis, 'zh-CN'));
    const headers = await page.getByTestId('objective-table').locator('thead th').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['客观排名', '单位', '计分卡排名', '名次差']);

    await page.getByTestId('objective-method').getByText('秩和比法（RSR）').click();
    await page.getByTestId('objective-table').locator('thead th', { hasText: 'RSR 分档' }).waitFor();
    await page.waitForURL(/om=rsr/);
    await page.getByTestId('objective-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => objectiveRows(page), { timeout: 15_000 }).toEqual(expectedRows(rsr, 'zh-CN'));
    await screenshot(page, 'objective-rankings-zh-CN.png');
    expect(errors).toEqual([]);
  }, 60_000);

  it('draws the sensitivity of the whole hierarchy of weights as charts, with the API’s numbers', async () => {
    const { page, errors } = await e2e.openPage('en');
    // The whole hierarchy (perspectives with their indicators under them) is posted, besides the top level.
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/ahp/sensitivity') &&
        (response.request().postData() ?? '').includes('"children"'),
    );
    await page.goto(e2e.url(PAGE));
    const response = await answered;
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as SensitivityResultJson;
    const posted = JSON.parse(response.request().postData() ?? '{}') as { scores: number[][] };
    // One interval per indicator (leaf), the global weights adding up to 1.
    expect(answer.weights.length).toBe(posted.scores[0]?.length);
    expect(answer.weights.reduce((sum, w) => sum + w.mean, 0)).toBeCloseTo(1, 9);
    expect(answer.draws).toBe(1000);
    for (const chart of [
      'sensitivity-weights',
      'sensitivity-leaf-weights',
      'sensitivity-ranks',
      'sensitivity-sweep',
    ]) {
      await page.getByTestId(chart).locator('canvas').first().waitFor({ timeout: 20_000 });
    }
    expect(await textOf(page, 'sensitivity-draws')).toBe('1,000 draws, seed 1');
    const first = answer.critical[0];
    expect(first).toBeDefined();
    const items = page.getByTestId('sensitivity-critical').locator('li');
    expect(await items.count()).toBe(answer.critical.length);
    expect(await items.first().textContent()).toContain(`weight ${formatPercent(first?.weight ?? 0, 'en')}`);
    await screenshot(page, 'sensitivity-en.png');
    expect(errors).toEqual([]);
  }, 60_000);

  it('words the refusal over missing cells in Chinese, naming each cell', async () => {
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(REFUSED_PAGE));
    await page.getByTestId('objective-run').click();
    const issues = page.getByTestId('objective-problem-issues').locator('li');
    await issues.first().waitFor({ timeout: 20_000 });
    expect(await issues.allTextContents()).toEqual([
      expect.stringContaining('UMG-HEAD'),
      expect.stringContaining('UMG-HEAD'),
    ]);
    expect(await textOf(page, 'objective-problem')).toMatch(/[\u4e00-\u9fff]/);
    // The refusal is the answer: the browser logs its 400 once (without the URL), and nothing else goes wrong.
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  }, 60_000);
});
