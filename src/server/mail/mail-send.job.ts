/**
 * The mail job: every minute (and when woken after a commit that queued mail), sends the outbox's due mails
 * (./mail-sender.ts). Without SMTP settings it notes them `not-configured` and sends nothing.
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { sendDueMails } from './mail-sender.ts';
import type { MailSettings } from './mail-settings.ts';
import { type MailTransport, smtpTransport } from './mail-transport.ts';

export const MAIL_SEND_JOB = 'mail-send';

/**
 * @example scheduler.register(mailSendJob(config.mail));
 */
export function mailSendJob(
  settings: MailSettings | null,
  makeTransport: (settings: MailSettings) => MailTransport = smtpTransport,
): JobDefinition {
  const transport = settings === null ? null : makeTransport(settings);
  return {
    name: MAIL_SEND_JOB,
    description: 'admin.jobs.catalog.mailSend',
    cron: '* * * * *',
    // A failed mail is retried by the outbox's own schedule (next_attempt_at), not by re-running the job.
    retry: { limit: 0 },
    timeoutSeconds: 600,
    handler: async ({ ctx, signal }) => ({ ...(await sendDueMails(ctx, settings, transport, signal)) }),
  };
}
