/**
 * On the first of every month at 06:30 (the server's time zone), mails each subscriber the report of the
 * scorecard's latest published period, once per period (./report-subscriptions.ts).
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { mailDueReports } from './report-subscriptions.ts';

export const REPORT_MAIL_CRON = '30 6 1 * *';

/**
 * @example scheduler.register(reportMailJob());
 */
export function reportMailJob(): JobDefinition {
  return {
    name: 'report-mail',
    description: 'admin.jobs.catalog.reportMail',
    cron: REPORT_MAIL_CRON,
    retry: { limit: 2, delaySeconds: 600 },
    timeoutSeconds: 1800,
    handler: async ({ ctx, actor }) => ({ queued: await mailDueReports(ctx, actor) }),
  };
}
