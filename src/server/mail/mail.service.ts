/**
 * The outbox for installation admins: the list, and a test mail (queued like any mail, audited, sent by the
 * mail job at once when it runs here).
 */
import type { MailOutbox, MailResource, TestMailRequest } from '../../core/contracts/mail.ts';
import type { MailRow, MailStatus } from '../../db/repositories/mail-outbox.repository.ts';
import { listMails } from '../../db/repositories/mail-outbox.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireAdministrator } from '../services/access.ts';
import { commitWrite } from '../services/commit-write.ts';
import { isoTime } from '../services/format.ts';
import type { MailSettings } from './mail-settings.ts';
import { defineMailTexts, wordMail } from './mail-words.ts';
import { enqueueMail } from './outbox.ts';

const TEST_MAIL = defineMailTexts({
  subject: { en: 'HealthBSC test mail', 'zh-CN': 'HealthBSC 测试邮件' },
  text: {
    en: 'This test mail was requested by {{actor}} on the Administration page. E-mail from HealthBSC reaches you.',
    'zh-CN': '此测试邮件由 {{actor}} 在“系统管理”页面发送。您可以收到 HealthBSC 的电子邮件。',
  },
});

function toResource(row: MailRow & { readonly attachmentNames: readonly string[] }): MailResource {
  return {
    id: row.id,
    recipient: row.recipient,
    language: row.language,
    subject: row.subject,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: isoTime(row.next_attempt_at),
    createdAt: isoTime(row.created_at),
    sentAt: row.sent_at === null ? null : isoTime(row.sent_at),
    attachments: [...row.attachmentNames],
  };
}

/** One page of the outbox, newest first (installation admins). */
export async function listOutbox(
  ctx: ServerContext,
  actor: Actor,
  settings: MailSettings | null,
  query: { readonly limit: number; readonly offset: number; readonly status?: MailStatus | undefined },
): Promise<MailOutbox> {
  requireAdministrator(actor);
  const page = await listMails(ctx.db.kysely, query, query.status);
  return {
    items: page.rows.map(toResource),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    configured: settings !== null,
    from: settings?.from ?? null,
  };
}

/** Queues a test mail to `request.to` in `request.language`, audited; returns its outbox id. */
export async function sendTestMail(
  ctx: ServerContext,
  actor: Actor,
  request: TestMailRequest,
): Promise<{ id: number }> {
  requireAdministrator(actor);
  const id = await commitWrite(ctx, actor, async (trx) => {
    const mailId = await enqueueMail(
      trx,
      {
        to: request.to,
        language: request.language,
        subject: wordMail(TEST_MAIL, 'subject', request.language, {}),
        text: wordMail(TEST_MAIL, 'text', request.language, { actor: actor.id }),
        kind: 'test',
      },
      ctx.now(),
    );
    return {
      result: mailId,
      audit: [
        { action: 'send-test', entity: 'mail', entityKey: String(mailId), newValue: { to: request.to } },
      ],
      touched: [],
    };
  });
  ctx.mail?.wake();
  return { id };
}
