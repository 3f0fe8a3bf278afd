/**
 * The indicator library end to end (issue 17 §3, "Must show"), as the demo performance office: in zh-CN, pick
 * China's 门诊次均费用增幅 in the designer, see its elements mapped to the demo's outpatient revenue and visits,
 * save the scorecard, and read the indicator evaluated for 2024 against 2023 (the demo holds 2021–2024 monthly
 * values), its growth recomputed from the inputs Explain lists; in en, the library lists English names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EvaluationJson } from '../../src/core/contracts/evaluation.ts';
import type { ExplanationJson } from '../../src/core/contracts/explain.ts';
import { DEMO, type E2e, startE2e } from './e2e-harness.ts';

const AS = DEMO.strategist;
const ENTRY = 'cn-tertiary-38';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function openLibrary(locale: string) {
  const opened = await e2e.openPage(locale, { as: AS, viewport: { width: 1366, height: 768 } });
  await opened.page.goto(e2e.url('/designer?scorecard=UMG-BSC'));
  await opened.page.getByTestId('designer-tree').waitFor({ timeout: 20_000 });
  await opened.page.getByTestId('library-open').click();
  await opened.page.getByTestId('library-entries').waitFor();
  return opened;
}

it('adds 门诊次均费用增幅 from the library in zh-CN, saves it, and evaluates its growth over 2023', async () => {
  const { page } = await openLibrary('zh-CN');
  {
    await page.getByTestId('library-search').locator('input').fill('门诊次均费用增幅');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await page.locator(`[data-entry-id="${ENTRY}"]`).click();
    await page.getByTestId('library-detail').waitFor();
    const matches = await page
      .getByTestId('library-match')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-match')));
    expect(matches).toEqual(['code', 'code']);
    await page.getByTestId('library-add').click();
    await page.getByTestId('library-added').waitFor();
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-saved').waitFor({ timeout: 20_000 });
  }
  const evaluation = await e2e.api<EvaluationJson>(
    '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    AS,
  );
  const indicator = evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === ENTRY);
  const explain = await e2e.api<ExplanationJson>(
    `/api/evaluations/explain?scorecard=UMG-BSC&orgUnit=UMG&period=2024&indicator=${ENTRY}`,
    AS,
  );
  const value = (code: string) => explain.formula.inputs.find((i) => i.code === code)?.value ?? Number.NaN;
  const now = value('outpatient_revenue') / value('outpatient_visits');
  const before =
    value('{outpatient_revenue}.periodOffset(-1)') / value('{outpatient_visits}.periodOffset(-1)');
  const periods = explain.formula.inputs.map((i) => i.period ?? null);
  expect([indicator?.name.zh, periods]).toEqual(['门诊次均费用增幅', [null, null, '2023', '2023']]);
  expect(indicator?.actual).toBeCloseTo(((now - before) / before) * 100, 8);
}, 120_000);

it('lists the library with English names in en', async () => {
  const { page } = await openLibrary('en-US');
  {
    await page.getByTestId('library-search').locator('input').fill('outpatient visit');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await page.locator(`[data-entry-id="${ENTRY}"]`).waitFor();
    const names = await page.getByTestId('library-entry-name').allTextContents();
    expect(names).toContain('Growth of average cost per outpatient visit');
  }
}, 120_000);
