/**
 * Background jobs as administrators see them (`GET /api/jobs`) and run them by hand (`POST /api/jobs/{name}/run`).
 * The jobs are the server's (alerts, reports, pulls, reminders, clean-ups register theirs); only installation
 * admins list or run them.
 */
import { z } from 'zod';
import { timestampSchema } from './common.ts';

/** A run's state, as the job queue (pg-boss) keeps it: waiting (`created`, `retry`), running, or ended. */
export const JOB_RUN_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

/** Why a run exists: its cron occurrence came due, an administrator ran it by hand, or code queued it. */
export const JOB_TRIGGERS = ['schedule', 'manual', 'enqueue'] as const;
export type JobTriggerName = (typeof JOB_TRIGGERS)[number];

export const jobRunSchema = z.object({
  id: z.string(),
  state: z.enum(JOB_RUN_STATES),
  trigger: z.enum(JOB_TRIGGERS),
  /** The cron occurrence the run is for (a scheduled run). */
  dueAt: timestampSchema.nullable(),
  startedAt: timestampSchema,
  /** When it completed or failed for good; null while running or waiting for a retry. */
  finishedAt: timestampSchema.nullable(),
  /** The error's message, for a failed attempt. */
  error: z.string().nullable(),
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: z.number().int().min(1),
});

export const jobSchema = z.object({
  /** Kebab-case, unique: `session-cleanup`. */
  name: z.string(),
  /** The web's i18n key of a sentence saying what the job does (`admin.jobs.catalog.sessionCleanup`). */
  description: z.string(),
  /** A cron expression or an RFC 5545 rule; null for a job that runs only when queued. */
  cron: z.string().nullable(),
  /** The IANA time zone the cron is read in. */
  timezone: z.string(),
  /** The next cron occurrence; null without cron. */
  nextRunAt: timestampSchema.nullable(),
  /** The run that started last (running, ended, or waiting for a retry), among the kept history. */
  lastRun: jobRunSchema.nullable(),
  /** Runs that failed for good (every retry used), among the kept history. */
  failures: z.number().int().min(0),
  /** Runs waiting: new, or waiting for a retry. */
  queued: z.number().int().min(0),
});

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  /** Whether this server runs jobs (false: HEALTHBSC_JOBS=off, another instance runs what is queued). */
  runsJobs: z.boolean(),
  /** How many days of runs are kept: `failures` and `lastRun` look no further back. */
  historyDays: z.number().int().min(1),
});

/** A job's name: kebab-case (`session-cleanup`). */
export const JOB_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const jobParamsSchema = z
  .object({ name: z.string().regex(JOB_NAME_PATTERN, 'job.name-format') })
  .strict();

export const runJobResultSchema = z.object({
  /** The queued run. */
  runId: z.string(),
  job: jobSchema,
});

export type JobRunResource = z.infer<typeof jobRunSchema>;
export type JobResource = z.infer<typeof jobSchema>;
export type JobList = z.infer<typeof jobListSchema>;
export type RunJobResult = z.infer<typeof runJobResultSchema>;
