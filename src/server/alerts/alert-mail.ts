/**
 * Alert e-mails in the recipient's preferred language, handed to the mail outbox in the transaction that
 * raised the alert. The outbox (server/mail, with its retries) is another module's: until it is wired, the
 * server runs with no mailer and receipts stay `emailed_at = null`, to be sent when one is configured.
 * A failing SMTP server therefore never loses an alert: the receipt is in the inbox whatever the mail does.
 */
import type { AlertResource, Language } from '../../core/contracts/alerts.ts';
import { wordProblem } from '../../core/errors/messages/index.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The outbox: `enqueue` writes the message in `trx`; the outbox sends it and retries on failure. */
export interface AlertMailer {
  enqueue(trx: Executor, message: MailMessage): Promise<void>;
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

/** The daily digest of several alerts. */
export function digestMail(alerts: readonly AlertResource[], lang: Language, link: string) {
  const subject = wordProblem('alert-mail.digest-subject', { count: alerts.length }, lang);
  const lines = alerts.map((a) => `- ${alertMail(a, lang, link).subject}`);
  lines.push('', wordProblem('alert-mail.open-line', { link }, lang));
  return { subject, text: lines.join('\n') };
}
