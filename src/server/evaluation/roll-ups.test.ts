/**
 * Roll-ups that add up, on stored data, on PGlite and PostgreSQL (docs/scorecard-format.md, "Data elements";
 * src/core/analytics/README.md, rule 4): a group's ratio over the hospitals that report both parts, with the
 * coverage naming the one left out; yearly values imported at a year and evaluated for it, "reported yearly"
 * for its months; an import of a year for a monthly element refused with a reason, nothing stored.
 *
 *   G ─ H1, H2, H3
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { ScorecardFileInput } from '../../core/scorecard/index.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { createOrgUnit } from '../services/org-units.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';

function scorecardFile(code: string, c: Codes): ScorecardFileInput {
  const element = (id: string, en: string, periodType: 'month' | 'year') => ({
    code: id,
    name: { en, zh: `${en}（中文）` },
    valueType: 'integer' as const,
    aggregation: 'sum' as const,
    timeAggregation: 'sum' as const,
    periodType,
  });
  return {
    format: 'healthbsc/scorecard@2',
    code,
    name: { en: `Roll-ups ${code}` },
    dataElements: [
      element(c.within, 'Attendances seen within 4 hours', 'month'),
      element(c.attendances, 'Attendances', 'month'),
      element(c.deaths, 'Deaths in the year', 'year'),
      element(c.discharges, 'Discharges in the year', 'year'),
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        indicators: [
          {
            id: 'AE4',
            name: { en: 'A&E within 4 hours' },
            formula: { numerator: c.within, denominator: c.attendances, factor: 100 },
          },
          {
            id: 'MORT',
            name: { en: 'Mortality' },
            formula: { numerator: c.deaths, denominator: c.discharges, factor: 100 },
            direction: 'lower',
          },
        ],
      },
    ],
    weights: { perspectives: { manual: { I: 1 } }, indicators: { I: { manual: { AE4: 0.5, MORT: 0.5 } } } },
  } as ScorecardFileInput;
}

interface Codes {
  readonly within: string;
  readonly attendances: string;
  readonly deaths: string;
  readonly discharges: string;
}

describeEachEngine('roll-ups that add up', (getDb) => {
  let server: TestServer;
  let scorecard: string;
  let units: { g: string; h1: string; h2: string; h3: string };
  let codes: Codes;

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      routesFor: (ctx) => [evaluationRoutes(new EvaluationEngine(getDb(), ctx.changes)), importRoutes],
    });
    const g = uniqueCode('G');
    units = { g, h1: `${g}H1`, h2: `${g}H2`, h3: `${g}H3` };
    await createOrgUnit(server.ctx, FIXTURE_ACTOR, { code: g, name: { en: 'Group' }, type: 'group' });
    for (const h of [units.h1, units.h2, units.h3]) {
      await createOrgUnit(server.ctx, FIXTURE_ACTOR, {
        code: h,
        name: { en: h },
        type: 'hospital',
        parent: g,
      });
    }
    codes = {
      within: uniqueCode('within'),
      attendances: uniqueCode('att'),
      deaths: uniqueCode('deaths'),
      discharges: uniqueCode('disch'),
    };
    scorecard = uniqueCode('RU');
    const created = await server.request('POST', '/api/scorecards', scorecardFile(scorecard, codes));
    expect(created.statusCode).toBe(201);
    await putTargets(server.ctx, FIXTURE_ACTOR, {
      targets: [
        { scorecard, indicator: 'AE4', period: '2023', target: 95 },
        { scorecard, indicator: 'MORT', period: '2023', target: 2.5 },
      ],
    });
    // H1 90 of 100 and H2 45 of 50 within four hours; H3 counts its 40 attendances but not the 4-hour ones.
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [
        { orgUnit: units.h1, dataElement: codes.within, period: '2023-04', value: 90 },
        { orgUnit: units.h1, dataElement: codes.attendances, period: '2023-04', value: 100 },
        { orgUnit: units.h2, dataElement: codes.within, period: '2023-04', value: 45 },
        { orgUnit: units.h2, dataElement: codes.attendances, period: '2023-04', value: 50 },
        { orgUnit: units.h3, dataElement: codes.attendances, period: '2023-04', value: 40 },
      ],
    });
  });
  afterAll(() => server.close());

  async function evaluate(orgUnit: string, period: string): Promise<EvaluationJson> {
    const response = await server.request(
      'GET',
      `/api/evaluations?scorecard=${scorecard}&orgUnit=${orgUnit}&period=${period}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<EvaluationJson>();
  }

  const indicator = (result: EvaluationJson, id: string) =>
    result.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);

  async function importCsv(rows: readonly string[]) {
    const session = await server.adminSession();
    return server.app.inject({
      method: 'POST',
      url: '/api/imports?kind=data&dryRun=false&fileName=values.csv',
      headers: { ...session.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(['org_unit,period,data_element,value', ...rows].join('\n')),
    });
  }

  it("sums the group's ratio over the two hospitals that report both parts: 135 ÷ 150", async () => {
    const result = await evaluate(units.g, '2023-04');
    expect(indicator(result, 'AE4')?.actual).toBe(90); // not 135 ÷ 190 = 71.05
  });

  it('names the hospital left out and the share of attendances the others carry', async () => {
    const result = await evaluate(units.g, '2023-04');
    expect(indicator(result, 'AE4')?.unitCoverage).toEqual({
      source: 'children',
      included: [units.h1, units.h2],
      leftOut: [units.h3],
      denominatorShare: 150 / 190,
    });
  });

  it('gives a hospital its own ratio without a coverage of children', async () => {
    const result = await evaluate(units.h1, '2023-04');
    expect([indicator(result, 'AE4')?.actual, indicator(result, 'AE4')?.unitCoverage]).toEqual([
      90,
      undefined,
    ]);
  });

  it('sends the share of weight backed by data as weightCoverage', async () => {
    const result = await evaluate(units.g, '2023-04');
    expect(result.weightCoverage).toBe(0.5);
  });

  it('evaluates a yearly element imported at 2023 for 2023', async () => {
    const imported = await importCsv([
      `${units.h1},2023,${codes.deaths},3`,
      `${units.h1},2023,${codes.discharges},150`,
      `${units.h2},2023,${codes.deaths},1`,
      `${units.h2},2023,${codes.discharges},50`,
    ]);
    expect(imported.statusCode).toBe(200);
    const result = await evaluate(units.g, '2023');
    expect(indicator(result, 'MORT')?.actual).toBe(2); // (3 + 1) ÷ (150 + 50) × 100
  });

  it('says "reported yearly" for a month of a yearly element', async () => {
    const result = await evaluate(units.h1, '2023-04');
    expect([indicator(result, 'MORT')?.actual, indicator(result, 'MORT')?.reason]).toEqual([
      null,
      'reported-yearly',
    ]);
  });

  it('refuses an import of a year for a monthly element with a reason, and stores nothing', async () => {
    const refused = await importCsv([`${units.h1},2023,${codes.attendances},1200`]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().report.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'period',
        code: 'period-not-month',
        params: { dataElement: codes.attendances, period: '2023' },
      }),
    ]);
    const stored = await server.request(
      'GET',
      `/api/data-values?orgUnit=${units.h1}&dataElement=${codes.attendances}&period=2023`,
    );
    expect(stored.json().items).toEqual([]);
  });

  it('refuses an API write of a month for a yearly element with the problem code', async () => {
    const response = await server.request('POST', '/api/data-values', {
      values: [{ orgUnit: units.h1, dataElement: codes.deaths, period: '2023-05', value: 1 }],
    });
    expect([response.statusCode, response.json().issues]).toEqual([
      400,
      [
        expect.objectContaining({
          path: ['values', 0, 'period'],
          code: 'data-value.period-not-year',
          params: { code: codes.deaths, period: '2023-05' },
        }),
      ],
    ]);
  });
});
