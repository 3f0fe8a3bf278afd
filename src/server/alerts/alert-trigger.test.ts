/**
 * Alert evaluation after data changes, on PGlite and PostgreSQL: the change bus's events, debounced, evaluate
 * only the scorecards that read the changed data elements at or above the changed units. Two scorecards over
 * different data elements share a department; each has an off-target rule and an off-target May.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { evaluateAlertsForChange, isScorecardTouched } from './alert-evaluation.service.ts';
import { type AlertTrigger, type ChangeScope, triggerAlertsOnChange } from './alert-trigger.ts';
import { alertRoutes } from './alerts.routes.ts';

describe('isScorecardTouched', () => {
  const facts = { dataElements: ['beds', 'days'] };
  const hospital = [{ rootId: 1, path: '/1/5/' }];
  const scope: ChangeScope = {
    rootId: 1,
    values: { dataElementIds: new Set([9]), orgUnitIds: new Set([12]) },
  };

  it('is touched by a value it reads at a unit below one of its units (its roll-up)', () => {
    expect(
      isScorecardTouched(facts, hospital, scope, {
        elementCodes: new Set(['days']),
        unitPaths: ['/1/5/12/'],
      }),
    ).toBe(true);
  });

  it('is not touched by a value of an element it does not read', () => {
    expect(
      isScorecardTouched(facts, hospital, scope, {
        elementCodes: new Set(['staff']),
        unitPaths: ['/1/5/12/'],
      }),
    ).toBe(false);
  });

  it('is not touched by a value of a unit outside its units', () => {
    expect(
      isScorecardTouched(facts, hospital, scope, { elementCodes: new Set(['days']), unitPaths: ['/1/6/'] }),
    ).toBe(false);
  });

  it('is not touched by a change of another organisation', () => {
    expect(
      isScorecardTouched(
        facts,
        hospital,
        { rootId: 2, values: null },
        { elementCodes: new Set(), unitPaths: [] },
      ),
    ).toBe(false);
  });
});

describeEachEngine('alerts after data changes', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let first: ScorecardFixture;
  let second: ScorecardFixture;
  let engine: EvaluationEngine;
  let trigger: AlertTrigger;
  const runs: { scope: ChangeScope; scorecards: string[] }[] = [];

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const count = (scorecard: ScorecardFixture, value: number) =>
    writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit: dept(0), period: '2024-05', dataElement: scorecard.numerator, value }],
    });
  const openAlerts = async () =>
    (
      await getDb()
        .kysely.selectFrom('alert as a')
        .innerJoin('scorecard as s', 's.id', 'a.scorecard_id')
        .select('s.code')
        .where('a.closed_at', 'is', null)
        .execute()
    ).map((r) => r.code);

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      now: new Date('2024-06-03T08:00:00Z'),
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [alertRoutes(engine, {})];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'AT', hospitals: 1, departmentsPerHospital: 1 });
    first = makeScorecardFile();
    second = makeScorecardFile();
    for (const scorecard of [first, second]) {
      await importScorecard(server.ctx, FIXTURE_ACTOR, { file: scorecard.file, mode: 'create' });
      await putScorecardOrgUnits(server.ctx, FIXTURE_ACTOR, {
        code: scorecard.code,
        body: { orgUnits: [{ orgUnit: dept(0), includeDescendants: false }] },
      });
      await putTargets(server.ctx, FIXTURE_ACTOR, {
        targets: [{ scorecard: scorecard.code, indicator: scorecard.count, period: '2024-05', target: 100 }],
      });
      const rule = await server.request('POST', '/api/alert-rules', {
        scorecard: scorecard.code,
        kind: 'off-target',
        severity: 'warning',
        indicators: [scorecard.count],
      });
      if (rule.statusCode !== 201) throw new Error(rule.body);
    }
    // The second scorecard's May is off target before the trigger listens: only an evaluation of it would see it.
    await count(second, 40);
    trigger = triggerAlertsOnChange(
      server.ctx.changes,
      async (scope) => {
        const result = await evaluateAlertsForChange(server.ctx, engine, scope);
        runs.push({ scope, scorecards: result.scorecards });
      },
      { delayMs: 60_000 },
    );
  });
  afterAll(async () => {
    trigger.stop();
    await server.close();
  });

  it('evaluates only the scorecard whose data changed, once for two writes in its quiet period', async () => {
    await count(first, 50);
    await count(first, 45);
    const pending = trigger.pending();
    await trigger.flush();
    expect([pending.length, runs.map((r) => r.scorecards), await openAlerts()]).toEqual([
      1,
      [[first.code]],
      [first.code],
    ]);
  });

  it('evaluates every scorecard with rules after a metadata change', async () => {
    await putTargets(server.ctx, FIXTURE_ACTOR, {
      targets: [{ scorecard: first.code, indicator: first.count, period: '2024-05', target: 90 }],
    });
    await trigger.flush();
    expect([runs.at(-1)?.scorecards.sort(), (await openAlerts()).sort()]).toEqual([
      [first.code, second.code].sort(),
      [first.code, second.code].sort(),
    ]);
  });
});
