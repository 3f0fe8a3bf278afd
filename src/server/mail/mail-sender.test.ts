import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/fixtures/smtp.ts';
import { ChangeBus } from '../change-bus.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { mailSendJob } from './mail-send.job.ts';
import { MAX_MAIL_ATTEMPTS, retryDelayMs, sendDueMails } from './mail-sender.ts';
import type { MailSettings } from './mail-settings.ts';
import { smtpTransport } from './mail-transport.ts';
import { enqueueMail } from './outbox.ts';

const T0 = new Date('2026-12-07T01:00:00.000Z');

describe('retryDelayMs', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [4, 480_000],
    [MAX_MAIL_ATTEMPTS, 6 * 3_600_000],
  ])('waits %i failed attempts → %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });
});

describeEachEngine('the mail outbox', (getDb) => {
  let smtp: TestSmtpServer;
  let clock = T0;
  let ctx: ServerContext;
  let counter = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = { db: getDb(), now: () => clock, changes: new ChangeBus() };
  });
  afterAll(async () => {
    await smtp.close();
  });

  /** A unique recipient, so each test reads only its own mail. */
  function recipient(): string {
    counter += 1;
    return `expert${counter}.${Date.now()}@hospital.example`;
  }

  async function queue(
    to: string,
    subject = '提醒：权重调查',
    text = '李医生，您好！请在截止日期前完成问卷。',
  ) {
    return ctx.db.kysely
      .transaction()
      .execute((trx) => enqueueMail(trx, { to, language: 'zh-CN', subject, text, kind: 'test' }, clock));
  }

  async function row(id: number) {
    return ctx.db.kysely
      .selectFrom('mail_outbox')
      .select(['status', 'attempts', 'last_error', 'next_attempt_at', 'sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('delivers a queued mail with its Chinese subject and body in UTF-8', async () => {
    const to = recipient();
    const id = await queue(to);
    await sendDueMails(ctx, smtp.settings, smtpTransport(smtp.settings));
    const mail = smtp.received.find((m) => m.to.includes(to));
    expect({ subject: mail?.subject, text: mail?.text, charset: mail?.charset?.toLowerCase() }).toEqual({
      subject: '提醒：权重调查',
      text: '李医生，您好！请在截止日期前完成问卷。',
      charset: 'utf-8',
    });
    expect((await row(id)).status).toBe('sent');
  });

  it('queues nothing when the transaction that queued the mail rolls back', async () => {
    const to = recipient();
    await expect(
      ctx.db.kysely.transaction().execute(async (trx) => {
        await enqueueMail(trx, { to, language: 'en', subject: 'S', text: 'T', kind: 'test' }, clock);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    const rows = await ctx.db.kysely
      .selectFrom('mail_outbox')
      .select('id')
      .where('recipient', '=', to)
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps a mail queued with its error while the SMTP server is down, and sends it once it is back', async () => {
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    const settings: MailSettings = { ...smtp.settings, port };
    const to = recipient();
    const id = await queue(to, 'Reminder', 'Please answer.');
    await sendDueMails(ctx, settings, smtpTransport(settings));
    const failed = await row(id);
    expect({
      status: failed.status,
      attempts: failed.attempts,
      refused: /ECONNREFUSED|connect/i.test(failed.last_error ?? ''),
      next: failed.next_attempt_at.toISOString(),
    }).toEqual({ status: 'queued', attempts: 1, refused: true, next: '2026-12-07T01:01:00.000Z' });

    const back = await startSmtpServer(port);
    try {
      // Not yet due: nothing is tried before the backoff has passed.
      await sendDueMails(ctx, settings, smtpTransport(settings));
      expect(back.received).toEqual([]);
      clock = new Date(T0.getTime() + 60_000);
      await sendDueMails(ctx, settings, smtpTransport(settings));
      expect(back.received.map((m) => [m.to, m.subject, m.text])).toEqual([
        [[to], 'Reminder', 'Please answer.'],
      ]);
      expect((await row(id)).status).toBe('sent');
    } finally {
      clock = T0;
      await back.close();
    }
  });

  it('sends nothing when mail is not configured and notes the mail as not configured', async () => {
    const to = recipient();
    const before = smtp.received.length;
    const id = await queue(to);
    const summary = await mailSendJob(null).handler({
      id: 'run',
      name: 'mail-send',
      data: {},
      trigger: 'schedule',
      dueAt: clock,
      attempt: 1,
      signal: new AbortController().signal,
      ctx,
      actor: systemActor('job:mail-send'),
    });
    const noted = await row(id);
    expect({
      sent: smtp.received.length - before,
      summary,
      status: noted.status,
      note: noted.last_error,
    }).toEqual({
      sent: 0,
      summary: { sent: 0, retrying: 0, failed: 0, notConfigured: 1 },
      status: 'not-configured',
      note: 'E-mail is not configured on this server (no HEALTHBSC_SMTP_HOST): nothing was sent',
    });
  });

  it('refuses a recipient that is not an address', async () => {
    await expect(queue('not an address')).rejects.toMatchObject({
      problem: { code: 'mail.bad-recipient' },
    });
  });
});
