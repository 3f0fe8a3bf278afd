/**
 * Survey reminders by e-mail, through the HTTP API and the reminder job, delivered to a local SMTP server:
 * the experts who have not submitted get their own new link in their language, an expert who answered gets
 * none, and no round reminds anyone twice. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { TEST_NOW } from '../../../test/fixtures/server.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/fixtures/smtp.ts';
import {
  answerNode,
  createAzSurvey,
  createSurveyWorld,
  linkOf,
  type SurveyWorld,
  seedAnswers,
} from '../../../test/fixtures/survey-world.ts';
import type { RemindResult, Survey, SurveyReminders } from '../../core/contracts/surveys.ts';
import { systemActor } from '../context.ts';
import { sendDueMails } from '../mail/mail-sender.ts';
import { smtpTransport } from '../mail/mail-transport.ts';
import { remindBeforeDeadlines } from './survey-reminders.service.ts';

const DAY = 86_400_000;

describeEachEngine('survey reminders by e-mail', (getDb) => {
  let w: SurveyWorld;
  let smtp: TestSmtpServer;
  let now = TEST_NOW;
  let survey: Survey;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    w = await createSurveyWorld(getDb(), { clock: () => now });
    survey = await createAzSurvey(w.server, {
      language: 'zh-CN',
      experts: [
        { name: '王医生', email: 'wang@hospital.example', weight: 1 },
        { name: 'Dr Li', email: 'li@hospital.example', weight: 1, language: 'en' },
        { name: '赵主任', weight: 1 },
      ],
    });
    // 王医生 answers everything through the link and submits.
    const wang = await linkOf(w.server, survey.id, survey.experts[0]?.id ?? 0);
    const seed = await seedAnswers(survey.nodes);
    for (const node of survey.nodes) await answerNode(w.server, wang.token, node, seed.get(node.key) ?? []);
    const submitted = await w.server.requestAs(null, 'POST', `/api/survey-links/${wang.token}/submit`, {});
    if (submitted.statusCode !== 200) throw new Error(submitted.body);
  });
  afterAll(async () => {
    await w.server.close();
    await smtp.close();
  });

  const send = () => sendDueMails(w.server.ctx, smtp.settings, smtpTransport(smtp.settings));
  const remind = async () => {
    const response = await w.server.request('POST', `/api/surveys/${survey.id}/reminders`, {});
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<RemindResult>();
  };
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  it('reminds only the expert who has not submitted and has an address, naming why the others were not', async () => {
    const result = await remind();
    expect(result).toEqual({
      round: 'manual-1',
      reminded: [{ expertId: survey.experts[1]?.id, expert: 'Dr Li', recipient: 'li@hospital.example' }],
      skipped: [
        { expertId: survey.experts[0]?.id, expert: '王医生', reason: 'answered' },
        { expertId: survey.experts[2]?.id, expert: '赵主任', reason: 'no-email' },
      ],
    });
  });

  it('delivers the reminder in the expert’s language with a personal link that opens the questionnaire', async () => {
    await send();
    const [mail] = mailsTo('li@hospital.example');
    const link = /http:\/\/\S+\/survey\/(hbss_\S+)/.exec(mail?.text ?? '');
    const token = decodeURIComponent(link?.[1] ?? '');
    const questionnaire = await w.server.requestAs(null, 'GET', `/api/survey-links/${token}/questionnaire`);
    expect({
      subject: mail?.subject,
      greeting: mail?.text.split('\n')[0],
      questionnaire: questionnaire.statusCode,
    }).toEqual({
      subject: 'Reminder: expert survey “AZ 指标权重”',
      greeting: 'Dear Dr Li,',
      questionnaire: 200,
    });
  });

  it('sends the expert who answered no reminder', () => {
    expect(mailsTo('wang@hospital.example')).toEqual([]);
  });

  it('records who was reminded, when, and the mail’s state', async () => {
    const response = await w.server.request('GET', `/api/surveys/${survey.id}/reminders`);
    expect(response.json<SurveyReminders>().reminders).toEqual([
      {
        round: 'manual-1',
        expertId: survey.experts[1]?.id,
        expert: 'Dr Li',
        recipient: 'li@hospital.example',
        sentBy: 'admin@test.healthbsc',
        sentAt: TEST_NOW.toISOString(),
        mailStatus: 'sent',
      },
    ]);
  });

  it('writes the Chinese reminder for an expert of a Chinese survey', async () => {
    const added = await w.server.request('POST', `/api/surveys/${survey.id}/experts`, {
      name: '孙教授',
      email: 'sun@hospital.example',
    });
    expect(added.statusCode).toBe(201);
    await remind();
    await send();
    const [mail] = mailsTo('sun@hospital.example');
    expect([mail?.subject, mail?.text.split('\n')[0], mail?.charset?.toLowerCase()]).toEqual([
      '提醒：专家问卷“AZ 指标权重”',
      '孙教授，您好：',
      'utf-8',
    ]);
  });

  it('refuses a deadline in the past', async () => {
    const response = await w.server.request('PUT', `/api/surveys/${survey.id}/reminders`, {
      deadline: new Date(now.getTime() - DAY).toISOString(),
      remindDaysBefore: null,
    });
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
      400,
      'survey.deadline-past',
    ]);
  });
  // Last: it moves the clock past the sessions' lifetime.
  it('reminds once before the deadline, however often the job runs', async () => {
    const schedule = await w.server.request('PUT', `/api/surveys/${survey.id}/reminders`, {
      deadline: new Date(TEST_NOW.getTime() + 5 * DAY).toISOString(),
      remindDaysBefore: 2,
    });
    expect(schedule.statusCode).toBe(200);
    const actor = systemActor('job:survey-reminders');
    const counts: number[] = [];
    counts.push(await remindBeforeDeadlines(w.server.ctx, actor)); // 5 days before: not yet
    now = new Date(TEST_NOW.getTime() + 3.5 * DAY);
    counts.push(await remindBeforeDeadlines(w.server.ctx, actor)); // 1.5 days before: due
    counts.push(await remindBeforeDeadlines(w.server.ctx, actor)); // again: nobody twice
    await send();
    expect({
      counts,
      li: mailsTo('li@hospital.example').length,
      sun: mailsTo('sun@hospital.example').length,
    }).toEqual({
      counts: [0, 2, 0],
      li: 3,
      sun: 2,
    });
  });
});
