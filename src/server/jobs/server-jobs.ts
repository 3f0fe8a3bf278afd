/**
 * The jobs the server registers at start-up: add a feature's job here (./README.md). Each job is a file of its
 * own exporting a `JobDefinition` (or a function making one from the feature's settings).
 */
import { alertDigestJob } from '../alerts/alert-digest.job.ts';
import { alertEvaluationJob } from '../alerts/alert-evaluation.job.ts';
import { outboxMailer } from '../alerts/alert-mail.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { mailSendJob } from '../mail/mail-send.job.ts';
import type { MailSettings } from '../mail/mail-settings.ts';
import type { MailWaker } from '../mail/mail-waker.ts';
import { pullRunJob } from '../pulls/pull-run.job.ts';
import type { PullRunQueue } from '../pulls/pull-run-queue.ts';
import { pullScheduleJob } from '../pulls/pull-schedule.job.ts';
import { reportMailJob } from '../reports/report-mail.job.ts';
import { surveyReminderJob } from '../surveys/survey-reminder.job.ts';
import type { JobScheduler } from './job-scheduler.ts';
import { sessionCleanupJob } from './session-cleanup.job.ts';

/** What the jobs need of the server's settings. */
export interface ServerJobOptions {
  /** The SMTP server; null or absent: e-mail is off (mails are noted `not-configured`). */
  readonly mail?: MailSettings | null;
  /** Attached to the mail job, so a commit that queued mail can ask for a run at once. */
  readonly mailWaker?: MailWaker;
  /** Attached to the `pull-run` job when this server runs jobs, so a pull run by hand is queued there. */
  readonly pullRuns?: PullRunQueue;
  /** The evaluation engine, for the alert job; a scheduler built without one (its own tests) has no alert jobs (evaluation, digest). */
  readonly engine?: EvaluationEngine;
  /** The installation's time zone (HEALTHBSC_TIMEZONE): the day of the alert digest. Default UTC. */
  readonly timezone?: string;
  /** The hour of the daily alert digest (HEALTHBSC_ALERT_DIGEST_HOUR). */
  readonly alertDigestHour?: number;
}

/** Registers every job of the product on the scheduler (before it starts). */
export function registerServerJobs(scheduler: JobScheduler, options: ServerJobOptions = {}): void {
  scheduler.register(sessionCleanupJob());
  scheduler.register(surveyReminderJob());
  scheduler.register(reportMailJob());
  scheduler.register(pullScheduleJob());
  const pullRun = scheduler.register(pullRunJob());
  // A run by hand is waited for by someone on the page. A server that runs no jobs (HEALTHBSC_JOBS=off) cannot
  // know that another instance does, so it runs the pull itself, as it does a file upload, rather than queue
  // a run that might wait forever.
  if (scheduler.runsJobs) {
    options.pullRuns?.attach(async (runId) => {
      await pullRun.enqueue({ runId });
    });
  }
  const mail = scheduler.register(mailSendJob(options.mail ?? null));
  options.mailWaker?.attach(() => mail.enqueue({}));
  if (options.engine !== undefined) {
    scheduler.register(alertEvaluationJob(options.engine, { mailer: outboxMailer() }));
    scheduler.register(
      alertDigestJob({
        timeZone: options.timezone ?? 'UTC',
        ...(options.alertDigestHour === undefined ? {} : { hour: options.alertDigestHour }),
      }),
    );
  }
}
