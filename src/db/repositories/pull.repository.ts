/**
 * Database pulls (migration 202612080200_database_pulls): connections (`pull_connection`, the password as
 * stored: encrypted), pulls (`pull_definition`, the mapping profile as JSON) and their runs (`pull_run`). Records
 * carry their unit's code and path (for the access check) and the connection's code.
 */
import { sql } from 'kysely';
import type { JsonValue } from '../schema.ts';
import type { Executor } from './query-helpers.ts';

export type PullKindValue = 'postgres' | 'mysql' | 'sqlserver' | 'oracle';
export type PullOptions = Readonly<Record<string, string | number | boolean>>;

export interface PullConnectionRecord {
  readonly id: number;
  readonly rootId: number;
  readonly unitId: number;
  readonly unitCode: string;
  readonly unitPath: string;
  readonly code: string;
  readonly kind: PullKindValue;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly passwordEncrypted: string;
  readonly options: PullOptions;
  readonly updatedAt: Date;
}

export interface PullConnectionRow {
  readonly unitId: number;
  readonly rootId: number;
  readonly code: string;
  readonly kind: PullKindValue;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly passwordEncrypted: string;
  readonly options: PullOptions;
}

function optionsOf(value: JsonValue | null): PullOptions {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

function selectConnections(db: Executor) {
  return db
    .selectFrom('pull_connection as c')
    .innerJoin('org_unit as u', 'u.id', 'c.org_unit_id')
    .select([
      'c.id',
      'c.org_unit_id',
      'c.root_id',
      'u.code as unit_code',
      'u.path as unit_path',
      'c.code',
      'c.kind',
      'c.host',
      'c.port',
      'c.database_name',
      'c.user_name',
      'c.password_encrypted',
      'c.options',
      'c.updated_at',
    ]);
}

type ConnectionRow = Awaited<ReturnType<ReturnType<typeof selectConnections>['execute']>>[number];

function toConnection(r: ConnectionRow): PullConnectionRecord {
  return {
    id: Number(r.id),
    unitId: Number(r.org_unit_id),
    rootId: Number(r.root_id),
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    code: r.code,
    kind: r.kind,
    host: r.host,
    port: r.port,
    database: r.database_name,
    user: r.user_name,
    passwordEncrypted: r.password_encrypted,
    options: optionsOf(r.options),
    updatedAt: r.updated_at,
  };
}

/** Every connection, or those of one unit, by unit and code. */
export async function listPullConnections(db: Executor, unitId?: number): Promise<PullConnectionRecord[]> {
  const rows = await selectConnections(db)
    .$if(unitId !== undefined, (q) => q.where('c.org_unit_id', '=', unitId ?? 0))
    .orderBy('u.code')
    .orderBy('c.code')
    .execute();
  return rows.map(toConnection);
}

export async function findPullConnection(
  db: Executor,
  id: number,
): Promise<PullConnectionRecord | undefined> {
  const row = await selectConnections(db).where('c.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toConnection(row);
}

export async function findPullConnectionByCode(
  db: Executor,
  unitId: number,
  code: string,
): Promise<PullConnectionRecord | undefined> {
  const row = await selectConnections(db)
    .where('c.org_unit_id', '=', unitId)
    .where('c.code', '=', code)
    .executeTakeFirst();
  return row === undefined ? undefined : toConnection(row);
}

export async function insertPullConnection(
  trx: Executor,
  row: PullConnectionRow & { readonly createdBy: string; readonly at: Date },
): Promise<number> {
  const inserted = await trx
    .insertInto('pull_connection')
    .values({
      org_unit_id: row.unitId,
      root_id: row.rootId,
      code: row.code,
      kind: row.kind,
      host: row.host,
      port: row.port,
      database_name: row.database,
      user_name: row.user,
      password_encrypted: row.passwordEncrypted,
      options: JSON.stringify(row.options),
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updatePullConnection(
  trx: Executor,
  id: number,
  row: PullConnectionRow & { readonly at: Date },
): Promise<void> {
  await trx
    .updateTable('pull_connection')
    .set({
      code: row.code,
      kind: row.kind,
      host: row.host,
      port: row.port,
      database_name: row.database,
      user_name: row.user,
      password_encrypted: row.passwordEncrypted,
      options: JSON.stringify(row.options),
      updated_at: row.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deletePullConnection(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('pull_connection').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Pulls

export interface PullDefinitionRow {
  readonly unitId: number;
  readonly rootId: number;
  readonly code: string;
  readonly connectionId: number;
  readonly query: string;
  readonly profile: JsonValue;
  readonly schedule: string | null;
  readonly timeZone: string;
  readonly periodType: 'month' | 'quarter' | 'year';
  readonly periodOffset: number;
  readonly timeoutSeconds: number;
  readonly enabled: boolean;
}

export interface PullDefinitionRecord extends PullDefinitionRow {
  readonly id: number;
  readonly unitId: number;
  readonly unitCode: string;
  readonly unitPath: string;
  readonly connectionCode: string;
  readonly lastDueAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

function selectPulls(db: Executor) {
  return db
    .selectFrom('pull_definition as p')
    .innerJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .innerJoin('pull_connection as c', 'c.id', 'p.connection_id')
    .select([
      'p.id',
      'p.org_unit_id',
      'p.root_id',
      'u.code as unit_code',
      'u.path as unit_path',
      'p.code',
      'p.connection_id',
      'c.code as connection_code',
      'p.query',
      'p.profile',
      'p.schedule',
      'p.time_zone',
      'p.period_type',
      'p.period_offset',
      'p.timeout_seconds',
      'p.enabled',
      'p.last_due_at',
      'p.created_at',
      'p.updated_at',
    ]);
}

type PullRow = Awaited<ReturnType<ReturnType<typeof selectPulls>['execute']>>[number];

function toPull(r: PullRow): PullDefinitionRecord {
  return {
    id: Number(r.id),
    unitId: Number(r.org_unit_id),
    rootId: Number(r.root_id),
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    code: r.code,
    connectionId: Number(r.connection_id),
    connectionCode: r.connection_code,
    query: r.query,
    profile: r.profile,
    schedule: r.schedule,
    timeZone: r.time_zone,
    periodType: r.period_type,
    periodOffset: r.period_offset,
    timeoutSeconds: r.timeout_seconds,
    enabled: r.enabled,
    lastDueAt: r.last_due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every pull, or those of one unit; `scheduled`: only the enabled ones with a schedule. */
export async function listPullDefinitions(
  db: Executor,
  filter: { readonly unitId?: number; readonly scheduled?: boolean } = {},
): Promise<PullDefinitionRecord[]> {
  const rows = await selectPulls(db)
    .$if(filter.unitId !== undefined, (q) => q.where('p.org_unit_id', '=', filter.unitId ?? 0))
    .$if(filter.scheduled === true, (q) =>
      q.where('p.enabled', '=', true).where('p.schedule', 'is not', null),
    )
    .orderBy('u.code')
    .orderBy('p.code')
    .execute();
  return rows.map(toPull);
}

export async function findPullDefinition(
  db: Executor,
  id: number,
): Promise<PullDefinitionRecord | undefined> {
  const row = await selectPulls(db).where('p.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toPull(row);
}

export async function countPullsOfConnection(db: Executor, connectionId: number): Promise<number> {
  const row = await db
    .selectFrom('pull_definition')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('connection_id', '=', connectionId)
    .executeTakeFirstOrThrow();
  return row.n;
}

function pullColumns(row: PullDefinitionRow) {
  return {
    code: row.code,
    connection_id: row.connectionId,
    query: row.query,
    profile: JSON.stringify(row.profile),
    schedule: row.schedule,
    time_zone: row.timeZone,
    period_type: row.periodType,
    period_offset: row.periodOffset,
    timeout_seconds: row.timeoutSeconds,
    enabled: row.enabled,
  };
}

/** Adds a pull; its schedule counts from `lastDueAt` (its creation), so no past occurrence runs. */
export async function insertPullDefinition(
  trx: Executor,
  row: PullDefinitionRow & { readonly createdBy: string; readonly at: Date },
): Promise<number> {
  const inserted = await trx
    .insertInto('pull_definition')
    .values({
      org_unit_id: row.unitId,
      root_id: row.rootId,
      ...pullColumns(row),
      last_due_at: row.at,
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Changes a pull; a changed schedule counts from now (`lastDueAt`), so no occurrence of the past runs. */
export async function updatePullDefinition(
  trx: Executor,
  id: number,
  row: PullDefinitionRow & { readonly at: Date; readonly lastDueAt: Date | null },
): Promise<void> {
  await trx
    .updateTable('pull_definition')
    .set({ ...pullColumns(row), last_due_at: row.lastDueAt, updated_at: row.at })
    .where('id', '=', id)
    .execute();
}

export async function deletePullDefinition(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('pull_definition').where('id', '=', id).execute();
}

/**
 * Marks a schedule occurrence as taken, if no one took it since `previous` was read (two server instances
 * passing at once run it once); true when this caller took it.
 */
export async function claimPullOccurrence(
  trx: Executor,
  id: number,
  previous: Date | null,
  dueAt: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('pull_definition')
    .set({ last_due_at: dueAt })
    .where('id', '=', id)
    .where(previous === null ? sql<boolean>`last_due_at is null` : sql<boolean>`last_due_at = ${previous}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------------------
// Runs

export interface PullRunRecord {
  readonly id: number;
  readonly pullId: number;
  readonly rootId: number;
  readonly trigger: 'schedule' | 'user';
  readonly dryRun: boolean;
  readonly period: string;
  readonly dueAt: Date | null;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly phase: string | null;
  readonly rowsRead: number | null;
  readonly valuesImported: number | null;
  readonly report: JsonValue | null;
  readonly problems: JsonValue | null;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

export async function insertPullRun(
  trx: Executor,
  row: {
    readonly pullId: number;
    readonly rootId: number;
    readonly trigger: 'schedule' | 'user';
    readonly dryRun: boolean;
    readonly period: string;
    readonly dueAt: Date | null;
    readonly startedBy: string;
    readonly at: Date;
    /** `queued`: asked for by hand, waiting for the `pull-run` job; default `connecting` (run at once). */
    readonly phase?: 'queued' | 'connecting';
  },
): Promise<number> {
  const inserted = await trx
    .insertInto('pull_run')
    .values({
      pull_id: row.pullId,
      root_id: row.rootId,
      trigger: row.trigger,
      dry_run: row.dryRun,
      period: row.period,
      due_at: row.dueAt,
      status: 'running',
      phase: row.phase ?? 'connecting',
      problems: '[]',
      started_by: row.startedBy,
      started_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function setPullRunPhase(
  db: Executor,
  id: number,
  phase: string,
  rowsRead?: number,
): Promise<void> {
  await db
    .updateTable('pull_run')
    .set(rowsRead === undefined ? { phase } : { phase, rows_read: rowsRead })
    .where('id', '=', id)
    .execute();
}

/** Takes a queued run for the job running it; false when it was taken (or ended) already. */
export async function claimQueuedPullRun(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('pull_run')
    .set({ phase: 'connecting' })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('phase', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishPullRun(
  trx: Executor,
  id: number,
  row: {
    readonly status: 'succeeded' | 'failed';
    readonly rowsRead: number | null;
    readonly valuesImported: number | null;
    /** Plain JSON objects (a profile import report; problems by code). */
    readonly report: object | null;
    readonly problems: readonly object[];
    readonly at: Date;
  },
): Promise<void> {
  await trx
    .updateTable('pull_run')
    .set({
      status: row.status,
      phase: null,
      rows_read: row.rowsRead,
      values_imported: row.valuesImported,
      report: row.report === null ? null : JSON.stringify(row.report),
      problems: JSON.stringify(row.problems),
      finished_at: row.at,
    })
    .where('id', '=', id)
    .execute();
}

function selectRuns(db: Executor) {
  return db.selectFrom('pull_run').selectAll();
}

type RunRow = Awaited<ReturnType<ReturnType<typeof selectRuns>['execute']>>[number];

function toRun(r: RunRow): PullRunRecord {
  return {
    id: Number(r.id),
    pullId: Number(r.pull_id),
    rootId: Number(r.root_id),
    trigger: r.trigger,
    dryRun: r.dry_run,
    period: r.period,
    dueAt: r.due_at,
    status: r.status,
    phase: r.phase,
    rowsRead: r.rows_read,
    valuesImported: r.values_imported,
    report: r.report,
    problems: r.problems,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** A pull's runs, newest first. */
export async function listPullRuns(db: Executor, pullId: number, limit = 50): Promise<PullRunRecord[]> {
  const rows = await selectRuns(db)
    .where('pull_id', '=', pullId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export async function findPullRun(db: Executor, id: number): Promise<PullRunRecord | undefined> {
  const row = await selectRuns(db).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRun(row);
}

/** Whether a run of the pull is still going (started after `since`: older ones died with their server). */
export async function hasRunningPullRun(db: Executor, pullId: number, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('pull_run')
    .select('id')
    .where('pull_id', '=', pullId)
    .where('status', '=', 'running')
    .where('started_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** The pulls of these units whose latest run failed: their unit, code, period read and first problem code. */
export async function listFailedPulls(
  db: Executor,
  unitIds: readonly number[],
): Promise<{ orgUnitId: number; pull: string; period: string; problem: string }[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ org_unit_id: number; code: string; period: string; problems: JsonValue }>`
    select p.org_unit_id, p.code, r.period, r.problems
    from pull_definition p
    join lateral (
      select status, period, problems from pull_run
      where pull_id = p.id and status <> 'running'
      order by started_at desc, id desc limit 1
    ) r on true
    where r.status = 'failed' and p.org_unit_id in (${sql.join(unitIds)})
    order by p.org_unit_id, p.code
  `.execute(db);
  return rows.map((r) => {
    const first = Array.isArray(r.problems) ? r.problems[0] : undefined;
    const code =
      typeof first === 'object' && first !== null && !Array.isArray(first) ? first.code : undefined;
    return {
      orgUnitId: Number(r.org_unit_id),
      pull: r.code,
      period: r.period,
      problem: typeof code === 'string' ? code : '',
    };
  });
}
