/**
 * Runs a pull: its query for a period (read-only, with a timeout) → the rows → the pull's mapping profile →
 * the checked import of mapped values that every import goes through (units, elements, numbers, data-quality
 * rules, approval locks; the batch can be undone). A dry run writes nothing and reports what would be imported.
 * Every run is recorded (`pull_run`) with rows read, values imported and its problems by code; a failure at any
 * step (connect, login, query, mapping, the data check) writes no value and is recorded; the alert rule
 * `pull-failed` (core/alerts/rules/pull-failed.ts) raises an alert while a pull's latest run has failed. While it runs its phase (connecting, querying, importing) is kept for the page.
 */

import { systemPrincipal } from '../../core/access/principal.ts';
import { type ImportProfile, importProfileSchema } from '../../core/contracts/import-profiles.ts';
import type { PullRunResource } from '../../core/contracts/pulls.ts';
import { conflict, isProblemError } from '../../core/errors/problem.ts';
import { nextPeriod, parsePeriod } from '../../core/periods/index.ts';
import { type PullPeriodWindow, pullPeriodFor } from '../../core/pulls/pull-period.ts';
import {
  claimQueuedPullRun,
  findPullConnection,
  findPullDefinition,
  findPullRun,
  finishPullRun,
  hasRunningPullRun,
  insertPullRun,
  listPullRuns,
  type PullDefinitionRecord,
  setPullRunPhase,
} from '../../db/repositories/pull.repository.ts';
import { writeTable } from '../../ingest/index.ts';
import type { TableCellValue } from '../../ingest/templates.ts';
import type { Actor, ServerContext } from '../context.ts';
import { importWithProfile } from '../import-profiles/profile-import.service.ts';
import { commitWrite } from '../services/commit-write.ts';
import { plainCell } from './drivers/driver.ts';
import { toRunResource } from './pull-resources.ts';
import type { PullRunQueue } from './pull-run-queue.ts';
import { openableConnection, requirePull } from './pulls.service.ts';
import { type PullRows, runPullQuery } from './run-pull-query.ts';

/** The column a run adds with the period id, for a profile that names no period column of its own. */
export const PULL_PERIOD_COLUMN = '__pull_period';

export interface PullRunRequest {
  readonly trigger: 'schedule' | 'user';
  readonly dryRun: boolean;
  /** The period to read; absent: the one the pull's offset names for `dueAt` (or now). */
  readonly period?: string;
  /** The schedule occurrence this run is for (a scheduled run). */
  readonly dueAt?: Date;
}

interface RunProblem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

function windowOf(pull: PullDefinitionRecord, request: PullRunRequest, now: Date): PullPeriodWindow {
  if (request.period === undefined) {
    return pullPeriodFor(request.dueAt ?? now, pull.timeZone, pull.periodType, pull.periodOffset);
  }
  const period = parsePeriod(request.period, ['period']);
  return {
    period: period.id,
    period_start: period.startDate,
    period_end: parsePeriod(nextPeriod(period.id)).startDate,
  };
}

/** The profile as a pull applies it: reading the CSV the rows become; the run's period when it names none. */
function pullProfile(stored: unknown, type: PullDefinitionRecord['periodType']): ImportProfile {
  const profile = importProfileSchema.parse(stored);
  return {
    ...profile,
    source: { encoding: 'utf-8', delimiter: ',' },
    period: profile.period ?? { column: PULL_PERIOD_COLUMN, format: 'auto', type },
  };
}

function cellOf(value: unknown): TableCellValue {
  const plain = plainCell(value);
  if (plain === null || plain === undefined) return null;
  if (typeof plain === 'number' || typeof plain === 'string') return plain;
  if (typeof plain === 'bigint' || typeof plain === 'boolean') return String(plain);
  return JSON.stringify(plain);
}

/** The rows as the CSV the profile import reads, with the period column added. */
function rowsAsCsv(rows: PullRows, period: string): Promise<Uint8Array> {
  const columns = [...rows.columns, PULL_PERIOD_COLUMN];
  return writeTable(
    columns,
    rows.rows.map((row) => [...rows.columns.map((c) => cellOf(row[c])), period]),
    'csv',
  );
}

function problemOf(error: unknown): RunProblem {
  if (!isProblemError(error)) throw error;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.problem.params)) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  return { code: error.problem.code, params };
}

/** Records a run about to happen (and audits it); the run's period is fixed here. */
async function beginPullRun(
  ctx: ServerContext,
  actor: Actor,
  pull: PullDefinitionRecord,
  request: PullRunRequest,
  phase: 'queued' | 'connecting',
): Promise<{ readonly runId: number; readonly period: string }> {
  const window = windowOf(pull, request, ctx.now());
  const runId = await commitWrite(ctx, actor, async (trx) => ({
    result: await insertPullRun(trx, {
      pullId: pull.id,
      rootId: pull.rootId,
      trigger: request.trigger,
      dryRun: request.dryRun,
      period: window.period,
      dueAt: request.dueAt ?? null,
      startedBy: actor.id,
      at: ctx.now(),
      phase,
    }),
    audit: [
      {
        action: request.dryRun ? 'dry-run' : 'run',
        entity: 'pull',
        entityKey: `${pull.unitCode}/${pull.code}`,
        newValue: { period: window.period, trigger: request.trigger },
        orgUnitId: pull.unitId,
      },
    ],
    touched: [],
  }));
  return { runId, period: window.period };
}

async function recordedRun(ctx: ServerContext, runId: number, pull: string): Promise<PullRunResource> {
  const run = await findPullRun(ctx.db.kysely, runId);
  if (run === undefined) throw new Error(`pull run ${runId} vanished`);
  return toRunResource(run, pull);
}

/**
 * Does a recorded run: query → rows → profile → checked import; records rows read as soon as they are read,
 * then the outcome.
 */
async function executePullRun(
  ctx: ServerContext,
  actor: Actor,
  pull: PullDefinitionRecord,
  runId: number,
  request: PullRunRequest,
): Promise<PullRunResource> {
  const db = ctx.db.kysely;
  const window = windowOf(pull, request, ctx.now());
  let rowsRead: number | null = null;
  let report: Awaited<ReturnType<typeof importWithProfile>> | null = null;
  let problems: RunProblem[] = [];
  try {
    const connection = await findPullConnection(db, pull.connectionId);
    if (connection === undefined)
      throw conflict('pull.connection-not-found', { connection: pull.connectionCode });
    const profile = pullProfile(pull.profile, pull.periodType);
    const rows = await runPullQuery(openableConnection(ctx, connection), pull.query, window, {
      timeoutMs: pull.timeoutSeconds * 1000,
      onQuerying: () => void setPullRunPhase(db, runId, 'querying').catch(() => undefined),
    });
    rowsRead = rows.rows.length;
    await setPullRunPhase(db, runId, 'importing', rowsRead);
    report = await importWithProfile(ctx, actor, {
      bytes: await rowsAsCsv(rows, window.period),
      fileName: `pull ${pull.code} ${window.period}`,
      profile,
      dryRun: request.dryRun,
    });
    if (report.errorCount > 0) {
      const first = report.errors[0];
      problems = [
        {
          code: 'pull.mapping-failed',
          params: {
            count: report.errorCount,
            first: first === undefined ? '' : `${first.column} (${first.row}): ${first.reason ?? first.code}`,
          },
        },
      ];
    }
  } catch (error) {
    problems = [problemOf(error)];
  }

  const failed = problems.length > 0;
  const valuesImported =
    report === null || failed
      ? report === null
        ? null
        : 0
      : report.values.toCreate + report.values.toUpdate;
  await finishPullRun(db, runId, {
    status: failed ? 'failed' : 'succeeded',
    rowsRead,
    valuesImported,
    report,
    problems,
    at: ctx.now(),
  });
  return recordedRun(ctx, runId, pull.code);
}

/**
 * Runs a pull now, as `actor` (the schedule's job, a test), waiting for it, and returns the recorded run.
 *
 * @example await runPull(ctx, actor, pull, { trigger: 'user', dryRun: true }) // { status: 'succeeded', rowsRead: 12, … }
 */
export async function runPull(
  ctx: ServerContext,
  actor: Actor,
  pull: PullDefinitionRecord,
  request: PullRunRequest,
): Promise<PullRunResource> {
  const { runId, period } = await beginPullRun(ctx, actor, pull, request, 'connecting');
  // The period fixed when the run was recorded, even if the clock passed into the next one since.
  return executePullRun(ctx, actor, pull, runId, { ...request, period });
}

async function requireIdle(ctx: ServerContext, pull: PullDefinitionRecord): Promise<void> {
  const since = new Date(ctx.now().getTime() - (pull.timeoutSeconds + 300) * 1000);
  if (await hasRunningPullRun(ctx.db.kysely, pull.id, since)) throw conflict('pull.already-running', {});
}

type RunBody = { readonly dryRun: boolean; readonly period?: string | undefined };

const userRequest = (body: RunBody): PullRunRequest => ({
  trigger: 'user',
  dryRun: body.dryRun,
  ...(body.period === undefined ? {} : { period: body.period }),
});

/** A run by hand, waited for (tests, the CLI): 409 while another run of the pull is going. */
export async function runPullAs(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: RunBody,
): Promise<PullRunResource> {
  const pull = await requirePull(ctx, actor, id);
  await requireIdle(ctx, pull);
  return runPull(ctx, actor, pull, userRequest(body));
}

/**
 * A run by hand from the page (`POST /api/pulls/{id}/run`, 202): recorded as `queued` and handed to the
 * `pull-run` job (or, without a scheduler or with it off, run in this process); the page follows its phase in the
 * run history. 409 while another run of the pull is going. A queue that refuses it leaves the run failed (`pull.not-queued`).
 */
export async function queuePullRunAs(
  ctx: ServerContext,
  queue: PullRunQueue,
  actor: Actor,
  id: number,
  body: RunBody,
): Promise<PullRunResource> {
  const pull = await requirePull(ctx, actor, id);
  await requireIdle(ctx, pull);
  const request = userRequest(body);
  const { runId } = await beginPullRun(ctx, actor, pull, request, 'queued');
  try {
    await queue.submit(runId, () => runQueuedPull(ctx, runId));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await finishPullRun(ctx.db.kysely, runId, {
      status: 'failed',
      rowsRead: null,
      valuesImported: null,
      report: null,
      problems: [{ code: 'pull.not-queued', params: { message: reason } }],
      at: ctx.now(),
    });
  }
  return recordedRun(ctx, runId, pull.code);
}

/**
 * Does a queued run (the `pull-run` job's handler): claims it, so a job run twice runs it once, and runs it as
 * the user who asked (access was checked when it was asked for; the audit names that user). Null when the run
 * was taken already, or its pull deleted.
 */
export async function runQueuedPull(ctx: ServerContext, runId: number): Promise<PullRunResource | null> {
  const db = ctx.db.kysely;
  const run = await findPullRun(db, runId);
  if (run === undefined) return null;
  const pull = await findPullDefinition(db, run.pullId);
  if (pull === undefined || !(await claimQueuedPullRun(db, runId))) return null;
  const actor: Actor = { id: run.startedBy, address: null, principal: systemPrincipal(run.startedBy) };
  return executePullRun(ctx, actor, pull, runId, {
    trigger: run.trigger,
    dryRun: run.dryRun,
    period: run.period,
  });
}

/** A pull's runs, newest first. */
export async function listRunsAs(ctx: ServerContext, actor: Actor, id: number): Promise<PullRunResource[]> {
  const pull = await requirePull(ctx, actor, id);
  return (await listPullRuns(ctx.db.kysely, pull.id)).map((r) => toRunResource(r, pull.code));
}
