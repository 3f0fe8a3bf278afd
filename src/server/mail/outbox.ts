/**
 * Queueing an e-mail: `enqueueMail(trx, message, now)` writes it in the caller's transaction, so the mail exists
 * if and only if the change that causes it commits. The mail job (./mail-send.job.ts) sends it; after the
 * commit, `ctx.mail?.wake()` asks for a run at once instead of at the next minute.
 */
import { badRequest } from '../../core/errors/problem.ts';
import { insertMail, type NewMailAttachment } from '../../db/repositories/mail-outbox.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';

/** What the mail is about, for the outbox list and whoever counts mails: `survey-reminder`, `alert`, `digest`, `report`, `test`. */
export type MailKind = string;

export interface MailMessage {
  /** The recipient's address. */
  readonly to: string;
  /** The language the texts are in (the recipient's), already worded by the caller (./mail-words.ts). */
  readonly language: 'zh-CN' | 'en';
  readonly subject: string;
  readonly text: string;
  /** An HTML alternative of `text`; its values must be escaped by the caller (`escapeHtml`). */
  readonly html?: string;
  readonly kind: MailKind;
  /** The organisation the mail is about (its root org unit); null or absent: the installation's. */
  readonly rootId?: number | null;
  readonly attachments?: readonly NewMailAttachment[];
}

/** A plain address: something, an at sign, a domain with a dot (the SMTP server has the last word). */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Whether `text` looks like an e-mail address the outbox accepts. */
export function isMailAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/**
 * Queues `message` in `trx` (the caller's transaction), due at `now`; returns the outbox id. Throws 400
 * `mail.bad-recipient` for a recipient that is not an address.
 *
 * @example
 * await commitWrite(ctx, actor, async (trx) => {
 *   await enqueueMail(trx, { to: 'li@hospital.example', language: 'zh-CN', subject, text, kind: 'alert' }, ctx.now());
 *   return { result: undefined, audit: [...], touched: [] };
 * });
 * ctx.mail?.wake();
 */
export async function enqueueMail(trx: Executor, message: MailMessage, now: Date): Promise<number> {
  const recipient = message.to.trim();
  if (!isMailAddress(recipient)) throw badRequest('mail.bad-recipient', { recipient: message.to });
  return insertMail(trx, {
    rootId: message.rootId ?? null,
    recipient,
    language: message.language,
    subject: message.subject,
    text: message.text,
    html: message.html ?? null,
    kind: message.kind,
    nextAttemptAt: now,
    createdAt: now,
    attachments: message.attachments ?? [],
  });
}
