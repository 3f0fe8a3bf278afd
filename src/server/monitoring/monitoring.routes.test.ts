/**
 * Monitoring over HTTP on PGlite and PostgreSQL: the control charts a series comes with (a p-chart for a
 * declared proportion, XmR for a plain value), the funnel of a group's hospitals and the forecast to a year's
 * target, on constructed values with known answers (src/core/monitoring/*.test.ts check the statistics).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  createScorecard,
  createUnits,
  setTargets,
  setValues,
} from '../../../test/fixtures/evaluation-fixtures.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import type { SeriesJson } from '../../core/contracts/evaluation.ts';
import type { ForecastJson, FunnelJson } from '../../core/contracts/monitoring.ts';
import { monthFromOrdinal, monthOrdinal } from '../../core/periods/index.ts';
import type { ScorecardFileInput } from '../../core/scorecard/index.ts';
import { evaluationRoutes } from '../evaluation/evaluation.routes.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { monitoringRoutes } from './monitoring.routes.ts';

const MON: ScorecardFileInput = {
  format: 'healthbsc/scorecard@2',
  code: 'MON',
  name: { en: 'Monitoring' },
  dataElements: [
    { code: 'falls', name: { en: 'Patients who fell' }, valueType: 'integer' },
    { code: 'patients', name: { en: 'Patients' }, valueType: 'integer' },
    { code: 'wait', name: { en: 'Waiting days' } },
    { code: 'visits', name: { en: 'Visits' }, valueType: 'integer' },
  ],
  perspectives: [
    {
      id: 'Q',
      name: { en: 'Quality' },
      indicators: [
        {
          id: 'FALL',
          name: { en: 'Fall rate' },
          statistic: 'proportion',
          direction: 'lower',
          formula: { numerator: 'falls', denominator: 'patients', factor: 100 },
        },
        { id: 'WAIT', name: { en: 'Waiting time' }, direction: 'lower', formula: 'wait' },
        { id: 'VIS', name: { en: 'Visits' }, formula: 'visits' },
      ],
    },
  ],
  weights: {
    perspectives: { manual: { Q: 1 } },
    indicators: { Q: { manual: { FALL: 0.4, WAIT: 0.3, VIS: 0.3 } } },
  },
};

const month = (first: string, k: number) => monthFromOrdinal(monthOrdinal(first) + k);
// 2023: falls of 100 patients a month (p̄ = 10 %, limits 1 % to 19 %); 2024-02 25 of 100 is beyond them;
// 2024-03 4 of 40 is a small denominator. Waiting days alternate 12, 10 (centre 11, 2σ band to 14.55), then
// 15, 11, 15: two of three beyond 2σ.
const FALLS = [10, 12, 8, 10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 25, 4];
const PATIENTS = [...Array.from({ length: 14 }, () => 100), 40];
const WAIT = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 15, 11, 15];

describeEachEngine('monitoring', (getDb) => {
  let server: TestServer;

  beforeAll(async () => {
    const db = getDb();
    server = await createTestServer(db, {
      routesFor: (ctx) => {
        const engine = new EvaluationEngine(db, ctx.changes);
        return [evaluationRoutes(engine), monitoringRoutes(engine)];
      },
    });
    const units = await createUnits(db, [
      { code: 'G' },
      ...['H1', 'H2', 'H3', 'H4'].map((code) => ({ code, parent: 'G', type: 'hospital' as const })),
    ]);
    const scorecardId = await createScorecard(db, MON);
    await setValues(db, units, [
      ...FALLS.flatMap((v, k) => [
        { unit: 'H1', element: 'falls', period: month('2023-01', k), value: v },
        { unit: 'H1', element: 'patients', period: month('2023-01', k), value: PATIENTS[k] ?? 0 },
        { unit: 'H1', element: 'wait', period: month('2023-01', k), value: WAIT[k] ?? 0 },
      ]),
      // January 2024 among the hospitals: 10 %, 25 %, 10 % of 400 and 10 %; the group 85 of 700.
      ...[
        ['H2', 25, 100],
        ['H3', 40, 400],
        ['H4', 10, 100],
      ].flatMap(([unit, falls, patients]) => [
        { unit: String(unit), element: 'falls', period: '2024-01', value: Number(falls) },
        { unit: String(unit), element: 'patients', period: '2024-01', value: Number(patients) },
      ]),
      // Visits on an exact line, 100 + 5t from 2023-01 (t = 1) to 2024-06.
      ...Array.from({ length: 18 }, (_, k) => ({
        unit: 'H1',
        element: 'visits',
        period: month('2023-01', k),
        value: 100 + 5 * (k + 1),
      })),
    ]);
    await setTargets(db, scorecardId, units, [
      { indicator: 'VIS', unit: 'H1', period: '2024', target: 3000 },
    ]);
  });
  afterAll(() => server.close());

  describe('control charts with a series', () => {
    let series: SeriesJson;
    beforeAll(async () => {
      const response = await server.request(
        'GET',
        '/api/series?scorecard=MON&orgUnit=H1&from=2023-01&to=2024-03',
      );
      expect(response.statusCode).toBe(200);
      series = response.json();
    });
    const chart = (id: string) => series.controlCharts?.find((c) => c.indicator === id);

    it('charts a declared proportion as a p-chart with limits from the first twelve months', () => {
      const fall = chart('FALL');
      expect([fall?.type, fall?.centre, fall?.baseline, fall?.points[0]?.upper]).toEqual([
        'p',
        expect.closeTo(10, 10),
        { from: '2023-01', to: '2023-12', points: 12 },
        expect.closeTo(19, 10),
      ]);
    });

    it('marks February 2024 as beyond the limits', () => {
      expect([chart('FALL')?.status, chart('FALL')?.signals]).toEqual([
        'special-cause',
        [{ rule: 'beyond-limits', periods: ['2024-02'] }],
      ]);
    });

    it('draws Wilson intervals on months of fewer than 10 falls or 100 patients', () => {
      const points = chart('FALL')?.points ?? [];
      expect(points.filter((p) => p.interval !== null).map((p) => p.period)).toEqual([
        '2023-03',
        '2023-06',
        '2023-09',
        '2023-12',
        '2024-03',
      ]);
    });

    it('charts a plain value as XmR and names two of three beyond 2σ', () => {
      expect([chart('WAIT')?.type, chart('WAIT')?.signals]).toEqual([
        'xmr',
        [{ rule: 'two-of-three', periods: ['2024-01', '2024-03'] }],
      ]);
    });

    it('takes the baseline the query names', async () => {
      const response = await server.request(
        'GET',
        '/api/series?scorecard=MON&orgUnit=H1&from=2023-01&to=2024-03&baselineTo=2023-06',
      );
      const body: SeriesJson = response.json();
      expect(body.controlCharts?.find((c) => c.indicator === 'FALL')?.baseline).toEqual({
        from: '2023-01',
        to: '2023-06',
        points: 6,
      });
    });

    it('refuses a baseline outside the series', async () => {
      const response = await server.request(
        'GET',
        '/api/series?scorecard=MON&orgUnit=H1&from=2023-01&to=2024-03&baselineTo=2022-06',
      );
      expect([response.statusCode, response.json().code]).toEqual([400, 'monitoring.baseline-outside']);
    });
  });

  describe('the funnel of a group’s hospitals', () => {
    let funnel: FunnelJson;
    beforeAll(async () => {
      const response = await server.request(
        'GET',
        '/api/monitoring/funnel?scorecard=MON&indicator=FALL&period=2024-01&orgUnit=G',
      );
      expect(response.statusCode).toBe(200);
      funnel = response.json();
    });

    it('centres on the group’s 85 falls of 700 patients', () => {
      expect([funnel.kind, funnel.target]).toEqual(['proportion', expect.closeTo((85 / 700) * 100, 10)]);
    });

    it('puts 25 of 100 beyond the 99.8 % limit and the others within', () => {
      expect(funnel.units.map((u) => [u.orgUnit, u.band])).toEqual([
        ['H1', 'within'],
        ['H2', 'above-99.8'],
        ['H3', 'within'],
        ['H4', 'within'],
      ]);
    });

    it('ranks each hospital among the others', () => {
      expect(funnel.units.map((u) => u.percentile)).toEqual([
        expect.closeTo(100 / 3, 10),
        100,
        expect.closeTo(100 / 3, 10),
        expect.closeTo(100 / 3, 10),
      ]);
    });

    it('has no funnel for a plain value', async () => {
      const response = await server.request(
        'GET',
        '/api/monitoring/funnel?scorecard=MON&indicator=WAIT&period=2024-01&orgUnit=G',
      );
      expect([response.statusCode, response.json().kind]).toEqual([200, null]);
    });

    it('answers 404 for an indicator the scorecard does not have', async () => {
      const response = await server.request(
        'GET',
        '/api/monitoring/funnel?scorecard=MON&indicator=NOPE&period=2024-01&orgUnit=G',
      );
      expect([response.statusCode, response.json().code]).toEqual([404, 'evaluation.no-indicator']);
    });
  });

  describe('the forecast to target', () => {
    let forecast: ForecastJson;
    beforeAll(async () => {
      const response = await server.request(
        'GET',
        '/api/monitoring/forecast?scorecard=MON&orgUnit=H1&indicator=VIS&through=2024-06',
      );
      expect(response.statusCode).toBe(200);
      forecast = response.json();
    });

    it('draws a line through eighteen months to December', () => {
      expect([forecast.method, forecast.points.map((p) => p.period)]).toEqual([
        'linear',
        ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'],
      ]);
    });

    it('continues the exact line', () => {
      expect(forecast.points.map((p) => p.fit)).toEqual(
        [195, 200, 205, 210, 215, 220].map((v) => expect.closeTo(v, 8)),
      );
    });

    it('sums the year’s visits to 2310 against a target of 3000: missed', () => {
      expect([forecast.target, forecast.outlook?.projected, forecast.outlook?.likelyMissed]).toEqual([
        3000,
        expect.closeTo(2310, 8),
        true,
      ]);
    });
  });
});
