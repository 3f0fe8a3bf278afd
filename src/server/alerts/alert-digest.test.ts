/**
 * The daily alert digest on PGlite and PostgreSQL, with the clock injected and the mail delivered to a loopback
 * SMTP server: the indicator's owner subscribes to a daily digest in English; an off-target value raises an alert
 * that reaches their inbox but no e-mail of its own; the digest of the day (Asia/Shanghai) lists it, once per
 * day; the next day's digest lists it closed after the next month's value is on target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import type { TestSession } from '../../../test/fixtures/accounts.ts';
import { createOrgTree, type OrgTree } from '../../../test/fixtures/org-units.ts';
import { makeScorecardFile, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, FIXTURE_ACTOR, type TestServer } from '../../../test/fixtures/server.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/fixtures/smtp.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { sendDueMails } from '../mail/mail-sender.ts';
import { smtpTransport } from '../mail/mail-transport.ts';
import { writeDataValues } from '../services/data-values.service.ts';
import { putScorecardOrgUnits } from '../services/scorecard-org-units.service.ts';
import { importScorecard } from '../services/scorecards.service.ts';
import { putTargets } from '../services/targets.service.ts';
import { dayIn, sendAlertDigests } from './alert-digest.ts';
import { evaluateAlerts } from './alert-evaluation.service.ts';
import { outboxMailer } from './alert-mail.ts';
import { alertRoutes } from './alerts.routes.ts';

const ZONE = { timeZone: 'Asia/Shanghai', link: 'https://bsc.example' };

describe('dayIn', () => {
  it('reads the day in the installation’s time zone: 17:00 UTC is the next morning in Shanghai', () => {
    expect(dayIn(new Date('2024-06-03T17:00:00Z'), 'Asia/Shanghai')).toBe('2024-06-04');
  });
});

describeEachEngine('the daily alert digest', (getDb) => {
  let server: TestServer;
  let tree: OrgTree;
  let scorecard: ScorecardFixture;
  let owner: TestSession;
  let engine: EvaluationEngine;
  let smtp: TestSmtpServer;
  let clock = new Date('2024-06-03T08:00:00Z');

  const dept = (i: number) => tree.departments[0]?.[i] ?? '';
  const at = (iso: string) => {
    clock = new Date(iso);
    return clock;
  };
  const evaluate = () =>
    evaluateAlerts(server.ctx, engine, scorecard.code, { mailer: outboxMailer(() => clock) });
  const deliver = () => sendDueMails(server.ctx, smtp.settings, smtpTransport(smtp.settings));
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await createTestServer(getDb(), {
      clock: () => clock,
      routesFor: (ctx) => {
        engine = new EvaluationEngine(getDb(), ctx.changes);
        return [alertRoutes(engine, {})];
      },
    });
    tree = await createOrgTree(server.ctx, { prefix: 'DG', hospitals: 1, departmentsPerHospital: 1 });
    owner = await server.sessionWith([{ role: 'viewer', orgUnit: tree.hospitals[0] ?? null }]);
    scorecard = makeScorecardFile();
    const countIndicator = scorecard.file.perspectives[0]?.indicators[1];
    if (countIndicator !== undefined) Object.assign(countIndicator, { owner: owner.email });
    await importScorecard(server.ctx, FIXTURE_ACTOR, { file: scorecard.file, mode: 'create' });
    await putScorecardOrgUnits(server.ctx, FIXTURE_ACTOR, {
      code: scorecard.code,
      body: { orgUnits: [{ orgUnit: dept(0), includeDescendants: false }] },
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
      kind: 'off-target',
      severity: 'warning',
      indicators: [scorecard.count],
    });
    const subscription = await server.requestAs(owner, 'POST', '/api/subscriptions', {
      kind: 'off-target',
      digest: 'daily',
    });
    const language = await server.requestAs(owner, 'PUT', '/api/me/preferences', { language: 'en' });
    if ([rule.statusCode, subscription.statusCode, language.statusCode].join() !== '201,201,200') {
      throw new Error(`${rule.body} ${subscription.body} ${language.body}`);
    }
    await writeDataValues(server.ctx, FIXTURE_ACTOR, {
      values: [{ orgUnit: dept(0), period: '2024-05', dataElement: scorecard.numerator, value: 50 }],
    });
    await evaluate();
    await deliver();
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('puts the alert in the owner’s inbox without an e-mail of its own', async () => {
    const inbox = await server.requestAs(owner, 'GET', '/api/inbox?state=all');
    expect([
      inbox.json().items.map((a: { period: string }) => a.period),
      mailsTo(owner.email).length,
    ]).toEqual([['2024-05'], 0]);
  });

  describe('the first day', () => {
    let first: { sent: number; alerts: number };
    beforeAll(async () => {
      first = await sendAlertDigests(server.ctx, at('2024-06-03T23:00:00Z'), ZONE);
      await deliver();
    });

    it('sends the owner one digest listing the alert raised, in English', () => {
      expect([first, mailsTo(owner.email).map((m) => [m.subject, m.text.trim()])]).toEqual([
        { sent: 1, alerts: 1 },
        [
          [
            '[HealthBSC] 1 alert(s) of the day',
            [
              'Raised since the last digest:',
              `- [HealthBSC] Warning: ${scorecard.count} is off target — ${dept(0)} 2024-05`,
              '',
              'Open HealthBSC to see it: https://bsc.example',
            ].join('\n'),
          ],
        ],
      ]);
    });

    it('sends nothing more on a second run of the same day (Shanghai’s 4 June)', async () => {
      const again = await sendAlertDigests(server.ctx, at('2024-06-04T03:00:00Z'), ZONE);
      await deliver();
      expect([again, mailsTo(owner.email).length]).toEqual([{ sent: 0, alerts: 0 }, 1]);
    });
  });

  describe('a later day', () => {
    it('lists the alert closed since the last digest, and no longer as raised', async () => {
      await writeDataValues(server.ctx, FIXTURE_ACTOR, {
        values: [{ orgUnit: dept(0), period: '2024-06', dataElement: scorecard.numerator, value: 120 }],
      });
      at('2024-07-02T08:00:00Z');
      await evaluate();
      const later = await sendAlertDigests(server.ctx, at('2024-07-02T23:00:00Z'), ZONE);
      await deliver();
      expect([later, mailsTo(owner.email).at(-1)?.text.split('\n').slice(0, 2)]).toEqual([
        { sent: 1, alerts: 1 },
        [
          'Closed since the last digest:',
          `- [HealthBSC] Warning: ${scorecard.count} is off target — ${dept(0)} 2024-05`,
        ],
      ]);
    });

    it('records one digest per day it sent', async () => {
      const rows = await getDb()
        .kysely.selectFrom('alert_digest')
        .select(['day', 'alerts'])
        .orderBy('day')
        .execute();
      expect(rows).toEqual([
        { day: '2024-06-04', alerts: 1 },
        { day: '2024-07-03', alerts: 1 },
      ]);
    });
  });
});
