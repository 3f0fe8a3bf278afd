/**
 * Rankings as pages over HTTP, on PGlite and PostgreSQL: summary rows by default with their totals equal to the
 * full ranking's, paging and sorting, the heatmap's matrix equal to the full ranking's cells, one computation per
 * revision (a second page is a slice; a write recomputes), and a ranking of one hospital's departments rolling
 * up that hospital only.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  createScorecard,
  createUnits,
  OCCUPANCY_SCORECARD,
  setTargets,
  setValues,
} from '../../../test/fixtures/evaluation-fixtures.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import * as analytics from '../../core/analytics/index.ts';
import type { RankingJson, RankingMatrixJson, RankingSummaryJson } from '../../core/contracts/rankings.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';

// A pass-through spy: the aggregation runs as it is; the test reads what it was asked and what it computed.
vi.mock('../../core/analytics/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof analytics>();
  return { ...actual, aggregateAllUnits: vi.fn(actual.aggregateAllUnits) };
});

const PERIOD = '2024-01';
const BASE = `scorecard=OCCUPANCY&period=${PERIOD}&parent=H1`;

describeEachEngine('rankings as pages', (getDb) => {
  let server: TestServer;
  let engine: EvaluationEngine;
  let units: Map<string, { id: number; rootId: number }>;

  beforeAll(async () => {
    const db = getDb();
    server = await createTestServer(db, {
      routesFor: (ctx) => {
        engine = new EvaluationEngine(db, ctx.changes);
        return [evaluationRoutes(engine)];
      },
    });
    units = await createUnits(db, [
      { code: 'G' },
      { code: 'H1', parent: 'G', type: 'hospital' },
      { code: 'H2', parent: 'G', type: 'hospital' },
      { code: 'H1-A', parent: 'H1' },
      { code: 'H1-B', parent: 'H1' },
      { code: 'H1-C', parent: 'H1' },
      { code: 'H1-D', parent: 'H1' },
      { code: 'H2-A', parent: 'H2' },
    ]);
    const scorecardId = await createScorecard(db, OCCUPANCY_SCORECARD);
    const occupancy = (unit: string, occupied: number) => [
      { unit, element: 'occupied', period: PERIOD, value: occupied },
      { unit, element: 'available', period: PERIOD, value: 100 },
    ];
    // H1-D reports nothing: no total, unranked, last.
    await setValues(db, units, [
      ...occupancy('H1-A', 90),
      ...occupancy('H1-B', 70),
      ...occupancy('H1-C', 80),
      ...occupancy('H2-A', 60),
    ]);
    await setTargets(db, scorecardId, units, [{ indicator: 'OCC', period: '2024', target: 100 }]);
  });
  afterAll(() => server.close());

  async function get<T>(url: string): Promise<T> {
    const response = await server.request('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  const row = (orgUnit: string, rank: number | null, total: number | null) => ({
    rank,
    orgUnit,
    name: { en: `Unit ${orgUnit}` },
    type: 'department',
    level: 3,
    cohort: 'department@3',
    role: null,
    total,
    rating: expect.any(String),
    ratingCode: expect.any(String),
    ratingLabel: expect.any(Object),
    coverage: 1,
    insufficientData: false,
  });

  it('answers summary rows by default: rank, unit, total, rating and coverage, with the count', async () => {
    const page = await get<RankingSummaryJson>(`/api/rankings?${BASE}`);
    expect(page).toEqual({
      view: 'summary',
      total: 4,
      limit: 100,
      offset: 0,
      items: [
        row('H1-A', 1, 90),
        row('H1-C', 2, 80),
        row('H1-B', 3, 70),
        { ...row('H1-D', null, null), rating: null, ratingCode: null, ratingLabel: null, coverage: 0 },
      ],
    });
  });

  it("gives each summary row the full ranking's rank, total, rating and coverage", async () => {
    const summary = await get<RankingSummaryJson>(`/api/rankings?${BASE}`);
    const full = await get<RankingJson>(`/api/rankings?${BASE}&view=full`);
    expect(summary.items.map((i) => [i.orgUnit, i.rank, i.total, i.rating, i.coverage])).toEqual(
      full.items.map((i) => [
        i.orgUnit,
        i.rank,
        i.evaluation.total,
        i.evaluation.rating,
        i.evaluation.weightCoverage,
      ]),
    );
  });

  it('answers the page asked for', async () => {
    const page = await get<RankingSummaryJson>(`/api/rankings?${BASE}&limit=2&offset=1`);
    expect({ ...page, items: page.items.map((i) => [i.orgUnit, i.rank, i.total]) }).toEqual({
      view: 'summary',
      total: 4,
      limit: 2,
      offset: 1,
      items: [
        ['H1-C', 2, 80],
        ['H1-B', 3, 70],
      ],
    });
  });

  it.each([
    ['total', 'asc', ['H1-B', 'H1-C', 'H1-A', 'H1-D']],
    ['total', 'desc', ['H1-A', 'H1-C', 'H1-B', 'H1-D']],
    ['rank', 'desc', ['H1-B', 'H1-C', 'H1-A', 'H1-D']],
    ['name', 'desc', ['H1-D', 'H1-C', 'H1-B', 'H1-A']],
    ['coverage', 'asc', ['H1-D', 'H1-A', 'H1-C', 'H1-B']],
  ])('sorts by %s %s, a unit without a value of the key last', async (sort, order, expected) => {
    const page = await get<RankingSummaryJson>(`/api/rankings?${BASE}&sort=${sort}&order=${order}`);
    expect(page.items.map((i) => i.orgUnit)).toEqual(expected);
  });

  it('answers a page of full evaluations with view=full, each with its approval status', async () => {
    const page = await get<RankingJson>(`/api/rankings?${BASE}&view=full&limit=1`);
    expect({
      view: page.view,
      total: page.total,
      units: page.items.map((i) => [i.orgUnit, i.evaluation.total, i.evaluation.approval?.status]),
    }).toEqual({ view: 'full', total: 4, units: [['H1-A', 90, 'none']] });
  });

  it("answers the heatmap's matrix with the full ranking's quantified values and statuses", async () => {
    const full = await get<RankingJson>(`/api/rankings?${BASE}&view=full`);
    const matrix = await get<RankingMatrixJson>(`/api/rankings/matrix?${BASE}`);
    const cells = full.items.map((i) => i.evaluation.perspectives[0]?.indicators[0]);
    expect(matrix).toEqual({
      scorecard: 'OCCUPANCY',
      period: PERIOD,
      units: full.items.map((i) => ({ orgUnit: i.orgUnit, name: i.name, role: i.role, rank: i.rank })),
      indicators: [{ id: 'OCC', name: { en: 'Bed occupancy' }, perspective: { en: 'Internal process' } }],
      quantified: cells.map((c) => c?.quantified ?? null),
      status: cells.map((c) => ['met', 'watch', 'off-track', 'no-data'].indexOf(c?.status ?? 'no-data')),
    });
  });

  it('computes a ranking once per revision: a second page is a slice of it', async () => {
    await get(`/api/rankings?${BASE}&limit=1&offset=0`);
    const before = engine.rankingsComputed;
    await get(`/api/rankings?${BASE}&limit=1&offset=1`);
    await get(`/api/rankings?${BASE}&limit=1&offset=2&view=full`);
    await get(`/api/rankings/matrix?${BASE}`);
    expect(engine.rankingsComputed).toBe(before);
  });

  it('recomputes after a write to the organisation', async () => {
    const stale = await get<RankingSummaryJson>(`/api/rankings?${BASE}`);
    const before = engine.rankingsComputed;
    await setValues(getDb(), units, [{ unit: 'H1-B', element: 'occupied', period: PERIOD, value: 95 }]);
    const fresh = await get<RankingSummaryJson>(`/api/rankings?${BASE}`);
    expect({
      computed: engine.rankingsComputed - before,
      before: stale.items.map((i) => [i.orgUnit, i.total]).slice(0, 3),
      after: fresh.items.map((i) => [i.orgUnit, i.total]).slice(0, 3),
    }).toEqual({
      computed: 1,
      before: [
        ['H1-A', 90],
        ['H1-C', 80],
        ['H1-B', 70],
      ],
      after: [
        ['H1-B', 95],
        ['H1-A', 90],
        ['H1-C', 80],
      ],
    });
    await setValues(getDb(), units, [{ unit: 'H1-B', element: 'occupied', period: PERIOD, value: 70 }]);
  });

  it("rolls up only the hospital's subtree for a ranking of its departments, not the other hospital's", async () => {
    const spy = vi.mocked(analytics.aggregateAllUnits);
    spy.mockClear();
    await get(`/api/rankings?${BASE}&sort=total`);
    const [call] = spy.mock.results;
    const request = spy.mock.calls[0]?.[3];
    const computed = call?.type === 'return' ? call.value : new Float64Array();
    const width = request?.elements.length ?? 1;
    const rows = computed.length / width;
    // Units with a value: H1 and its three reporting departments; G, H2 and H2-A (which have data) are not rolled up.
    const withValue = Array.from({ length: rows }, (_, u) =>
      computed.slice(u * width, (u + 1) * width),
    ).filter((cells) => cells.some((v) => !Number.isNaN(v))).length;
    expect({ calls: spy.mock.calls.length, subtree: typeof request?.subtreeOf, rows, withValue }).toEqual({
      calls: 1,
      subtree: 'number',
      rows: 8,
      withValue: 4,
    });
  });
});
