/**
 * Totals that inform, end to end in en and zh-CN: a department on the group's scorecard (UMG-BSC) has data for
 * 37.5 % of the weight, below its 60 % minimum, so the overview and the scorecard say "insufficient data" with
 * the coverage instead of a total and a rating; on its own department scorecard (UMG-DEPT-BSC) it has a total.
 * The comparison lists units with insufficient data last, unranked, and mixes unit types only when switched on.
 * Where a group's total is above every member's, one sentence says why, with a link that opens Explain. The
 * designer edits an indicator's status thresholds and the scheme's minimum coverage, saved with the file.
 * Every figure on screen is the API's, formatted with the app's formatters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { RankingJson } from '../../src/core/contracts/rankings.ts';
import type { ScorecardDetail } from '../../src/core/contracts/scorecards.ts';
import { groupAboveMembers } from '../../src/core/scoring/rank-units.ts';
import { formatPercent, formatScore } from '../../src/web/lib/format.ts';
import { DEMO, type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

const DEPARTMENT = 'UMG-B1-INTM';
const ON_GROUP_SCHEME = `scorecard=UMG-BSC&orgUnit=${DEPARTMENT}&period=2024`;
const ON_OWN_SCHEME = `scorecard=UMG-DEPT-BSC&orgUnit=${DEPARTMENT}&period=2024`;

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

/** The ranking table's rows as shown: rank, unit code (from the row key) and total cell. */
async function rankingRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor({ timeout: 15_000 });
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return [tr.getAttribute('data-row-key') ?? '', cells[0] ?? '', cells[3] ?? ''];
    }),
  );
}

describe('insufficient data', () => {
  it('the department on the group scorecard: the API withholds its total at 37.5 % of the weight, below 60 %', async () => {
    const evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${ON_GROUP_SCHEME}`);
    expect([
      evaluation.weightCoverage,
      evaluation.minimumCoverage,
      evaluation.insufficientData,
      evaluation.total,
      evaluation.rating,
    ]).toEqual([0.375, 0.6, true, null, null]);
  });

  it('the overview shows "Insufficient data" with its coverage, and no rating (en)', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(`/overview?${ON_GROUP_SCHEME}`));
    expect(await textOf(page, 'total-score')).toBe('Insufficient data');
    const card = page.getByTestId('total-score').locator('xpath=ancestor::section[1]');
    expect(await card.textContent()).toContain(
      'Only 37.5% of the scorecard’s weight has data; it requires 60.0% for a total. No total or rating is given.',
    );
    expect(await textOf(page, 'coverage')).toBe('37.5%');
    await screenshot(page, 'totals-insufficient-en.png');
    expect(errors).toEqual([]);
  });

  it('the scorecard page says so above the perspectives (zh-CN)', async () => {
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(`/scorecard?${ON_GROUP_SCHEME}`));
    const note = await textOf(page, 'insufficient-data');
    expect(note).toContain('数据不足');
    expect(note).toContain(
      `仅 ${formatPercent(0.375, 'zh-CN')} 的计分卡权重有数据，给出总分至少需要 ${formatPercent(0.6, 'zh-CN')}。`,
    );
    await screenshot(page, 'totals-insufficient-zh-CN.png');
    expect(errors).toEqual([]);
  });

  it('the same department on its own department scorecard has a total, as the API computes it (zh-CN)', async () => {
    const evaluation = await e2e.api<EvaluationJson>(`/api/evaluations?${ON_OWN_SCHEME}`);
    expect([evaluation.weightCoverage, evaluation.insufficientData]).toEqual([1, false]);
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(`/overview?${ON_OWN_SCHEME}`));
    expect(await textOf(page, 'total-score')).toBe(formatScore(evaluation.total, 'zh-CN'));
    expect(await page.getByTestId('insufficient-data').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('rankings', () => {
  const PAGE = '/comparison?scorecard=UMG-BSC&orgUnit=UMG&period=2024&depth=descendants';
  const API = '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024&depth=descendants';

  it('ranks hospitals among hospitals; departments with insufficient data come last, unranked (en)', async () => {
    const ranking = await e2e.api<RankingJson>(API);
    const hospitals = ranking.items.filter((i) => i.type === 'hospital');
    const departments = ranking.items.filter((i) => i.type === 'department');
    expect(hospitals.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(departments.every((i) => i.rank === null && i.evaluation.insufficientData)).toBe(true);
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(PAGE));
    const rows = await rankingRows(page);
    expect(rows).toEqual(
      ranking.items.map((i) => [
        i.orgUnit,
        i.rank === null ? '—' : String(i.rank),
        i.evaluation.insufficientData ? 'Insufficient data' : formatScore(i.evaluation.total, 'en'),
      ]),
    );
    expect(await page.getByTestId('comparison-mix').getAttribute('aria-checked')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('mixes unit types only when the switch is on: the request asks for mix=true (zh-CN)', async () => {
    const mixed = await e2e.api<RankingJson>(`${API}&mix=true`);
    expect(new Set(mixed.items.map((i) => i.cohort))).toEqual(new Set(['all']));
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(PAGE));
    await rankingRows(page);
    const asked = page.waitForRequest((request) => request.url().includes('mix=true'));
    await page.getByTestId('comparison-mix').click();
    await asked;
    await expect.poll(() => new URL(page.url()).searchParams.get('mix'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByText('混合不同类型和层级的单位').count()).toBe(1);
    await expect
      .poll(async () => (await rankingRows(page)).map((row) => row[2]), { timeout: 15_000 })
      .toEqual(
        mixed.items.map((i) =>
          i.evaluation.insufficientData ? '数据不足' : formatScore(i.evaluation.total, 'zh-CN'),
        ),
      );
    expect(errors).toEqual([]);
  });
});

describe('a group above all its members', () => {
  it('says why in one sentence and opens Explain of the indicator that lifts it most (en, then zh-CN)', async () => {
    const selection = 'scorecard=UMG-BSC&orgUnit=UMG&period=2024';
    const group = await e2e.api<EvaluationJson>(`/api/evaluations?${selection}`);
    const members = await e2e.api<RankingJson>(
      `/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024`,
    );
    const indicators = (json: EvaluationJson) => json.perspectives.flatMap((p) => p.indicators);
    const above = groupAboveMembers(
      { total: group.total, indicators: indicators(group) },
      members.items.map((m) => ({ total: m.evaluation.total, indicators: indicators(m.evaluation) })),
    );
    // The demo group's pooled rates put it above its best hospital in 2024.
    expect(above).not.toBeNull();
    const indicator = indicators(group).find((i) => i.id === above?.indicator);
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(`/overview?${selection}`));
    expect(await textOf(page, 'group-above-note')).toContain(
      `The total (${formatScore(group.total, 'en')}) is higher than every sub-unit’s (best ${formatScore(above?.bestMemberTotal, 'en')})`,
    );
    await page.getByTestId('group-above-explain').click();
    await page.waitForURL((url) => url.pathname === '/scorecard');
    await page
      .getByRole('dialog')
      .getByText(indicator?.name.en ?? '?')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);

    const zh = await e2e.openPage('zh-CN');
    await zh.page.goto(e2e.url(`/scorecard?${selection}`));
    expect(await textOf(zh.page, 'group-above-note')).toContain(
      `总分（${formatScore(group.total, 'zh-CN')}）高于每个下级单位（最高 ${formatScore(above?.bestMemberTotal, 'zh-CN')}）`,
    );
    await zh.page.getByTestId('group-above-explain').click();
    await zh.page.getByRole('dialog').waitFor({ timeout: 15_000 });
    await screenshot(zh.page, 'totals-group-above-zh-CN.png');
    expect(zh.errors).toEqual([]);
  });
});

describe('status thresholds and the minimum coverage in the designer', () => {
  const DESIGNER = '/designer?scorecard=UMG-DEPT-BSC';
  const treeNode = (page: Page, key: string) => page.locator(`[data-testid="tree-node"][data-key="${key}"]`);

  it('saves an indicator’s thresholds and the scheme’s minimum coverage with the file (en)', async () => {
    const { page, errors } = await e2e.openPage('en-US', { as: DEMO.strategist });
    await page.goto(e2e.url(DESIGNER));
    await page.getByTestId('designer-tree').waitFor({ timeout: 20_000 });
    await treeNode(page, 'scorecard').click();
    const minimum = page.getByTestId('scorecard-minimum-coverage');
    expect(await minimum.inputValue()).toBe('60');
    await minimum.fill('75');
    await treeNode(page, 'i:outpatient_volume').click();
    const status = page.getByTestId('indicator-status');
    await status.waitFor();
    expect(await status.textContent()).toContain('Inherited: set a value to override.');
    await page.locator('#indicator-status-met').fill('0.95');
    await page.locator('#indicator-status-watch').fill('0.8');
    await page.getByTestId('designer-note').fill('department thresholds');
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-saved').waitFor({ timeout: 20_000 });
    const saved = await e2e.api<ScorecardDetail>('/api/scorecards/UMG-DEPT-BSC');
    const indicator = saved.file.perspectives
      .flatMap((p) => p.indicators)
      .find((i) => i.id === 'outpatient_volume');
    expect([indicator?.status, saved.file.scoring.minimumCoverage]).toEqual([
      { met: 0.95, watch: 0.8 },
      0.75,
    ]);
    expect(errors).toEqual([]);
  });

  it('words the fields in Chinese (zh-CN)', async () => {
    const { page, errors } = await e2e.openPage('zh-CN', { as: DEMO.strategist });
    await page.goto(e2e.url(DESIGNER));
    await page.getByTestId('designer-tree').waitFor({ timeout: 20_000 });
    await treeNode(page, 'i:inpatient_volume').click();
    const status = page.getByTestId('indicator-status');
    await status.waitFor();
    const text = await status.textContent();
    expect([text?.includes('状态阈值'), text?.includes('达标起点'), text?.includes('关注起点')]).toEqual([
      true,
      true,
      true,
    ]);
    await treeNode(page, 'scorecard').click();
    expect(await page.getByText('最低数据覆盖率').count()).toBe(1);
    await screenshot(page, 'totals-designer-zh-CN.png');
    expect(errors).toEqual([]);
  });
});
