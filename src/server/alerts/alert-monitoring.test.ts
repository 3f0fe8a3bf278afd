/**
 * The adverse-trend and forecast-miss rules fed from the units' control charts and year-end forecasts, on PGlite
 * and PostgreSQL, with the clock in June 2024 and two years of constructed monthly discharges (higher is
 * better): one unit's last eight months fall well below the first year's centre line, the other's rise above it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { AlertResource } from '../../core/contracts/alerts.ts';
import { periodRange } from '../../core/periods/period-arithmetic.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { evaluateAlerts } from './alert-evaluation.service.ts';
import { alertRoutes } from './alerts.routes.ts';

const MONTHS = periodRange('2022-07', '2024-06');
/** The first year alternates around 100 (the centre line); the next four months stay near it. */
const STEADY = [...Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 98 : 102)), 99, 101, 99, 101];
const WORSENING = [...STEADY, 80, 79, 81, 80, 79, 81, 80, 79];
const IMPROVING = [...STEADY, 110, 111, 109, 110, 111, 109, 110, 111];

describeEachEngine('alerts fed by monitoring', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let scorecard: ScorecardFixture;
  let engine: EvaluationEngine;
  let result: { raised: number };

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const alertsOf = async (kind: string) => {
    const response = await server.request('GET', `/api/alerts?scorecard=${scorecard.code}&kind=${kind}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<{ items: AlertResource[] }>().items.map((a) => [a.orgUnit, a.indicator, a.period]);
  };

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      now: new Date('2024-06-20T08:00:00Z'),
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [alertRoutes(engine, {})];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'AM', hospitals: 1, departmentsPerHospital: 2 });
    scorecard = makeScorecardFile();
    await importScorecard(server.ctx, FIXTURE_ACTOR, { file: scorecard.file, mode: 'create' });
    await putScorecardOrgUnits(server.ctx, FIXTURE_ACTOR, {
      code: scorecard.code,
      body: {
        orgUnits: [
          { orgUnit: dept(0), includeDescendants: false },
          { orgUnit: dept(1), includeDescendants: false },
        ],
      },
    });
    // The year's discharges: 100 a month on average would make 1 200.
    await putTargets(server.ctx, FIXTURE_ACTOR, {
      targets: [{ scorecard: scorecard.code, indicator: scorecard.count, period: '2024', target: 1200 }],
    });
    const series = (orgUnit: string, values: readonly number[]) =>
      MONTHS.map((period, i) => ({
        orgUnit,
        period,
        dataElement: scorecard.numerator,
        value: values[i] ?? 0,
      }));
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [...series(dept(0), WORSENING), ...series(dept(1), IMPROVING)],
    });
    for (const kind of ['adverse-trend', 'forecast-miss'] as const) {
      const response = await server.request('POST', '/api/alert-rules', {
        scorecard: scorecard.code,
        kind,
        severity: 'warning',
        indicators: [scorecard.count],
      });
      if (response.statusCode !== 201) throw new Error(response.body);
    }
    result = await evaluateAlerts(server.ctx, engine, scorecard.code);
  });

  describe('adverse trend', () => {
    it('raises it for the unit whose last eight months run below the centre line, from the run’s first month', async () => {
      expect(await alertsOf('adverse-trend')).toEqual([[dept(0), scorecard.count, '2023-11']]);
    });

    it('names the control rule that fired', async () => {
      const response = await server.request(
        'GET',
        `/api/alerts?scorecard=${scorecard.code}&kind=adverse-trend`,
      );
      expect(response.json<{ items: AlertResource[] }>().items.map((a) => a.params)).toEqual([
        { indicator: scorecard.count, signal: 'beyond-limits' },
      ]);
    });
  });

  describe('forecast miss', () => {
    it('raises it for the unit whose year-end forecast falls short of the year’s target, not for the other', async () => {
      expect(await alertsOf('forecast-miss')).toEqual([[dept(0), scorecard.count, '2024']]);
    });

    // 480 observed January–June, and Holt–Winters' forecast of the other six months from the two years.
    it('gives the forecast and the target', async () => {
      const response = await server.request(
        'GET',
        `/api/alerts?scorecard=${scorecard.code}&kind=forecast-miss`,
      );
      const [params] = response.json<{ items: AlertResource[] }>().items.map((a) => a.params);
      expect([Math.round(Number(params?.forecast)), params?.target]).toEqual([906, 1200]);
    });
  });

  it('raises nothing else: two alerts in all', () => {
    expect(result.raised).toBe(2);
  });
});
