/**
 * Alerts on PGlite and PostgreSQL, with the clock injected: an off-target value raises an alert in the
 * indicator owner's inbox and an e-mail in their language, once; the next period on target closes it; the
 * late-data rule fires for the unit that has not submitted by the deadline; the approval-waiting alert reaches
 * the unit's approver when a department submits.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import type { TestSession } from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import type { AlertResource } from '../../core/contracts/alerts.ts';
import { actionRoutes } from '../actions/actions.routes.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { submitApproval } from '../services/approvals.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { evaluateAlerts } from './alert-evaluation.service.ts';
import type { MailMessage } from './alert-mail.ts';
import { alertRoutes } from './alerts.routes.ts';
import { deliverDueWebhooks } from './webhook-delivery.ts';

describeEachEngine('alerts', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let scorecard: ScorecardFixture;
  let owner: TestSession;
  let approver: TestSession;
  let engine: EvaluationEngine;
  let actionId = 0;
  let receiver: Server;
  /** What the loopback webhook receiver got; it answers 500 to the first POST, 200 after. */
  const received: {
    headers: Record<string, string | string[] | undefined>;
    body: string;
    answered: number;
  }[] = [];
  const mails: MailMessage[] = [];
  const mailer = { enqueue: async (_trx: unknown, message: MailMessage) => void mails.push(message) };

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const evaluate = async () => {
    const response = await server.request('POST', '/api/alerts/evaluate', { scorecard: scorecard.code });
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<{ raised: number; closed: number; open: number }>();
  };
  /** The evaluation as the schedule runs it at a later time (the server's sessions keep their own clock). */
  const evaluateAt = (at: string) =>
    evaluateAlerts({ ...server.ctx, now: () => new Date(at) }, engine, scorecard.code, { mailer });
  const inbox = async (session: TestSession) => {
    const response = await server.requestAs(session, 'GET', '/api/inbox?state=all');
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<{ items: AlertResource[] }>().items;
  };
  const count = (orgUnit: string, period: string, value: number) =>
    writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit, period, dataElement: scorecard.numerator, value }],
    });

  beforeAll(async () => {
    server = await createTestServer(getDb(), {
      now: new Date('2024-06-03T08:00:00Z'),
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [
          alertRoutes(engine, { mailer, link: 'https://bsc.example' }),
          actionRoutes(engine, { attachmentLimit: 64 }),
        ];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'AL', hospitals: 1, departmentsPerHospital: 2 });
    owner = await server.sessionWith([{ role: 'viewer', orgUnit: tree.hospitals[0] ?? null }]);
    approver = await server.sessionWith([{ role: 'approver', orgUnit: tree.hospitals[0] ?? null }]);
    scorecard = makeScorecardFile();
    const [financial] = scorecard.file.perspectives;
    const countIndicator = financial?.indicators[1];
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
    for (const kind of ['off-target', 'data-late', 'approval-waiting'] as const) {
      const response = await server.request('POST', '/api/alert-rules', {
        scorecard: scorecard.code,
        kind,
        severity: 'critical',
        indicators: kind === 'off-target' ? [scorecard.count] : [],
      });
      if (response.statusCode !== 201) throw new Error(response.body);
    }
    await server.requestAs(owner, 'PUT', '/api/me/preferences', { language: 'en' });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answered = received.length === 0 ? 500 : 200;
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        response.statusCode = answered;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = await server.request('POST', '/api/webhooks', {
      name: 'Operations',
      kind: 'generic',
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`,
      secret: 'loopback-secret',
      kinds: ['off-target'],
    });
    if (hook.statusCode !== 201) throw new Error(hook.body);
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  describe('off target', () => {
    it('raises an alert in the owner’s inbox with the value and the target', async () => {
      await count(dept(0), '2024-05', 50);
      await evaluate();
      const alerts = (await inbox(owner)).filter((a) => a.kind === 'off-target');
      expect(alerts.map((a) => [a.orgUnit, a.indicator, a.period, a.state, a.params, a.read])).toEqual([
        [
          dept(0),
          scorecard.count,
          '2024-05',
          'open',
          { indicator: scorecard.count, value: 50, target: 100 },
          false,
        ],
      ]);
    });

    it('sends the owner one e-mail in their language', () => {
      expect(mails.filter((m) => m.to === owner.email).map((m) => m.subject)).toEqual([
        `[HealthBSC] Critical: ${scorecard.count} is off target — ${dept(0)} 2024-05`,
      ]);
    });

    it('posts it to the webhook signed, and retries after the receiver’s 500', async () => {
      const first = await deliverDueWebhooks(server.ctx, fetch);
      const second = await deliverDueWebhooks(
        { ...server.ctx, now: () => new Date('2024-06-03T08:00:31Z') },
        fetch,
      );
      const last = received.at(-1);
      const signature = createHmac('sha256', 'loopback-secret')
        .update(`${String(last?.headers['x-healthbsc-timestamp'])}.${last?.body ?? ''}`)
        .digest('hex');
      expect([
        first,
        second,
        received.map((r) => r.answered),
        last?.headers['x-healthbsc-signature'],
        JSON.parse(last?.body ?? '{}').alert.indicator,
      ]).toEqual([
        { delivered: 0, retrying: 1, failed: 0 },
        { delivered: 1, retrying: 0, failed: 0 },
        [500, 200],
        `sha256=${signature}`,
        scorecard.count,
      ]);
    });

    it('raises it once: evaluating again keeps the one alert open', async () => {
      const again = await evaluate();
      const alerts = (await inbox(owner)).filter((a) => a.kind === 'off-target');
      expect([again.raised, alerts.length, mails.filter((m) => m.to === owner.email).length]).toEqual([
        0, 1, 1,
      ]);
    });

    it('counts it unread until the owner reads it', async () => {
      const before = await server.requestAs(owner, 'GET', '/api/inbox/unread-count');
      await server.requestAs(owner, 'POST', '/api/inbox/read', { all: true });
      const after = await server.requestAs(owner, 'GET', '/api/inbox/unread-count');
      expect([before.json().unread, after.json().unread]).toEqual([1, 0]);
    });

    it('lets the owner open an action from the alert, with the value when it opened', async () => {
      const [alert] = (await inbox(owner)).filter((a) => a.kind === 'off-target');
      const created = await server.requestAs(owner, 'POST', '/api/actions', {
        title: 'Discharge planning from admission',
        scorecard: scorecard.code,
        indicator: scorecard.count,
        orgUnit: dept(0),
        period: '2024-05',
        dueDate: '2024-06-30',
        alertId: alert?.id,
      });
      actionId = created.json().id;
      expect([
        created.statusCode,
        created.json().origin,
        created.json().valueAtOpening,
        created.json().owner.email,
      ]).toEqual([201, 'alert', 50, owner.email]);
    });

    it('completes the action with evidence stored in the database', async () => {
      const comment = await server.requestAs(owner, 'POST', `/api/actions/${actionId}/comments`, {
        text: 'Pilot done',
      });
      const upload = await server.app.inject({
        method: 'POST',
        url: `/api/actions/${actionId}/comments/${comment.json().id}/attachments?name=minutes.txt`,
        payload: Buffer.from('ward round minutes'),
        headers: { ...owner.headers, 'content-type': 'text/plain' },
      });
      const done = await server.requestAs(owner, 'PATCH', `/api/actions/${actionId}`, { status: 'done' });
      const file = await server.requestAs(
        owner,
        'GET',
        `/api/action-attachments/${upload.json().attachments[0].id}`,
      );
      expect([
        upload.statusCode,
        upload.json().attachments[0].size,
        done.json().status,
        done.json().progress,
        done.json().closedAt,
        file.body,
      ]).toEqual([201, 18, 'done', 100, '2024-06-03T08:00:00.000Z', 'ward round minutes']);
    });

    it('refuses an attachment above the limit with 413', async () => {
      const comment = await server.requestAs(owner, 'POST', `/api/actions/${actionId}/comments`, {
        text: 'Too big',
      });
      const upload = await server.app.inject({
        method: 'POST',
        url: `/api/actions/${actionId}/comments/${comment.json().id}/attachments?name=big.bin`,
        payload: Buffer.alloc(65),
        headers: { ...owner.headers, 'content-type': 'application/octet-stream' },
      });
      expect(upload.statusCode).toBe(413);
    });

    it('closes the alert when the next period is on target', async () => {
      await count(dept(0), '2024-06', 120);
      const result = await evaluateAt('2024-07-02T08:00:00Z');
      const alerts = (await inbox(owner)).filter((a) => a.kind === 'off-target');
      expect([result.closed, alerts.map((a) => [a.period, a.state, a.closedAt])]).toEqual([
        1,
        [['2024-05', 'closed', '2024-07-02T08:00:00.000Z']],
      ]);
    });
  });

  describe('deadlines and approvals', () => {
    it('fires data-late for the unit that has not submitted by the deadline, not before it', async () => {
      const put = await server.request('PUT', `/api/scorecards/${scorecard.code}/deadlines/month`, {
        dueDay: 10,
      });
      await submitApproval(server.ctx, FIXTURE_ACTOR, {
        scorecard: scorecard.code,
        orgUnit: dept(0),
        period: '2024-06',
      });
      await evaluateAt('2024-07-10T23:00:00Z');
      const early = await server.request(
        'GET',
        `/api/alerts?scorecard=${scorecard.code}&kind=data-late&period=2024-06`,
      );
      await evaluateAt('2024-07-11T00:30:00Z');
      const late = await server.request(
        'GET',
        `/api/alerts?scorecard=${scorecard.code}&kind=data-late&period=2024-06`,
      );
      expect([
        put.statusCode,
        early.json().total,
        late.json().items.map((a: AlertResource) => [a.orgUnit, a.params.dueAt]),
      ]).toEqual([200, 0, [[dept(1), '2024-07-10T23:59:59.999Z']]]);
    });

    it('brings the department’s submission to the approver’s inbox', async () => {
      const alerts = (await inbox(approver)).filter((a) => a.kind === 'approval-waiting');
      expect(alerts.map((a) => [a.orgUnit, a.period, a.state])).toEqual([[dept(0), '2024-06', 'open']]);
    });
  });
});
