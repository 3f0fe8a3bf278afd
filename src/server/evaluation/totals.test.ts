/**
 * Totals that inform, over HTTP on PGlite and PostgreSQL: a scorecard's minimum coverage turns a thinly backed
 * total into "insufficient data" (no total, no rating, its weight coverage kept); rankings compare hospitals
 * with hospitals and departments with departments unless mixing is asked for, and list units with insufficient
 * data last, unranked; status thresholds saved with the scorecard file (the designer's save) decide the status.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  createScorecard,
  createUnits,
  setTargets,
  setValues,
} from '../../../test/fixtures/evaluation-fixtures.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { RankingJson } from '../../core/contracts/rankings.ts';
import type { ScorecardDetail } from '../../core/contracts/scorecards.ts';
import type { ScorecardFileInput } from '../../core/scorecard/index.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';

/** Two perspectives: I (0.8: occupancy and management rate) and C (0.2: a rating). */
const WARD: ScorecardFileInput = {
  format: 'healthbsc/scorecard@2',
  code: 'WARD',
  name: { en: 'Ward scorecard' },
  scoring: { minimumCoverage: 0.5 },
  dataElements: [
    { code: 'occupied', name: { en: 'Occupied bed days' }, valueType: 'integer' },
    { code: 'available', name: { en: 'Available bed days' }, valueType: 'integer' },
    { code: 'registered', name: { en: 'Patients on the register' } },
    { code: 'managed', name: { en: 'Patients managed to standard' } },
  ],
  perspectives: [
    {
      id: 'I',
      name: { en: 'Internal process' },
      indicators: [
        {
          id: 'OCC',
          name: { en: 'Bed occupancy' },
          formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
        },
        {
          id: 'MGMT',
          name: { en: 'Management rate' },
          formula: { numerator: 'managed', denominator: 'registered', factor: 100 },
        },
      ],
    },
    {
      id: 'C',
      name: { en: 'Customer' },
      indicators: [{ id: 'SAT', name: { en: 'Satisfaction' }, kind: 'qualitative' }],
    },
  ],
  weights: {
    perspectives: { manual: { I: 0.8, C: 0.2 } },
    indicators: { I: { manual: { OCC: 0.5, MGMT: 0.5 } }, C: { manual: { SAT: 1 } } },
  },
};

const PERIOD = '2024-01';

describeEachEngine('totals that inform', (getDb) => {
  let server: TestServer;

  beforeAll(async () => {
    const db = getDb();
    server = await createTestServer(db, {
      routesFor: (ctx) => [evaluationRoutes(new EvaluationEngine(db, ctx.changes))],
    });
    const units = await createUnits(db, [
      { code: 'G' },
      { code: 'H1', parent: 'G', type: 'hospital' },
      { code: 'H2', parent: 'G', type: 'hospital' },
      { code: 'H3', parent: 'G', type: 'hospital' },
      { code: 'H1-A', parent: 'H1' },
      { code: 'H2-A', parent: 'H2' },
    ]);
    const scorecardId = await createScorecard(db, WARD);
    await setValues(db, units, [
      // H1-A (all of H1): occupancy 95 of 100; H2-A (all of H2): 60 of 100; both report their register.
      { unit: 'H1-A', element: 'occupied', period: PERIOD, value: 95 },
      { unit: 'H1-A', element: 'available', period: PERIOD, value: 100 },
      { unit: 'H1-A', element: 'managed', period: PERIOD, value: 40 },
      { unit: 'H1-A', element: 'registered', period: PERIOD, value: 50 },
      { unit: 'H2-A', element: 'occupied', period: PERIOD, value: 60 },
      { unit: 'H2-A', element: 'available', period: PERIOD, value: 100 },
      { unit: 'H2-A', element: 'managed', period: PERIOD, value: 30 },
      { unit: 'H2-A', element: 'registered', period: PERIOD, value: 50 },
      // H3 reports occupancy only: 0.4 of the weight, below the minimum of 0.5.
      { unit: 'H3', element: 'occupied', period: PERIOD, value: 99 },
      { unit: 'H3', element: 'available', period: PERIOD, value: 100 },
    ]);
    await setTargets(db, scorecardId, units, [
      { indicator: 'OCC', period: '2024', target: 90 },
      { indicator: 'MGMT', period: '2024', target: 80 },
    ]);
  });
  afterAll(() => server.close());

  async function evaluation(orgUnit: string): Promise<EvaluationJson> {
    const response = await server.request(
      'GET',
      `/api/evaluations?scorecard=WARD&orgUnit=${orgUnit}&period=${PERIOD}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  async function ranking(query: string): Promise<RankingJson> {
    const response = await server.request(
      'GET',
      `/api/rankings?view=full&scorecard=WARD&period=${PERIOD}&${query}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('shows a total below the minimum coverage as insufficient data: no total, no rating, its coverage', async () => {
    const h3 = await evaluation('H3');
    expect({
      total: h3.total,
      rating: h3.rating,
      ratingCode: h3.ratingCode,
      weightCoverage: h3.weightCoverage,
      minimumCoverage: h3.minimumCoverage,
      insufficientData: h3.insufficientData,
    }).toEqual({
      total: null,
      rating: null,
      ratingCode: null,
      weightCoverage: 0.4,
      minimumCoverage: 0.5,
      insufficientData: true,
    });
  });

  it('gives the total of a unit at or above the minimum coverage', async () => {
    const h2 = await evaluation('H2');
    // OCC 60/90, MGMT 60/80; the rating has no data: coverage 0.8, I = 100 × (0.5 × 2/3 + 0.5 × 0.75).
    expect([h2.weightCoverage, h2.insufficientData]).toEqual([0.8, false]);
    expect(h2.total).toBeCloseTo(100 * (0.5 * (60 / 90) + 0.5 * 0.75), 10);
  });

  it('ranks hospitals with hospitals and departments with departments, insufficient data last and unranked', async () => {
    const { items } = await ranking('parent=G&depth=descendants');
    expect(items.map((i) => [i.orgUnit, i.cohort, i.rank])).toEqual([
      ['H1', 'hospital@2', 1],
      ['H2', 'hospital@2', 2],
      ['H3', 'hospital@2', null],
      ['H1-A', 'department@3', 1],
      ['H2-A', 'department@3', 2],
    ]);
  });

  it('ranks every unit together when mix=true is asked for', async () => {
    const { items } = await ranking('parent=G&depth=descendants&mix=true');
    // H1 and H1-A have the same data and the same total: they share rank 1.
    expect(items.map((i) => [i.orgUnit, i.cohort, i.rank])).toEqual([
      ['H1', 'all', 1],
      ['H1-A', 'all', 1],
      ['H2', 'all', 3],
      ['H2-A', 'all', 3],
      ['H3', 'all', null],
    ]);
  });

  it('answers a mix that is not a boolean with 400', async () => {
    const response = await server.request(
      'GET',
      `/api/rankings?scorecard=WARD&period=${PERIOD}&parent=G&mix=sometimes`,
    );
    expect(response.statusCode).toBe(400);
  });

  it("decides an indicator's status by the thresholds saved with the scorecard file", async () => {
    // H2's occupancy: q = 60/90 = 0.667, off track by the defaults (met 1, watch 0.9).
    const before = await evaluation('H2');
    expect(before.perspectives[0]?.indicators[0]?.status).toBe('off-track');
    const detail: ScorecardDetail = (await server.request('GET', '/api/scorecards/WARD')).json();
    const file = structuredClone(detail.file);
    const occupancy = file.perspectives[0]?.indicators[0];
    if (!occupancy) throw new Error('fixture');
    occupancy.status = { met: 0.8, watch: 0.6 };
    const saved = await server.request('PUT', '/api/scorecards/WARD?effectiveFrom=2024', file);
    expect(saved.statusCode).toBe(200);
    const after = await evaluation('H2');
    expect(after.perspectives[0]?.indicators[0]?.status).toBe('watch');
    const exported = await server.request('GET', '/api/scorecards/WARD/export');
    expect(exported.json().perspectives[0].indicators[0].status).toEqual({ met: 0.8, watch: 0.6 });
  });
});
