/**
 * The job scheduler's load on PGlite, where one session serves every query of the server
 * (src/server/jobs/job-timing.ts): API-sized queries run back to back in the server's setup (PGlite in a worker
 * thread) while the scheduler idles with ten registered jobs, with this product's timing and with pg-boss's
 * defaults, and without a scheduler for reference.
 *
 * Prints per case: the queries' p50, p99 and worst time (a query that arrives during a scheduler statement waits
 * for it), how many statements the scheduler ran per minute, and how long they took.
 *
 * Run: `node bench/jobs.bench.ts [--seconds 30]` (each case measures that long, after a settling pause).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ChangeBus } from '../src/server/change-bus.ts';
import { JobScheduler } from '../src/server/jobs/job-scheduler.ts';
import type { JobTiming } from '../src/server/jobs/job-timing.ts';
import { percentile, printTable, type Row } from './report.ts';

/** pg-boss's own defaults, for comparison: a poll every 2 s per job, upkeep every minute. */
const PG_BOSS_DEFAULTS: Partial<JobTiming> = {
  pollingSeconds: 2,
  superviseSeconds: 60,
  monitorSeconds: 60,
  maintenanceSeconds: 600,
  queueCacheSeconds: 60,
};

interface Case {
  readonly label: string;
  /** null: no scheduler. */
  readonly timing: Partial<JobTiming> | null;
}

const CASES: readonly Case[] = [
  { label: 'no scheduler', timing: null },
  { label: "scheduler, this product's PGlite timing", timing: {} },
  { label: "scheduler, pg-boss's default timing", timing: PG_BOSS_DEFAULTS },
];

const JOBS = 10;
const SETTLE_MS = 3_000;

/** The database with `runSql` (the scheduler's only way in) timed. */
function timed(db: Db, durations: number[]): Db {
  return {
    ...db,
    runSql: async (text, values) => {
      const started = performance.now();
      try {
        return await db.runSql(text, values);
      } finally {
        durations.push(performance.now() - started);
      }
    },
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function measure(testCase: Case, windowMs: number): Promise<Row> {
  const db = await connect({ engine: 'pglite', dataDir: null, worker: true });
  const durations: number[] = [];
  let scheduler: JobScheduler | null = null;
  try {
    await migrateToLatest(db);
    if (testCase.timing !== null) {
      const ctx = { db: timed(db, durations), now: () => new Date(), changes: new ChangeBus() };
      scheduler = new JobScheduler(ctx, {
        timezone: 'UTC',
        timing: testCase.timing,
        log: { error: () => {}, warn: () => {} },
      });
      for (let i = 0; i < JOBS; i++) {
        scheduler.register({
          name: `bench-${i}`,
          description: 'admin.jobs.catalog.sessionCleanup',
          cron: '0 3 * * *',
          handler: async () => undefined,
        });
      }
      await scheduler.start();
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    durations.length = 0;
    const latencies: number[] = [];
    const end = performance.now() + windowMs;
    while (performance.now() < end) {
      const started = performance.now();
      await sql`select count(*)::int as n from audit_log where entity = ${'org_unit'}`.execute(db.kysely);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const perMinute = (durations.length / windowMs) * 60_000;
    const statementTime =
      durations.length === 0
        ? 'none'
        : `${ms(durations.reduce((sum, d) => sum + d, 0) / durations.length)} mean, ${ms(Math.max(...durations))} worst`;
    return {
      engine: 'pglite (worker)',
      figure: `API query, ${testCase.label}`,
      value: `p50 ${ms(percentile(latencies, 0.5))}`,
      target: 'p99 within 1 ms of no scheduler',
      detail:
        `p99 ${ms(percentile(latencies, 0.99))}, worst ${ms(latencies.at(-1) ?? Number.NaN)}, ` +
        `${latencies.length} queries; scheduler: ${perMinute.toFixed(1)} statements/min (${statementTime})`,
    };
  } finally {
    await scheduler?.stop();
    await db.close();
  }
}

/** Each case in turn (they would disturb each other side by side). */
export async function runJobsBench(options: { readonly seconds: number }): Promise<Row[]> {
  const rows: Row[] = [];
  for (const testCase of CASES) rows.push(await measure(testCase, options.seconds * 1000));
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' } } });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a positive number');
  printTable(
    `Job scheduler: API queries on PGlite while ${JOBS} jobs idle (issue: groundwork, job scheduler)`,
    await runJobsBench({ seconds }),
  );
}
