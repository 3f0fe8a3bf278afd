/**
 * Alert e-mails in the recipient's preferred language, handed to the mail outbox (server/mail) in the
 * transaction that raised the alert: the outbox sends them and retries with backoff while the SMTP server
 * fails, and the receipt is in the inbox whatever the mail does, so a failing SMTP server never loses an alert.
 */
import type { AlertResource, Language } from '../../core/contracts/alerts.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { enqueueMail } from '../mail/outbox.ts';

export interface MailMessage {
  readonly to: string;
  readonly language: Language;
  readonly subject: string;
  readonly text: string;
  readonly rootId: number;
}

/** The outbox: `enqueue` writes the message in `trx`; the outbox sends it and retries on failure. */
export interface AlertMailer {
  enqueue(trx: Executor, message: MailMessage): Promise<void>;
}

/**
 * The server's mailer: the outbox, in the caller's transaction (the mail job sends after the commit). The
 * evaluation's own clock stamps the mail.
 */
export function outboxMailer(now: () => Date = () => new Date()): AlertMailer {
  return {
    enqueue: async (trx, message) => {
      await enqueueMail(trx, { ...message, kind: 'alert' }, now());
    },
  };
}

function what(alert: AlertResource, lang: Language): string {
  const kind = alert.code === 'watch' ? 'watch' : alert.kind;
  return wordProblem(`alert-mail.kind-${kind}`, { indicator: alert.indicator ?? '' }, lang);
}

/**
 * The subject and text of one alert's e-mail.
 *
 * @example alertMail(alert, 'en', 'https://bsc.example').subject // '[HealthBSC] Warning: LOS is off target — ICU 2024-03'
 */
export function alertMail(
  alert: AlertResource,
  lang: Language,
  link: string,
): { subject: string; text: string } {
  const severity = wordProblem(`alert-mail.severity-${alert.severity}`, {}, lang);
  const subject = wordProblem(
    'alert-mail.subject',
    { severity, what: what(alert, lang), orgUnit: alert.orgUnit, period: alert.period },
    lang,
  );
  const lines = [subject];
  if ('value' in alert.params) {
    lines.push(
      wordProblem(
        'alert-mail.value-line',
        { value: String(alert.params.value ?? '—'), target: String(alert.params.target ?? '—') },
        lang,
      ),
    );
  }
  lines.push(wordProblem('alert-mail.open-line', { link }, lang));
  return { subject, text: lines.join('\n') };
}

/**
 * The daily digest: the alerts raised and those closed since the last digest, one subject line each.
 *
 * @example digestMail({ raised: [alert], closed: [] }, 'en', 'https://bsc.example').subject // '[HealthBSC] 1 alert(s) of the day'
 */
export function digestMail(
  alerts: { readonly raised: readonly AlertResource[]; readonly closed: readonly AlertResource[] },
  lang: Language,
  link: string,
) {
  const count = new Set([...alerts.raised, ...alerts.closed].map((a) => a.id)).size;
  const subject = wordProblem('alert-mail.digest-subject', { count }, lang);
  const lines: string[] = [];
  for (const [key, list] of [
    ['alert-mail.digest-raised', alerts.raised],
    ['alert-mail.digest-closed', alerts.closed],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(wordProblem(key, {}, lang), ...list.map((a) => `- ${alertMail(a, lang, link).subject}`), '');
  }
  lines.push(wordProblem('alert-mail.open-line', { link }, lang));
  return { subject, text: lines.join('\n') };
}
