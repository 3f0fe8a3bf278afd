/**
 * Action plans under review, on PGlite and PostgreSQL, with the clock on 2 July 2024: an action opened on an
 * off-target May, due 30 June and still open, raises the action-overdue alert in its owner's inbox and is listed
 * in the owner's reviews while June is still off target; done, its alert closes; and an open action whose
 * indicator came back on target is not listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import type { TestSession } from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { AlertResource } from '../../core/contracts/alerts.ts';
import { evaluateAlerts } from '../alerts/alert-evaluation.service.ts';
import { alertRoutes } from '../alerts/alerts.routes.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { actionRoutes } from './actions.routes.ts';

describeEachEngine('action reviews and overdue actions', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let scorecard: ScorecardFixture;
  let owner: TestSession;
  let engine: EvaluationEngine;
  const actions: number[] = [];

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const count = (orgUnit: string, period: string, value: number) =>
    writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit, period, dataElement: scorecard.numerator, value }],
    });
  const overdueInInbox = async () => {
    const response = await server.requestAs(owner, 'GET', '/api/inbox?state=all');
    return response
      .json<{ items: AlertResource[] }>()
      .items.filter((a) => a.kind === 'action-overdue')
      .map((a) => [a.orgUnit, a.period, a.state, a.params.dueDate]);
  };
  const reviews = async () => {
    const response = await server.requestAs(owner, 'GET', '/api/my-work/reviews');
    if (response.statusCode !== 200) throw new Error(response.body);
    return response
      .json<{ reviews: { action: { id: number }; latestPeriod: string; status: string }[] }>()
      .reviews.map((r) => [r.action.id, r.latestPeriod, r.status]);
  };

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      now: new Date('2024-07-02T08:00:00Z'),
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [alertRoutes(engine, {}), actionRoutes(engine, { attachmentLimit: 1024 })];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'AR', hospitals: 1, departmentsPerHospital: 2 });
    owner = await server.sessionWith([{ role: 'viewer', orgUnit: tree.hospitals[0] ?? null }]);
    scorecard = makeScorecardFile();
    const countIndicator = scorecard.file.perspectives[0]?.indicators[1];
    if (countIndicator !== undefined) Object.assign(countIndicator, { owner: owner.email });
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
    await putTargets(server.ctx, FIXTURE_ACTOR, {
      targets: ['2024-05', '2024-06'].map((period) => ({
        scorecard: scorecard.code,
        indicator: scorecard.count,
        period,
        target: 100,
      })),
    });
    const rule = await server.request('POST', '/api/alert-rules', {
      scorecard: scorecard.code,
      kind: 'action-overdue',
      severity: 'warning',
    });
    if (rule.statusCode !== 201) throw new Error(rule.body);
    // The first department stays off target in June; the second comes back on target.
    await count(dept(0), '2024-05', 50);
    await count(dept(0), '2024-06', 60);
    await count(dept(1), '2024-05', 50);
    await count(dept(1), '2024-06', 120);
    for (const orgUnit of [dept(0), dept(1)]) {
      const created = await server.requestAs(owner, 'POST', '/api/actions', {
        title: 'Discharge planning from admission',
        scorecard: scorecard.code,
        indicator: scorecard.count,
        orgUnit,
        period: '2024-05',
        dueDate: orgUnit === dept(0) ? '2024-06-30' : '2024-07-31',
      });
      if (created.statusCode !== 201) throw new Error(created.body);
      actions.push(created.json<{ id: number }>().id);
    }
    await evaluateAlerts(server.ctx, engine, scorecard.code);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('overdue', () => {
    it('raises action-overdue in the owner’s inbox for the action past its due date only', async () => {
      expect(await overdueInInbox()).toEqual([[dept(0), '2024-05', 'open', '2024-06-30']]);
    });
  });

  describe('reviews at a new period', () => {
    it('lists the open action whose indicator is still off target in June, not the one back on target', async () => {
      expect(await reviews()).toEqual([[actions[0], '2024-06', 'off-track']]);
    });
  });

  describe('done', () => {
    it('closes the overdue alert and leaves the reviews', async () => {
      const done = await server.requestAs(owner, 'PATCH', `/api/actions/${actions[0]}`, { status: 'done' });
      await evaluateAlerts(server.ctx, engine, scorecard.code);
      expect([done.statusCode, await overdueInInbox(), await reviews()]).toEqual([
        200,
        [[dept(0), '2024-05', 'closed', '2024-06-30']],
        [],
      ]);
    });
  });
});
