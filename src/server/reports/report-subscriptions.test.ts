/**
 * Reports by e-mail on PGlite and PostgreSQL: a subscriber of AZ Hospital's report receives, through the mail
 * outbox and a loopback SMTP server, the report of the latest published period (2016) as a PDF attachment, in
 * their language, once: the next month's run sends nothing new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { auditOf } from '../../../test/fixtures/observe.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/fixtures/smtp.ts';
import { createSurveyWorld, type SurveyWorld } from '../../../test/fixtures/survey-world.ts';
import { systemActor } from '../context.ts';
import { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { sendDueMails } from '../mail/mail-sender.ts';
import { smtpTransport } from '../mail/mail-transport.ts';
import { mailDueReports, subscribeToReport } from './report-subscriptions.ts';
import { reportRoutes } from './reports.routes.ts';

const JOB = systemActor('report-mail');

describeEachEngine('reports by e-mail', (getDb) => {
  let w: SurveyWorld;
  let smtp: TestSmtpServer;
  let first: number;
  let second: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    w = await createSurveyWorld(getDb(), {
      routesFor: (ctx) => [reportRoutes(new EvaluationEngine(ctx.db, ctx.changes))],
    });
    await subscribeToReport(w.server.ctx, systemActor('fixture'), {
      scorecard: 'AZ-HOSPITAL',
      orgUnit: 'AZ',
      recipient: 'director@az.example',
      language: 'zh-CN',
      format: 'pdf',
    });
    first = await mailDueReports(w.server.ctx, JOB);
    await sendDueMails(w.server.ctx, smtp.settings, smtpTransport(smtp.settings));
    second = await mailDueReports(w.server.ctx, JOB);
  });
  afterAll(async () => {
    await w.server.close();
    await smtp.close();
  });

  describe('the monthly run', () => {
    it('queues one report, then none for the same period', () => {
      expect([first, second]).toEqual([1, 0]);
    });

    it('delivers it in the subscriber’s language with the PDF attached', () => {
      const mail = smtp.received[0];
      expect([
        smtp.received.length,
        mail?.to,
        mail?.subject,
        mail?.raw.includes('filename="evaluation-AZ-HOSPITAL-AZ-2016-zh-CN.pdf"') ||
          mail?.raw.includes('evaluation-AZ-HOSPITAL-AZ-2016-zh-CN.pdf'),
      ]).toEqual([1, ['director@az.example'], '绩效评价报告：AZ，2016', true]);
    });
  });

  it('refuses an address that is not one', async () => {
    const refused = subscribeToReport(w.server.ctx, systemActor('fixture'), {
      scorecard: 'AZ-HOSPITAL',
      orgUnit: 'AZ',
      recipient: 'not an address',
      language: 'en',
      format: 'pdf',
    });
    await expect(refused).rejects.toMatchObject({ problem: { code: 'mail.bad-recipient' } });
  });

  it('subscribes, lists and ends a subscription over the API, each change audited', async () => {
    const created = await w.server.request('POST', '/api/report-subscriptions', {
      scorecard: 'AZ-HOSPITAL',
      orgUnit: 'AZ',
      recipient: 'board@az.example',
      language: 'en',
      format: 'xlsx',
    });
    const id = (created.json() as { id: number }).id;
    const listed = await w.server.request(
      'GET',
      '/api/report-subscriptions?scorecard=AZ-HOSPITAL&orgUnit=AZ',
    );
    const ended = await w.server.request('DELETE', `/api/report-subscriptions/${id}`);
    const after = await w.server.request('GET', '/api/report-subscriptions?scorecard=AZ-HOSPITAL&orgUnit=AZ');
    const again = await w.server.request('DELETE', `/api/report-subscriptions/${id}`);
    const audit = (await auditOf(w.server, 'report_subscription', 'AZ-HOSPITAL/AZ/board@az.example')).map(
      (row) => [row.action, row.entityKey],
    );
    expect({
      created: [created.statusCode, created.json()],
      listed: (listed.json() as { items: { recipient: string }[] }).items.map((s) => s.recipient),
      ended: ended.statusCode,
      after: (after.json() as { items: { recipient: string }[] }).items.map((s) => s.recipient),
      again: [again.statusCode, (again.json() as { code: string }).code],
      audit,
    }).toEqual({
      created: [
        201,
        {
          id,
          scorecard: 'AZ-HOSPITAL',
          orgUnit: 'AZ',
          recipient: 'board@az.example',
          language: 'en',
          format: 'xlsx',
          lastPeriod: null,
        },
      ],
      listed: ['director@az.example', 'board@az.example'],
      ended: 204,
      after: ['director@az.example'],
      again: [404, 'report.subscription-not-found'],
      audit: [
        ['subscribe', 'AZ-HOSPITAL/AZ/board@az.example'],
        ['unsubscribe', 'AZ-HOSPITAL/AZ/board@az.example'],
      ],
    });
  });
});
