/**
 * The alert job run by the real job scheduler (pg-boss) on PGlite and PostgreSQL, with the clock injected: the
 * server's jobs are registered as at start-up, the clock passes a quarter hour after June's deadline, a cron
 * pass queues the alert evaluation, a worker runs it, and the unit that has not submitted gets its late-data
 * alert.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { JobScheduler } from '../jobs/job-scheduler.ts';
import { registerServerJobs } from '../jobs/server-jobs.ts';
import { submitApproval } from '../services/approvals.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { alertRoutes } from './alerts.routes.ts';

describeEachEngine('the alert job under the job scheduler', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let scorecard: ScorecardFixture;
  let engine: EvaluationEngine;
  let scheduler: JobScheduler;
  /**
   * The day after June's deadline (10 July, end of day UTC), three minutes past midnight: the 00:00 occurrence
   * is over a minute old at start, so the scheduler skips it.
   */
  let clock = new Date('2024-07-11T00:03:00Z');
  const errors: string[] = [];

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const lateAlerts = () =>
    getDb()
      .kysely.selectFrom('alert as a')
      .innerJoin('org_unit as o', 'o.id', 'a.org_unit_id')
      .select(['o.code', 'a.period_id', 'a.opened_at'])
      .where('a.kind', '=', 'data-late')
      .where('a.period_id', '=', '2024-06')
      .execute();

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      clock: () => clock,
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [alertRoutes(engine, {})];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'AS', hospitals: 1, departmentsPerHospital: 2 });
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
    const rule = await server.request('POST', '/api/alert-rules', {
      scorecard: scorecard.code,
      kind: 'data-late',
      severity: 'warning',
    });
    const deadline = await server.request('PUT', `/api/scorecards/${scorecard.code}/deadlines/month`, {
      dueDay: 10,
    });
    if (rule.statusCode !== 201 || deadline.statusCode !== 200)
      throw new Error(`${rule.body} ${deadline.body}`);
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit: dept(0), period: '2024-06', dataElement: scorecard.numerator, value: 90 }],
    });
    await submitApproval(server.ctx, FIXTURE_ACTOR, {
      scorecard: scorecard.code,
      orgUnit: dept(0),
      period: '2024-06',
    });
    scheduler = new JobScheduler(server.ctx, {
      timezone: 'UTC',
      timing: { pollingSeconds: 0.5, stopTimeoutSeconds: 5 },
      log: { error: (_details, message) => errors.push(message), warn: () => {} },
    });
    registerServerJobs(scheduler, { engine, timezone: 'UTC' });
    await scheduler.start();
  });
  afterAll(async () => {
    await scheduler.stop();
    await server.close();
  });

  it('has raised nothing before a cron pass', async () => {
    expect(await lateAlerts()).toEqual([]);
  });

  it('queues the evaluation at the quarter hour and raises data-late for the unit that has not submitted', async () => {
    clock = new Date('2024-07-11T00:16:00Z');
    const queued = await scheduler.tick();
    await vi.waitFor(async () => expect(await lateAlerts()).toHaveLength(1), {
      timeout: 20_000,
      interval: 200,
    });
    expect([
      queued
        .map((run) => [run.name, run.dueAt.toISOString()])
        .filter(([name]) => name === 'alert-evaluation'),
      (await lateAlerts()).map((a) => [a.code, a.period_id, a.opened_at.toISOString()]),
      errors,
    ]).toEqual([
      [['alert-evaluation', '2024-07-11T00:15:00.000Z']],
      [[dept(1), '2024-06', '2024-07-11T00:16:00.000Z']],
      [],
    ]);
  });
});
