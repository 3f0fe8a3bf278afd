/**
 * The daily alert digest: one e-mail per user whose subscriptions put e-mail in the digest, listing the alerts
 * of their digest receipts raised since the last digest (receipts not yet e-mailed) and those closed since it,
 * in their preferred language, through the mail outbox. Such a user gets no e-mail per alert (recipients.ts
 * marks the receipt `digest`, and only `now` recipients are e-mailed at once).
 *
 * Idempotent per user × day: the day is the run's date in the installation's time zone, and the digest of a day
 * is recorded (`alert_digest`) in the transaction that queues its mail; a second run that day finds the row and
 * sends nothing. A user with nothing to report gets no mail and no row.
 */
import type { Language } from '../../core/contracts/alerts.ts';
import {
  type DigestAlertRow,
  lastDigestBefore,
  listDigestAlerts,
  listDigestUsers,
  markDigested,
  recordDigest,
} from '../../db/repositories/alert-digest.repository.ts';
import { type ServerContext, systemActor } from '../context.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { commitWrite } from '../services/commit-write.ts';
import { languageOf } from './alert-config.service.ts';
import { digestMail } from './alert-mail.ts';
import { toAlertResource } from './alert-resources.ts';

export const DIGEST_ACTOR = systemActor('alert-digest');

/**
 * The calendar day of `at` in `timeZone`, `YYYY-MM-DD`.
 *
 * @example dayIn(new Date('2024-06-03T17:00:00Z'), 'Asia/Shanghai') // '2024-06-04'
 */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export interface DigestOptions {
  /** The installation's time zone (HEALTHBSC_TIMEZONE): which day a run belongs to. */
  readonly timeZone: string;
  /** The web app's address for the e-mails' link. */
  readonly link?: string;
}

function split(rows: readonly DigestAlertRow[], since: Date | null) {
  const raised = rows.filter((r) => r.emailed_at === null);
  const closed = rows.filter(
    (r) => r.closed_at !== null && (since === null || r.closed_at.getTime() > since.getTime()),
  );
  return { raised, closed };
}

/** Sends each digest user their digest of the day of `at` unless it went out already; how many were sent. */
export async function sendAlertDigests(
  ctx: ServerContext,
  at: Date,
  options: DigestOptions,
): Promise<{ readonly sent: number; readonly alerts: number }> {
  const day = dayIn(at, options.timeZone);
  let sent = 0;
  let alerts = 0;
  for (const user of await listDigestUsers(ctx.db.kysely)) {
    const count = await commitWrite(ctx, DIGEST_ACTOR, async (trx) => {
      const nothing = { result: 0, audit: [], touched: [] };
      const since = await lastDigestBefore(trx, user.id, day);
      const rows = await listDigestAlerts(trx, user.id, since, at);
      const { raised, closed } = split(rows, since);
      const ids = [...new Set([...raised, ...closed].map((r) => r.id))];
      if (ids.length === 0) return nothing;
      if (!(await recordDigest(trx, { userId: user.id, day, alerts: ids.length, at }))) return nothing;
      const language: Language = await languageOf(trx, user.id);
      const mail = digestMail(
        { raised: raised.map((r) => toAlertResource(r)), closed: closed.map((r) => toAlertResource(r)) },
        language,
        options.link ?? '/',
      );
      await enqueueMail(trx, { to: user.email, language, kind: 'digest', ...mail }, at);
      await markDigested(
        trx,
        user.id,
        raised.map((r) => r.id),
        at,
      );
      return {
        result: ids.length,
        audit: [
          {
            action: 'send',
            entity: 'alert-digest',
            entityKey: `${user.id}/${day}`,
            newValue: { alerts: ids },
          },
        ],
        touched: [],
      };
    });
    if (count > 0) {
      sent += 1;
      alerts += count;
    }
  }
  if (sent > 0) ctx.mail?.wake();
  return { sent, alerts };
}
