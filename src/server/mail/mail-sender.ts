/**
 * Sends the outbox's due mails, one at a time, each outcome recorded at once: sent; failed and retried later
 * with a doubling delay (the row stays `queued` with its error, so a failing SMTP server loses nothing); or
 * given up after `MAX_MAIL_ATTEMPTS` (`failed`). Without settings, due mails are noted `not-configured`.
 *
 * No transaction spans a send (on PGlite it would hold the only session while the SMTP server answers), and no
 * row is claimed: the mail job is a singleton across server instances (pg-boss's `stately` queue), so only one
 * sender runs. A crash between the SMTP server's acceptance and the update below sends that mail once more:
 * at least once, never lost.
 */
import { wordProblem } from '../../core/errors/messages/index.ts';
import {
  dueMails,
  markMailAttemptFailed,
  markMailSent,
  markMailsNotConfigured,
} from '../../db/repositories/mail-outbox.repository.ts';
import type { ServerContext } from '../context.ts';
import type { MailSettings } from './mail-settings.ts';
import type { MailTransport } from './mail-transport.ts';

/** Attempts before a mail is given up (about 17 hours of retries with the delays below). */
export const MAX_MAIL_ATTEMPTS = 10;
/** Mails sent per run; the rest wait for the next run (a minute later, or at once when woken). */
export const MAIL_BATCH = 50;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 6 * 3_600_000;

/**
 * How long to wait after the `attempts`-th failed attempt: one minute, doubling, at most six hours.
 *
 * @example retryDelayMs(1) // 60000
 * @example retryDelayMs(3) // 240000
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_DELAY_MS);
}

export interface MailSendSummary {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly notConfigured: number;
}

/** The error as admins read it in the outbox: the SMTP server's words, without a stack. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

/**
 * Sends the mails due at `ctx.now()` through `transport` (null with `settings` null: e-mail is off). Stops
 * between mails when `signal` is aborted.
 *
 * @example await sendDueMails(ctx, settings, smtpTransport(settings)) // { sent: 2, retrying: 0, failed: 0, notConfigured: 0 }
 */
export async function sendDueMails(
  ctx: ServerContext,
  settings: MailSettings | null,
  transport: MailTransport | null,
  signal?: AbortSignal,
): Promise<MailSendSummary> {
  const due = await dueMails(ctx.db.kysely, ctx.now(), MAIL_BATCH);
  if (settings === null || transport === null) {
    const notConfigured = await markMailsNotConfigured(
      ctx.db.kysely,
      due.map((mail) => mail.id),
      wordProblem('mail.not-configured'),
    );
    return { sent: 0, retrying: 0, failed: 0, notConfigured };
  }
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  for (const mail of due) {
    if (signal?.aborted) break;
    try {
      const { messageId } = await transport.send({
        from: settings.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body_text,
        html: mail.body_html,
        language: mail.language,
        attachments: mail.attachmentList,
      });
      await markMailSent(ctx.db.kysely, mail.id, ctx.now(), messageId);
      sent += 1;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const givenUp = attempts >= MAX_MAIL_ATTEMPTS;
      await markMailAttemptFailed(ctx.db.kysely, mail.id, {
        error: describeError(error),
        status: givenUp ? 'failed' : 'queued',
        nextAttemptAt: new Date(ctx.now().getTime() + retryDelayMs(attempts)),
      });
      if (givenUp) failed += 1;
      else retrying += 1;
    }
  }
  return { sent, retrying, failed, notConfigured: 0 };
}
