/**
 * Period offsets on PGlite and PostgreSQL (issue 17 §3): a growth indicator written with
 * `code.periodOffset(-1)`, as China's 门诊次均费用增幅 (tertiary public hospital appraisal, indicator 38), evaluates a
 * year against the one before, a month against the same month a year earlier with `-12`, for a group as
 * Σ numerators ÷ Σ denominators of each year, scored linearly (a growth may be zero or negative), and Explain
 * lists the earlier period's inputs with their period.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { ExplanationJson } from '../../core/contracts/explain.ts';
import type { ScorecardFileInput } from '../../core/scorecard/index.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { createOrgUnit } from '../services/org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';

const MONTHS = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** Monthly revenue and visits: a cost per visit of 300 → 330 yuan (H1) and 200 → 210 yuan (H2). */
const MONTHLY: Readonly<Record<'h1' | 'h2', Record<2023 | 2024, { revenue: number; visits: number }>>> = {
  h1: { 2023: { revenue: 300_000, visits: 1_000 }, 2024: { revenue: 330_000, visits: 1_000 } },
  h2: { 2023: { revenue: 200_000, visits: 1_000 }, 2024: { revenue: 210_000, visits: 1_000 } },
};

describeEachEngine('period offsets in evaluation', (getDb) => {
  let server: TestServer;
  let code: string;
  const units = { group: uniqueCode('G'), h1: uniqueCode('H1'), h2: uniqueCode('H2') };

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      routesFor: (ctx) => [evaluationRoutes(new EvaluationEngine(ctx.db, ctx.changes))],
    });
    const ctx = server.ctx;
    code = uniqueCode('GROWTH');
    await createOrgUnit(ctx, FIXTURE_ACTOR, { code: units.group, name: { en: 'Group' }, type: 'group' });
    for (const unit of [units.h1, units.h2]) {
      await createOrgUnit(ctx, FIXTURE_ACTOR, {
        code: unit,
        name: { en: unit },
        type: 'hospital',
        parent: units.group,
      });
    }
    const rev = `${code}_rev`;
    const visits = `${code}_visits`;
    const growth = `({${rev}} / {${visits}} - {${rev}}.periodOffset(-1) / {${visits}}.periodOffset(-1)) / ({${rev}}.periodOffset(-1) / {${visits}}.periodOffset(-1)) * 100`;
    const file: ScorecardFileInput = {
      format: 'healthbsc/scorecard@2',
      code,
      name: { en: 'Growth', zh: '增幅' },
      dataElements: [
        { code: rev, name: { en: 'Outpatient revenue', zh: '门诊收入' }, valueType: 'money' },
        { code: visits, name: { en: 'Outpatient visits', zh: '门诊人次数' }, valueType: 'integer' },
      ],
      perspectives: [
        {
          id: 'F',
          name: { en: 'Cost control', zh: '费用控制' },
          indicators: [
            {
              id: 'GROWTH',
              name: { en: 'Growth of average cost per outpatient visit', zh: '门诊次均费用增幅' },
              formula: growth,
              direction: 'lower',
              scoring: { method: 'linear', floor: 10 },
            },
            {
              id: 'YOY',
              name: { en: 'Revenue change against the same month last year', zh: '门诊收入同比增量' },
              formula: `{${rev}} - {${rev}}.periodOffset(-12)`,
              direction: 'higher',
            },
          ],
        },
      ],
      weights: { perspectives: { manual: { F: 1 } }, indicators: { F: { manual: { GROWTH: 1, YOY: 0 } } } },
    };
    await importScorecard(ctx, FIXTURE_ACTOR, { file, mode: 'create' });
    const values = (['h1', 'h2'] as const).flatMap((unit) =>
      ([2023, 2024] as const).flatMap((year) =>
        MONTHS(year).flatMap((month) => [
          { orgUnit: units[unit], dataElement: rev, period: month, value: MONTHLY[unit][year].revenue },
          { orgUnit: units[unit], dataElement: visits, period: month, value: MONTHLY[unit][year].visits },
        ]),
      ),
    );
    await writeDataValues(ctx, FIXTURE_ACTOR, { values });
    await putTargets(ctx, FIXTURE_ACTOR, {
      targets: [{ scorecard: code, indicator: 'GROWTH', period: '2024', target: 0 }],
    });
  });
  afterAll(() => server.close());

  async function growthOf(orgUnit: string, period: string) {
    const query = new URLSearchParams({ scorecard: code, orgUnit, period });
    const response = await server.request('GET', `/api/evaluations?${query}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<EvaluationJson>().perspectives.flatMap((p) => p.indicators);
  }

  it('gives a hospital its growth of the cost per visit over the year before: 300 → 330 yuan is 10 %', async () => {
    const indicator = (await growthOf(units.h1, '2024')).find((i) => i.id === 'GROWTH');
    expect(indicator?.actual).toBeCloseTo(10, 10);
  });

  it('gives the group the growth of Σ revenue ÷ Σ visits: 250 → 270 yuan is 8 %', async () => {
    const indicator = (await growthOf(units.group, '2024')).find((i) => i.id === 'GROWTH');
    expect(indicator?.actual).toBeCloseTo(8, 10);
  });

  it('scores the growth linearly against a target of 0 % with a floor of 10 %: 8 % gives 0.2', async () => {
    const indicator = (await growthOf(units.group, '2024')).find((i) => i.id === 'GROWTH');
    expect(indicator?.quantified).toBeCloseTo(0.2, 10);
  });

  it('has no growth for the first year with data (2022 has no values)', async () => {
    const indicator = (await growthOf(units.h1, '2023')).find((i) => i.id === 'GROWTH');
    expect(indicator?.actual).toBeNull();
  });

  it('reads the same month a year earlier with periodOffset(-12) on a month: 540 000 − 500 000 yuan', async () => {
    const indicator = (await growthOf(units.group, '2024-03')).find((i) => i.id === 'YOY');
    expect(indicator?.actual).toBe(40_000);
  });

  it('explains the earlier period: the group’s 2023 revenue 6 000 000 yuan under its offset read', async () => {
    const query = new URLSearchParams({
      scorecard: code,
      orgUnit: units.group,
      period: '2024',
      indicator: 'GROWTH',
    });
    const response = await server.request('GET', `/api/evaluations/explain?${query}`);
    const body = response.json<ExplanationJson>();
    const earlier = body.formula.inputs.find((i) => i.code === `{${code}_rev}.periodOffset(-1)`);
    expect([earlier?.value, earlier?.period, earlier?.offset]).toEqual([6_000_000, '2023', -1]);
  });
});
