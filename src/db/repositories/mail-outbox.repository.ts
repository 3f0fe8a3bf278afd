/**
 * The e-mail outbox (`mail_outbox`, `mail_attachment`): queueing in the caller's transaction, the mail job's
 * due rows and their outcome, and the list installation admins read.
 */
import type { Selectable } from 'kysely';
import type { MailOutboxTable } from '../schema.ts';
import type { Executor, PageRows, PageWindow } from './query-helpers.ts';

export type MailStatus = 'queued' | 'sent' | 'failed' | 'not-configured';

export interface NewMailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface NewMailRow {
  readonly rootId: number | null;
  readonly recipient: string;
  readonly language: 'zh-CN' | 'en';
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly kind: string;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly attachments: readonly NewMailAttachment[];
}

export type MailRow = Selectable<MailOutboxTable>;

/** A due mail with its attachments, for sending. */
export interface DueMail extends MailRow {
  readonly attachmentList: readonly NewMailAttachment[];
}

/** Queues one mail (and its attachments) in `db`, the caller's transaction; returns its id. */
export async function insertMail(db: Executor, row: NewMailRow): Promise<number> {
  const { id } = await db
    .insertInto('mail_outbox')
    .values({
      root_id: row.rootId,
      recipient: row.recipient,
      language: row.language,
      subject: row.subject,
      body_text: row.text,
      body_html: row.html,
      kind: row.kind,
      last_error: null,
      next_attempt_at: row.nextAttemptAt,
      created_at: row.createdAt,
      sent_at: null,
      message_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (row.attachments.length > 0) {
    await db
      .insertInto('mail_attachment')
      .values(
        row.attachments.map((attachment, position) => ({
          mail_id: id,
          position,
          filename: attachment.filename,
          content_type: attachment.contentType,
          content: attachment.content,
        })),
      )
      .execute();
  }
  return id;
}

/** The queued mails whose next attempt is due at `now`, oldest first, at most `limit`, with their attachments. */
export async function dueMails(db: Executor, now: Date, limit: number): Promise<DueMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attachments = await db
    .selectFrom('mail_attachment')
    .selectAll()
    .where(
      'mail_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('mail_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    ...row,
    attachmentList: attachments
      .filter((attachment) => attachment.mail_id === row.id)
      .map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.content_type,
        content: attachment.content,
      })),
  }));
}

/** Records that the SMTP server accepted the mail. */
export async function markMailSent(
  db: Executor,
  id: number,
  at: Date,
  messageId: string | null,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: 'sent',
      sent_at: at,
      message_id: messageId,
      last_error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt: retried at `nextAttemptAt` (status `queued`), or given up (`failed`). */
export async function markMailAttemptFailed(
  db: Executor,
  id: number,
  failure: { readonly error: string; readonly status: 'queued' | 'failed'; readonly nextAttemptAt: Date },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: failure.status,
      last_error: failure.error,
      next_attempt_at: failure.nextAttemptAt,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Notes queued mails as never sent because e-mail is off; returns how many. */
export async function markMailsNotConfigured(
  db: Executor,
  ids: readonly number[],
  note: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'not-configured', last_error: note })
    .where('id', 'in', [...ids])
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** One page of the outbox, newest first, optionally of one status; attachments by name only. */
export async function listMails(
  db: Executor,
  window: PageWindow,
  status?: MailStatus,
): Promise<PageRows<MailRow & { readonly attachmentNames: readonly string[] }>> {
  let query = db.selectFrom('mail_outbox');
  if (status !== undefined) query = query.where('status', '=', status);
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const names =
    rows.length === 0
      ? []
      : await db
          .selectFrom('mail_attachment')
          .select(['mail_id', 'filename'])
          .where(
            'mail_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('position')
          .execute();
  return {
    rows: rows.map((row) => ({
      ...row,
      attachmentNames: names.filter((name) => name.mail_id === row.id).map((name) => name.filename),
    })),
    total: Number(total),
  };
}
