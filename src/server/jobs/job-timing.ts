/**
 * How often the scheduler and pg-boss touch the database in the background, per engine.
 *
 * PGlite runs one query at a time for the whole server (one session, one thread, ../../db/pglite-driver.ts), so
 * every background statement is a moment in which an API query waits. pg-boss's defaults (each job's worker
 * polls every 2 s, the flow resolver every 5 s, upkeep every 60 s, an instance heartbeat every 30 s) would keep
 * that session busy for nothing. On PGlite the data directory is locked to one process, so every run is queued
 * by this process, which wakes its worker at once: polling is only the backstop for retries that wait out their
 * delay. Hence 30 s polls and a 5-minute upkeep. bench/jobs.bench.ts measures it with ten idle jobs on the
 * shared 2-core machine: 20 statements a minute of 7 ms each (13 ms at worst), about 0.2 % of the session, and
 * an API query arriving meanwhile waits for one of them at most; pg-boss's defaults ran 300 a minute of 38 ms
 * each (227 ms at worst). Handlers run outside any pg-boss statement, so a running job holds the session only
 * for its own queries.
 *
 * On PostgreSQL the pool serves queries side by side and another server instance may queue runs, so workers
 * poll every 5 s and upkeep runs every minute, as pg-boss intends.
 */
import type { Db } from '../../db/connect.ts';

export interface JobTiming {
  /** Seconds between a worker's polls for a waiting run, when nothing woke it sooner. */
  readonly pollingSeconds: number;
  /** Seconds between pg-boss's upkeep passes (queue counts, failing runs past their timeout, deletion). */
  readonly superviseSeconds: number;
  /** Seconds between counting passes, in which runs past their timeout are failed. */
  readonly monitorSeconds: number;
  /** Seconds between deletions of runs past their retention. */
  readonly maintenanceSeconds: number;
  /** Seconds between reloads of pg-boss's in-memory list of queues. */
  readonly queueCacheSeconds: number;
  /** Seconds between looks at the clock for due cron occurrences (no database work unless one is due). */
  readonly cronCheckSeconds: number;
  /** Seconds `stop()` waits for running handlers before failing them (they are retried after a restart). */
  readonly stopTimeoutSeconds: number;
}

export const JOB_TIMING: Readonly<Record<Db['engine'], JobTiming>> = {
  pglite: {
    pollingSeconds: 30,
    superviseSeconds: 300,
    monitorSeconds: 300,
    maintenanceSeconds: 3600,
    queueCacheSeconds: 600,
    cronCheckSeconds: 15,
    stopTimeoutSeconds: 30,
  },
  postgres: {
    pollingSeconds: 5,
    superviseSeconds: 60,
    monitorSeconds: 60,
    maintenanceSeconds: 600,
    queueCacheSeconds: 60,
    cronCheckSeconds: 15,
    stopTimeoutSeconds: 30,
  },
};

/** pg-boss's flow resolver (job dependencies) is not used here; it only needs to run now and then. */
export const FLOW_CHECK_SECONDS = 3600;
