/**
 * Every hour, reminds the experts of each open survey within its `remindDaysBefore` days of the deadline who
 * have not submitted: once per survey (round `deadline`, ./survey-reminders.service.ts).
 */
import type { JobDefinition } from '../jobs/job-definition.ts';
import { remindBeforeDeadlines } from './survey-reminders.service.ts';

/**
 * @example scheduler.register(surveyReminderJob());
 */
export function surveyReminderJob(): JobDefinition {
  return {
    name: 'survey-reminders',
    description: 'admin.jobs.catalog.surveyReminders',
    cron: '5 * * * *',
    retry: { limit: 2, delaySeconds: 300 },
    timeoutSeconds: 600,
    handler: async ({ ctx, actor }) => ({ reminded: await remindBeforeDeadlines(ctx, actor) }),
  };
}
