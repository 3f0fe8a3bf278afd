/**
 * The period × unit table (`GET /api/pivot`) on stored data, on PGlite and PostgreSQL: each cell is the unit's
 * evaluation, the total row the parent's roll-up (ratio of sums over the units reporting both parts, not a mean
 * of the rows' rates) with its coverage, pages of units, and a reader of one hospital sees only that hospital.
 *
 *   G ─ H1 ─ D1
 *     ─ H2
 *     ─ H3 (attendances only)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { uniqueCode } from '../../../test/fixtures/codes.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { PivotJson } from '../../core/contracts/pivot.ts';
import type { ScorecardFileInput } from '../../core/scorecard/index.ts';
import { evaluationRoutes } from '../evaluation/evaluation.routes.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { createOrgUnit } from '../services/org-units.service.ts';
import { pivotRoutes } from './pivot.routes.ts';

function scorecardFile(code: string, within: string, attendances: string): ScorecardFileInput {
  const element = (id: string, en: string) => ({
    code: id,
    name: { en, zh: `${en}（中文）` },
    valueType: 'integer' as const,
    aggregation: 'sum' as const,
    timeAggregation: 'sum' as const,
    periodType: 'month' as const,
  });
  return {
    format: 'healthbsc/scorecard@2',
    code,
    name: { en: `Pivot ${code}` },
    dataElements: [element(within, 'Seen within 4 hours'), element(attendances, 'Attendances')],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        indicators: [
          {
            id: 'AE4',
            name: { en: 'A&E within 4 hours', zh: '4小时内就诊' },
            formula: { numerator: within, denominator: attendances, factor: 100 },
          },
        ],
      },
    ],
    weights: { perspectives: { manual: { I: 1 } }, indicators: { I: { manual: { AE4: 1 } } } },
  } as ScorecardFileInput;
}

describeEachEngine('the period × unit table', (getDb) => {
  let server: TestServer;
  let scorecard: string;
  let u: { g: string; h1: string; h2: string; h3: string; d1: string };

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      routesFor: (ctx) => {
        const engine = new EvaluationEngine(getDb(), ctx.changes);
        return [evaluationRoutes(engine), pivotRoutes(engine)];
      },
    });
    const g = uniqueCode('G');
    u = { g, h1: `${g}H1`, h2: `${g}H2`, h3: `${g}H3`, d1: `${g}D1` };
    await createOrgUnit(server.ctx, FIXTURE_ACTOR, { code: g, name: { en: 'Group' }, type: 'group' });
    for (const h of [u.h1, u.h2, u.h3]) {
      await createOrgUnit(server.ctx, FIXTURE_ACTOR, {
        code: h,
        name: { en: `Hospital ${h}`, zh: `医院${h}` },
        type: 'hospital',
        parent: g,
      });
    }
    await createOrgUnit(server.ctx, FIXTURE_ACTOR, {
      code: u.d1,
      name: { en: 'Surgery', zh: '外科' },
      type: 'department',
      parent: u.h1,
    });
    const within = uniqueCode('within');
    const attendances = uniqueCode('att');
    scorecard = uniqueCode('PV');
    const created = await server.request(
      'POST',
      '/api/scorecards',
      scorecardFile(scorecard, within, attendances),
    );
    expect(created.statusCode).toBe(201);
    // April: H1 90 of 100 (90 %), H2 40 of 50 (80 %), H3 counts 40 attendances only. May: H2 45 of 50.
    // D1 holds H1's figures (H1 reports them itself, so H1's own value is its own).
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [
        { orgUnit: u.h1, dataElement: within, period: '2023-04', value: 90 },
        { orgUnit: u.h1, dataElement: attendances, period: '2023-04', value: 100 },
        { orgUnit: u.h2, dataElement: within, period: '2023-04', value: 40 },
        { orgUnit: u.h2, dataElement: attendances, period: '2023-04', value: 50 },
        { orgUnit: u.h3, dataElement: attendances, period: '2023-04', value: 40 },
        { orgUnit: u.h2, dataElement: within, period: '2023-05', value: 45 },
        { orgUnit: u.h2, dataElement: attendances, period: '2023-05', value: 50 },
        { orgUnit: u.d1, dataElement: within, period: '2023-05', value: 7 },
        { orgUnit: u.d1, dataElement: attendances, period: '2023-05', value: 10 },
      ],
    });
  });
  afterAll(() => server.close());

  async function pivot(query: string) {
    return server.request('GET', `/api/pivot?scorecard=${scorecard}&indicator=AE4&${query}`);
  }

  it("gives each child's value per month as its evaluation does", async () => {
    const body = (await pivot(`parent=${u.g}&from=2023-04&to=2023-05`)).json<PivotJson>();
    expect(body.units.map((row) => [row.code, row.cells.map((cell) => cell.actual)])).toEqual([
      [u.h1, [90, 70]],
      [u.h2, [80, 90]],
      [u.h3, [null, null]],
    ]);
  });

  it('totals April as the ratio of sums over the two hospitals reporting both parts, not a mean of rates', async () => {
    const body = (await pivot(`parent=${u.g}&from=2023-04&to=2023-04`)).json<PivotJson>();
    expect(body.total?.[0]).toMatchObject({ source: 'children', included: 2, leftOut: 1 });
    expect(body.total?.[0]?.actual).toBeCloseTo((130 / 150) * 100, 10);
  });

  it("equals the parent's evaluation in the total row", async () => {
    const evaluation = await server.request(
      'GET',
      `/api/evaluations?scorecard=${scorecard}&orgUnit=${u.g}&period=2023-05`,
    );
    const actual = evaluation.json<{ perspectives: { indicators: { actual: number | null }[] }[] }>()
      .perspectives[0]?.indicators[0]?.actual;
    const body = (await pivot(`parent=${u.g}&from=2023-05&to=2023-05`)).json<PivotJson>();
    expect(body.total?.[0]?.actual).toBe(actual);
  });

  it('flattens the subtree with each unit’s parent named', async () => {
    const body = (await pivot(`parent=${u.g}&rows=descendants&from=2023-05&to=2023-05`)).json<PivotJson>();
    expect(body.units.map((row) => [row.code, row.parentUnit?.code, row.cells[0]?.actual])).toEqual([
      [u.h1, u.g, 70],
      [u.h2, u.g, 90],
      [u.h3, u.g, null],
      [u.d1, u.h1, 70],
    ]);
  });

  it('pages the units', async () => {
    const body = (await pivot(`parent=${u.g}&from=2023-04&to=2023-04&limit=2&offset=2`)).json<PivotJson>();
    expect([body.totalUnits, body.units.map((row) => row.code)]).toEqual([3, [u.h3]]);
  });

  it('shows a reader of one hospital only that hospital, without the group total', async () => {
    const session = await server.sessionWith([{ role: 'viewer', orgUnit: u.h2 }]);
    const response = await server.requestAs(
      session,
      'GET',
      `/api/pivot?scorecard=${scorecard}&indicator=AE4&parent=${u.g}&from=2023-04&to=2023-04`,
    );
    const body = response.json<PivotJson>();
    expect([body.units.map((row) => row.code), body.total]).toEqual([[u.h2], null]);
  });

  it('refuses a reader of none of the units (403)', async () => {
    const session = await server.sessionWith([{ role: 'viewer', orgUnit: u.h2 }]);
    const response = await server.requestAs(
      session,
      'GET',
      `/api/pivot?scorecard=${scorecard}&indicator=AE4&parent=${u.h1}&from=2023-04&to=2023-04`,
    );
    expect(response.statusCode).toBe(403);
  });

  it('answers 404 for an indicator the scorecard does not have', async () => {
    const response = await server.request(
      'GET',
      `/api/pivot?scorecard=${scorecard}&indicator=NOPE&parent=${u.g}&from=2023-04&to=2023-04`,
    );
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
      404,
      'evaluation.no-indicator',
    ]);
  });

  it('refuses more than 36 periods (400)', async () => {
    const response = await pivot(`parent=${u.g}&from=2020-01&to=2023-12`);
    expect(response.statusCode).toBe(400);
  });
});
