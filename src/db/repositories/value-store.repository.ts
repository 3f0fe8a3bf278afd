/**
 * Every read for write, and every write, of the tables of values (data_value, reported_value, assessment,
 * target), driven by their specs (./value-tables.ts): the same few statements serve the API's batch writes and
 * the imports, so there is ONE bulk-write path. Every statement takes its rows as PostgreSQL arrays and unnests
 * them (`… from unnest($1::bigint[], $2::text[], …)`): one statement per chunk of 10,000 rows whatever the
 * number of columns, well under PostgreSQL's 65,535 parameters, and the same SQL on PGlite and PostgreSQL 15.
 */
import { type RawBuilder, sql } from 'kysely';
import { CopyIn, copyField, copyFrom } from '../postgres-copy.ts';
import type { Executor } from './query-helpers.ts';
import {
  type Column,
  type SqlType,
  VALUE_TABLES,
  type ValueTableName,
  type ValueTableSpec,
} from './value-tables.ts';

export type { ValueTableName } from './value-tables.ts';

/** A cell of a row: the key and value columns hold numbers, text or null. */
export type Scalar = string | number | null;
export type RowValues = Readonly<Record<string, Scalar>>;

/** A stored row as a writer sees it: key, values (by column), and who last wrote it, when, under which batch. */
export interface StoredRow {
  readonly key: RowValues;
  readonly values: RowValues;
  readonly by: string;
  /** ISO timestamp. */
  readonly at: string;
  readonly batchId: number | null;
  /** null for target, which has no version column. */
  readonly version: number | null;
}

const CHUNK_ROWS = 10_000;

function column(name: string): RawBuilder<unknown> {
  return sql.id(name);
}

/**
 * One column as a PostgreSQL array literal (`{1,2,NULL}`, `{"a","b\\"c"}`), sent as a single text parameter.
 * Serialising it here is faster than letting the driver walk a JavaScript array of 100,000 values, which
 * matters for bulk loads (bench/platform.bench.ts).
 */
function arrayLiteral(values: readonly Scalar[], type: SqlType): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else if (type === 'text') parts[i] = `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    else parts[i] = String(value);
  }
  return `{${parts.join(',')}}`;
}

/** `unnest($1::bigint[], $2::text[], …) as k(a, b, …)` for the given columns of `rows`. */
function unnestRows(columns: readonly Column[], rows: readonly RowValues[]): RawBuilder<unknown> {
  const arrays = columns.map(
    (c) =>
      sql`${arrayLiteral(
        rows.map((r) => r[c.name] ?? null),
        c.type,
      )}::${sql.raw(c.type)}[]`,
  );
  return sql`unnest(${sql.join(arrays)}) as k(${sql.join(columns.map((c) => column(c.name)))})`;
}

function keyMatch(spec: ValueTableSpec, table: string): RawBuilder<unknown> {
  return sql.join(
    spec.keys.map((k) =>
      spec.nullableKeys.has(k.name)
        ? sql`coalesce(${sql.ref(`${table}.${k.name}`)}, 0) = coalesce(${sql.ref(`k.${k.name}`)}, 0)`
        : sql`${sql.ref(`${table}.${k.name}`)} = ${sql.ref(`k.${k.name}`)}`,
    ),
    sql` and `,
  );
}

function selectStored(spec: ValueTableSpec, table: string): RawBuilder<unknown> {
  const parts = [
    ...spec.keys.map((k) => sql`${sql.ref(`${table}.${k.name}`)}`),
    ...spec.values.map((v) => sql`${sql.ref(`${table}.${v.name}`)}`),
    sql`${sql.ref(`${table}.${spec.by}`)} as "_by"`,
    sql`to_json(${sql.ref(`${table}.${spec.at}`)}) #>> '{}' as "_at"`,
    spec.batch === null
      ? sql`null::bigint as "_batch"`
      : sql`${sql.ref(`${table}.${spec.batch}`)} as "_batch"`,
    spec.versioned ? sql`${sql.ref(`${table}.version`)} as "_version"` : sql`null::integer as "_version"`,
  ];
  return sql.join(parts);
}

function toStored(spec: ValueTableSpec, row: Record<string, unknown>): StoredRow {
  const pick = (columns: readonly Column[]): RowValues =>
    Object.fromEntries(columns.map((c) => [c.name, scalar(row[c.name])]));
  return {
    key: pick(spec.keys),
    values: pick(spec.values),
    by: String(row._by),
    at: String(row._at),
    batchId: typeof row._batch === 'number' ? row._batch : null,
    version: typeof row._version === 'number' ? row._version : null,
  };
}

function scalar(value: unknown): Scalar {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * The stored rows whose key columns each lie in the given sets (`col = any($1)` per column): a whole import's
 * neighbourhood in one query, used to classify rows before anything is written. Columns not named are free.
 *
 * @example await findStoredWhere(db, 'data_value', { root_id: [1], org_unit_id: [3, 4], period_id: ['2024-03'] })
 */
export async function findStoredWhere(
  db: Executor,
  table: ValueTableName,
  filters: Readonly<Record<string, readonly Scalar[]>>,
): Promise<StoredRow[]> {
  const spec = VALUE_TABLES[table];
  const conditions = Object.entries(filters).map(([name, values]) => {
    const type = spec.keys.find((k) => k.name === name)?.type ?? 'text';
    return sql`${sql.ref(`t.${name}`)} = any(${[...values]}::${sql.raw(type)}[])`;
  });
  const where = conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
  const { rows } = await sql<Record<string, unknown>>`
    select ${selectStored(spec, 't')} from ${sql.id(table)} t where ${where}
  `.execute(db);
  return rows.map((row) => toStored(spec, row));
}

/**
 * The stored rows with exactly these keys, locked until the transaction ends (`for update`), so the old values
 * an import records cannot change before it commits. `lock: false` reads without locking, for PGlite: it runs
 * one transaction at a time, so nobody can write in between, and locking 100,000 rows there costs a second.
 */
export async function lockStoredByKeys(
  trx: Executor,
  table: ValueTableName,
  keys: readonly RowValues[],
  options: { readonly lock?: boolean } = {},
): Promise<StoredRow[]> {
  const spec = VALUE_TABLES[table];
  const found: StoredRow[] = [];
  for (let start = 0; start < keys.length; start += CHUNK_ROWS) {
    const part = keys.slice(start, start + CHUNK_ROWS);
    const { rows } = await sql<Record<string, unknown>>`
      select ${selectStored(spec, 't')} from ${sql.id(table)} t
      join ${unnestRows(spec.keys, part)} on ${keyMatch(spec, 't')}
      ${options.lock === false ? sql`` : sql`for update of t`}
    `.execute(trx);
    for (const row of rows) found.push(toStored(spec, row));
  }
  return found;
}

/**
 * How many rows a write must have before `via: 'copy'` sends them through COPY: below it the staging table
 * costs more than it saves.
 */
export const COPY_MIN_ROWS = 5_000;

/** The rows in COPY's text format, `CHUNK_ROWS` lines per chunk. */
function copyText(columns: readonly Column[], rows: readonly RowValues[]): CopyIn {
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const lines: string[] = [];
    for (const row of rows.slice(start, start + CHUNK_ROWS)) {
      lines.push(`${columns.map((c) => copyField(row[c.name] ?? null)).join('\t')}\n`);
    }
    chunks.push(lines.join(''));
  }
  return new CopyIn(chunks);
}

export interface Provenance {
  readonly by: string;
  readonly at: Date;
  readonly batchId: number | null;
}

/**
 * Inserts or updates rows (key + values) in chunks, stamping who wrote them, when, and which batch; an updated
 * row's version goes up by one. With `via: 'copy'` (PostgreSQL only; the caller knows the engine) and at least
 * `COPY_MIN_ROWS` rows, the rows go through COPY into a temporary staging table and one merge statement, in
 * the caller's transaction: the same rows written, faster for bulk loads.
 */
export async function upsertRows(
  trx: Executor,
  table: ValueTableName,
  rows: readonly RowValues[],
  provenance: Provenance,
  onChunk?: (written: number) => void,
  via: 'statements' | 'copy' = 'statements',
): Promise<void> {
  const spec = VALUE_TABLES[table];
  const columns = [...spec.keys, ...spec.values];
  const names = columns.map((c) => column(c.name));
  const stamp = [column(spec.by), column(spec.at), ...(spec.batch === null ? [] : [column(spec.batch)])];
  const stampValues = [
    sql`${provenance.by}::text`,
    sql`${provenance.at.toISOString()}::timestamptz`,
    ...(spec.batch === null ? [] : [sql`${provenance.batchId}::bigint`]),
  ];
  const updates = [
    ...spec.values.map((c) => c.name),
    spec.by,
    spec.at,
    ...(spec.batch === null ? [] : [spec.batch]),
  ].map((name) => sql`${column(name)} = excluded.${column(name)}`);
  if (spec.versioned) updates.push(sql`version = ${sql.id(table)}.version + 1`);
  if (via === 'copy' && rows.length >= COPY_MIN_ROWS) {
    const stage = sql.id(`healthbsc_stage_${table}`);
    const definitions = columns.map((c) => sql`${column(c.name)} ${sql.raw(c.type)}`);
    await sql`create temporary table ${stage} (${sql.join(definitions)}) on commit drop`.execute(trx);
    await copyFrom(
      trx,
      `healthbsc_stage_${table} (${columns.map((c) => `"${c.name}"`).join(', ')})`,
      copyText(columns, rows),
    );
    await sql`
      insert into ${sql.id(table)} (${sql.join([...names, ...stamp])})
      select ${sql.join([...names.map((n) => sql`k.${n}`), ...stampValues])} from ${stage} as k
      on conflict ${sql.raw(spec.conflict)} do update set ${sql.join(updates)}
    `.execute(trx);
    // Dropped now rather than at commit, so that a second bulk write in the same transaction can stage too.
    await sql`drop table ${stage}`.execute(trx);
    onChunk?.(rows.length);
    return;
  }
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const part = rows.slice(start, start + CHUNK_ROWS);
    await sql`
      insert into ${sql.id(table)} (${sql.join([...names, ...stamp])})
      select ${sql.join([...names.map((n) => sql`k.${n}`), ...stampValues])} from ${unnestRows(columns, part)}
      on conflict ${sql.raw(spec.conflict)} do update set ${sql.join(updates)}
    `.execute(trx);
    onChunk?.(start + part.length);
  }
}

/** Puts stored rows back as they were (values, who, when, batch); the version still goes up by one. */
export async function restoreRows(
  trx: Executor,
  table: ValueTableName,
  rows: readonly StoredRow[],
): Promise<void> {
  const spec = VALUE_TABLES[table];
  const columns: Column[] = [
    ...spec.keys,
    ...spec.values,
    { name: '_by', type: 'text' },
    { name: '_at', type: 'text' },
    ...(spec.batch === null ? [] : [{ name: '_batch', type: 'bigint' } satisfies Column]),
  ];
  const sets = [
    ...spec.values.map((c) => sql`${column(c.name)} = k.${column(c.name)}`),
    sql`${column(spec.by)} = k._by`,
    sql`${column(spec.at)} = k._at::timestamptz`,
    ...(spec.batch === null ? [] : [sql`${column(spec.batch)} = k._batch`]),
    ...(spec.versioned ? [sql`version = t.version + 1`] : []),
  ];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const part = rows.slice(start, start + CHUNK_ROWS).map((r) => ({
      ...r.key,
      ...r.values,
      _by: r.by,
      _at: r.at,
      _batch: r.batchId,
    }));
    await sql`
      update ${sql.id(table)} as t set ${sql.join(sets)}
      from ${unnestRows(columns, part)} where ${keyMatch(spec, 't')}
    `.execute(trx);
  }
}

/** Deletes the rows with these keys. */
export async function deleteRows(
  trx: Executor,
  table: ValueTableName,
  keys: readonly RowValues[],
): Promise<void> {
  const spec = VALUE_TABLES[table];
  for (let start = 0; start < keys.length; start += CHUNK_ROWS) {
    await sql`
      delete from ${sql.id(table)} as t using ${unnestRows(spec.keys, keys.slice(start, start + CHUNK_ROWS))}
      where ${keyMatch(spec, 't')}
    `.execute(trx);
  }
}

/** The key columns and value columns of a table, for callers that build rows. */
export function columnsOf(table: ValueTableName): {
  readonly keys: readonly string[];
  readonly values: readonly string[];
} {
  const spec = VALUE_TABLES[table];
  return { keys: spec.keys.map((k) => k.name), values: spec.values.map((v) => v.name) };
}

/** A stable text form of a key, for maps. */
export function keyText(table: ValueTableName, key: RowValues): string {
  return VALUE_TABLES[table].keys.map((k) => String(key[k.name] ?? '')).join('\u0000');
}
