/**
 * The job queue's history as pg-boss keeps it (schema `pgboss`, migration 202612060630_job_queue), read for the
 * administrators' jobs panel. pg-boss writes these rows; this file only reads them. One row is one run of a
 * job (a queue in pg-boss's words is one registered job), kept until pg-boss's retention deletes it.
 *
 * The tables are not in schema.ts: they are pg-boss's, their shape follows its version, and only these
 * read-only queries touch them.
 */
import { sql } from 'kysely';
import type { JobRunState } from '../../core/contracts/jobs.ts';
import type { Executor } from './query-helpers.ts';

export type { JobRunState } from '../../core/contracts/jobs.ts';

/** The PostgreSQL schema holding pg-boss's tables, apart from ours (so the backup, which copies ours, skips it). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export interface JobRunRecord {
  readonly id: string;
  readonly name: string;
  readonly state: JobRunState;
  /** What it was sent with (the scheduler puts the trigger and the due time there). */
  readonly data: unknown;
  /** When its latest attempt started. */
  readonly startedAt: Date;
  /** When it completed, failed for good or was cancelled. */
  readonly finishedAt: Date | null;
  /** The handler's result, or the error it threw (pg-boss stores it serialised, `{ name, message, stack }`). */
  readonly output: unknown;
  /** Attempts before this one. */
  readonly retryCount: number;
}

export interface JobRunCounts {
  /** Waiting to run: new, or failed and waiting for a retry. */
  readonly queued: number;
  /** Failed for good (every retry used), among the runs still kept. */
  readonly failed: number;
}

interface JobRunRow {
  id: string;
  name: string;
  state: JobRunState;
  data: unknown;
  started_on: Date;
  completed_on: Date | null;
  output: unknown;
  retry_count: number;
}

/**
 * Per job, how many runs wait and how many failed for good. Jobs with no kept run are absent from the map.
 *
 * @example (await countJobRuns(db, ['session-cleanup'])).get('session-cleanup') // { queued: 0, failed: 1 }
 */
export async function countJobRuns(
  db: Executor,
  names: readonly string[],
): Promise<Map<string, JobRunCounts>> {
  if (names.length === 0) return new Map();
  const { rows } = await sql<{ name: string; queued: number; failed: number }>`
    select name,
      (count(*) filter (where state in ('created', 'retry')))::int as queued,
      (count(*) filter (where state = 'failed'))::int as failed
    from pgboss.job
    where name = any(${[...names]}::text[])
    group by name
  `.execute(db);
  return new Map(rows.map((row) => [row.name, { queued: row.queued, failed: row.failed }]));
}

/**
 * Per job, its run that started last (running, finished, or waiting for a retry). Jobs that never started a
 * kept run are absent from the map.
 */
export async function latestJobRuns(
  db: Executor,
  names: readonly string[],
): Promise<Map<string, JobRunRecord>> {
  if (names.length === 0) return new Map();
  const { rows } = await sql<JobRunRow>`
    select distinct on (name) id::text as id, name, state::text as state, data, started_on, completed_on, output,
      retry_count
    from pgboss.job
    where name = any(${[...names]}::text[]) and started_on is not null
    order by name, started_on desc, created_on desc
  `.execute(db);
  return new Map(
    rows.map((row) => [
      row.name,
      {
        id: row.id,
        name: row.name,
        state: row.state,
        data: row.data,
        startedAt: row.started_on,
        finishedAt: row.completed_on,
        output: row.output,
        retryCount: row.retry_count,
      },
    ]),
  );
}
