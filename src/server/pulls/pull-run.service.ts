/**
 * Runs a pull: its query for a period (read-only, with a timeout) → the rows → the pull's mapping profile →
 * the checked import of mapped values that every import goes through (units, elements, numbers, data-quality
 * rules, approval locks; the batch can be undone). A dry run writes nothing and reports what would be imported.
 * Every run is recorded (`pull_run`) with rows read, values imported and its problems by code; a failure at any
 * step (connect, login, query, mapping, the data check) writes no value and is recorded; the alert rule
 * `pull-failed` (core/alerts/rules/pull-failed.ts) raises an alert while a pull's latest run has failed. While it runs its phase (connecting, querying, importing) is kept for the page.
 */
import { type ImportProfile, importProfileSchema } from '../../core/contracts/import-profiles.ts';
import type { PullRunResource } from '../../core/contracts/pulls.ts';
import { conflict, isProblemError } from '../../core/errors/problem.ts';
import { nextPeriod, parsePeriod } from '../../core/periods/index.ts';
import { type PullPeriodWindow, pullPeriodFor } from '../../core/pulls/pull-period.ts';
import {
  findPullConnection,
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

/**
 * Runs a pull now, as `actor` (the user who asked, or the schedule's job), and returns the recorded run.
 *
 * @example await runPull(ctx, actor, pull, { trigger: 'user', dryRun: true }) // { status: 'succeeded', rowsRead: 12, … }
 */
export async function runPull(
  ctx: ServerContext,
  actor: Actor,
  pull: PullDefinitionRecord,
  request: PullRunRequest,
): Promise<PullRunResource> {
  const db = ctx.db.kysely;
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
    await setPullRunPhase(db, runId, 'importing');
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
  const run = await findPullRun(db, runId);
  if (run === undefined) throw new Error(`pull run ${runId} vanished`);
  return toRunResource(run, pull.code);
}

/** A run by hand (`POST /api/pulls/{id}/run`): 409 while another run of the pull is going. */
export async function runPullAs(
  ctx: ServerContext,
  actor: Actor,
  id: number,
  body: { readonly dryRun: boolean; readonly period?: string | undefined },
): Promise<PullRunResource> {
  const pull = await requirePull(ctx, actor, id);
  const since = new Date(ctx.now().getTime() - (pull.timeoutSeconds + 300) * 1000);
  if (await hasRunningPullRun(ctx.db.kysely, pull.id, since)) throw conflict('pull.already-running', {});
  return runPull(ctx, actor, pull, {
    trigger: 'user',
    dryRun: body.dryRun,
    ...(body.period === undefined ? {} : { period: body.period }),
  });
}

/** A pull's runs, newest first. */
export async function listRunsAs(ctx: ServerContext, actor: Actor, id: number): Promise<PullRunResource[]> {
  const pull = await requirePull(ctx, actor, id);
  return (await listPullRuns(ctx.db.kysely, pull.id)).map((r) => toRunResource(r, pull.code));
}
