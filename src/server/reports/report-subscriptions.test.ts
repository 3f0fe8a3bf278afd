/**
 * Reports by e-mail on PGlite and PostgreSQL: a subscriber of AZ Hospital's report receives, through the mail
 * outbox and a loopback SMTP server, the report of the latest published period (2016) as a PDF attachment, in
 * their language, once: the next month's run sends nothing new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/fixtures/smtp.ts';
import { createSurveyWorld, type SurveyWorld } from '../../../test/fixtures/survey-world.ts';
import { systemActor } from '../context.ts';
import { sendDueMails } from '../mail/mail-sender.ts';
import { smtpTransport } from '../mail/mail-transport.ts';
import { mailDueReports, subscribeToReport } from './report-subscriptions.ts';

const JOB = systemActor('report-mail');

describeEachEngine('reports by e-mail', (getDb) => {
  let w: SurveyWorld;
  let smtp: TestSmtpServer;
  let first: number;
  let second: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    w = await createSurveyWorld(getDb());
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
});
