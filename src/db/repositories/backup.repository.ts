/**
 * Logical backup and restore of every table, independent of the engine: a backup taken from PGlite restores
 * into PostgreSQL and back. The backup is a sequence of JSON lines (the CLI gzips them into one file):
 *
 * ```
 * {"format":"healthbsc/backup@1","createdAt":"…","engine":"pglite","migrations":["202611230430_audit_log",…],"tables":[…]}
 * {"table":"org_unit","columns":["id","parent_id",…]}
 * {"id":1,"parent_id":null,…}            ← one row, as PostgreSQL's row_to_json writes it
 * …
 * {"end":true,"rows":{"org_unit":12,…}}  ← a backup without this line is truncated and refused
 * ```
 *
 * Rows are written by `row_to_json` and read back by `json_populate_recordset`, so each value goes through
 * PostgreSQL's own text form of its type: timestamps keep their microseconds, doubles their shortest exact
 * digits, jsonb its structure, and nothing passes through JavaScript numbers. Tables come in foreign-key
 * order (a table after the tables it references) and each table in primary-key order (an org unit after its
 * parent, whose id is smaller). The migrations table is not copied: the header names the applied migrations,
 * and restore refuses a backup that names one this database does not have. Every table is copied, the ones
 * later migrations add with them (published scores, the target history): history-keeping triggers stand aside
 * while a backup is restored, so the history is the backup's, not a second one.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import {
  type MessageParams,
  type ProblemCode,
  type ProblemParams,
  wordProblem,
} from '../../core/errors/messages/index.ts';
import type { Db } from '../connect.ts';
import type { Database } from '../schema.ts';

export const BACKUP_FORMAT = 'healthbsc/backup@1';

export interface BackupTableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly engine: Db['engine'];
  /** The applied migrations, oldest first: the schema version of the rows. */
  readonly migrations: readonly string[];
  readonly tables: readonly BackupTableInfo[];
  /** Whether password and API token hashes and sessions are in it (only when asked: `includeSecrets`). */
  readonly secretsIncluded?: boolean;
}

/**
 * What a backup leaves out unless asked to include secrets: password hashes become an argon2id marker no
 * password matches (its users set a new password after a restore, `healthbsc user …` or an admin), API token
 * hashes become unique markers no token matches (tokens are created again), and sessions (with OIDC sign-ins
 * under way) are not copied.
 */
const REDACTED_PASSWORD = '$argon2id$redacted';
const SESSION_TABLES: ReadonlySet<string> = new Set(['user_session', 'oidc_login']);

function redact(table: string, json: string, counter: { n: number }): string {
  if (table === 'app_user')
    return json.replace(/"password_hash":"[^"]*"/, `"password_hash":"${REDACTED_PASSWORD}"`);
  if (table === 'api_token') {
    counter.n += 1;
    return json.replace(/"token_hash":"[^"]*"/, `"token_hash":"redacted-${counter.n}"`);
  }
  return json;
}

export interface RestoreResult {
  readonly migrations: readonly string[];
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
}

/**
 * A backup that cannot be restored here: wrong format, newer schema, truncated, or a non-empty database. Its
 * `code` and `params` word it in either language (core/errors/messages/backup.ts); `message` is the English.
 */
export class BackupError extends Error {
  readonly code: ProblemCode;
  readonly params: MessageParams;
  constructor(...[code, params]: { [C in ProblemCode]: [code: C, params: ProblemParams<C>] }[ProblemCode]) {
    super(wordProblem(code, params));
    this.name = 'BackupError';
    this.code = code;
    this.params = params;
  }
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Kysely's tables, never backed up: the schema version travels in the header instead. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/** Rows per page when reading a table, and per insert when restoring. */
const PAGE_ROWS = 5_000;
/** Tables that a freshly migrated database already fills (a seed row), and what "still empty" means there. */
const SEEDED_EMPTY: Readonly<Record<string, string>> = {
  change_counter: 'select count(*)::int as n from change_counter where revision <> 0',
};

interface TableShape {
  readonly name: string;
  readonly columns: readonly string[];
  /** Primary-key columns with their SQL types, in key order (empty: the table has no primary key). */
  readonly key: readonly { readonly name: string; readonly type: string }[];
}

async function tableNames(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname
  `.execute(db);
  return rows.map((r) => r.name).filter((name) => !MIGRATION_TABLES.has(name));
}

/** Orders tables so that each comes after the tables its foreign keys reference (self-references aside). */
async function inForeignKeyOrder(db: Executor, names: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select cc.relname as child, pc.relname as parent
    from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
    join pg_namespace n on n.oid = cc.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()
  `.execute(db);
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const { child, parent } of rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>): void => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new BackupError('backup.foreign-key-cycle', { table: name });
    path.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

async function shapeOf(db: Executor, name: string): Promise<TableShape> {
  const columns = await sql<{ name: string }>`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${name}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum
  `.execute(db);
  const key = await sql<{ name: string; type: string }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
    where i.indrelid = ${name}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)
  `.execute(db);
  return { name, columns: columns.rows.map((r) => r.name), key: key.rows };
}

/** The applied migrations, oldest first. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

function idList(names: readonly string[]): RawBuilder<unknown> {
  return sql.join(names.map((n) => sql.id(n)));
}

/** Reads one table a page at a time in key order (keyset pagination: each page starts after the last key). */
async function forEachRow(
  db: Executor,
  table: TableShape,
  onRow: (json: string) => Promise<void>,
): Promise<void> {
  const keyColumns = table.key.map((k) => sql.id(k.name));
  const keyTexts = table.key.map((k, i) => sql`${sql.id(k.name)}::text as ${sql.id(`k${i}`)}`);
  if (keyColumns.length === 0) {
    const { rows } = await sql<{
      j: string;
    }>`select row_to_json(t)::text as j from ${sql.id(table.name)} t`.execute(db);
    for (const row of rows) await onRow(row.j);
    return;
  }
  let after: readonly string[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> =
      after === null
        ? sql``
        : sql`where (${sql.join(keyColumns)}) > (${sql.join(
            table.key.map((k, i) => sql`cast(${after?.[i] ?? null}::text as ${sql.raw(k.type)})`),
          )})`;
    const { rows } = await sql<Record<string, string>>`
      select row_to_json(t)::text as j, ${sql.join(keyTexts)} from ${sql.id(table.name)} t
      ${where} order by ${sql.join(keyColumns)} limit ${PAGE_ROWS}
    `.execute(db);
    for (const row of rows) await onRow(row.j ?? '');
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE_ROWS) return;
    after = table.key.map((_k, i) => last[`k${i}`] ?? '');
  }
}

/**
 * Writes a logical backup of every table, line by line, to `write` (see the file comment for the format).
 * All tables are read in one repeatable-read transaction, so the backup is one consistent moment even if
 * someone writes meanwhile.
 *
 * @example
 * const lines: string[] = [];
 * const header = await dumpDatabase(db, async (line) => { lines.push(line); });
 * header.tables.find((t) => t.name === 'data_value')?.rows // 5557
 */
export async function dumpDatabase(
  db: Db,
  write: (line: string) => Promise<void>,
  options: { readonly now?: () => Date; readonly includeSecrets?: boolean } = {},
): Promise<BackupHeader> {
  const secrets = options.includeSecrets === true;
  const counter = { n: 0 };
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const names = await inForeignKeyOrder(trx, await tableNames(trx));
      const shapes = await Promise.all(names.map((name) => shapeOf(trx, name)));
      const tables: BackupTableInfo[] = [];
      for (const shape of shapes) {
        const { rows } = await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.id(shape.name)}`.execute(trx);
        const left = !secrets && SESSION_TABLES.has(shape.name);
        tables.push({ name: shape.name, columns: shape.columns, rows: left ? 0 : (rows[0]?.n ?? 0) });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        createdAt: (options.now ?? (() => new Date()))().toISOString(),
        engine: db.engine,
        migrations: await appliedMigrations(trx),
        tables,
        secretsIncluded: secrets,
      };
      await write(JSON.stringify(header));
      const counts: Record<string, number> = {};
      for (const shape of shapes) {
        await write(JSON.stringify({ table: shape.name, columns: shape.columns }));
        let n = 0;
        if (!secrets && SESSION_TABLES.has(shape.name)) {
          counts[shape.name] = 0;
          continue;
        }
        await forEachRow(trx, shape, async (json) => {
          n += 1;
          await write(secrets ? json : redact(shape.name, json, counter));
        });
        counts[shape.name] = n;
      }
      await write(JSON.stringify({ end: true, rows: counts }));
      return header;
    });
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError('backup.line-not-json', { line: lineNumber });
  }
}

function readHeader(value: unknown): BackupHeader {
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'format') !== BACKUP_FORMAT) {
    throw new BackupError('backup.not-a-backup', { format: BACKUP_FORMAT });
  }
  const migrations: unknown = Reflect.get(value, 'migrations');
  if (!Array.isArray(migrations) || !migrations.every((m) => typeof m === 'string')) {
    throw new BackupError('backup.no-migrations', {});
  }
  const createdAt: unknown = Reflect.get(value, 'createdAt');
  const engine: unknown = Reflect.get(value, 'engine');
  return {
    format: BACKUP_FORMAT,
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    engine: engine === 'postgres' ? 'postgres' : 'pglite',
    migrations,
    tables: [],
  };
}

/** Refuses a backup whose schema this database does not have (a newer HealthBSC wrote it). */
async function checkSchema(trx: Executor, header: BackupHeader): Promise<string[]> {
  const here = await appliedMigrations(trx);
  const known = new Set(here);
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError('backup.newer-schema', { migrations: unknown.join(', ') });
  }
  return here;
}

/** Names the tables that hold rows; a restore goes only into a database where this is empty. */
export async function nonEmptyTables(db: Executor): Promise<string[]> {
  const found: string[] = [];
  for (const name of await tableNames(db)) {
    const query = SEEDED_EMPTY[name] ?? `select count(*)::int as n from (select 1 from "${name}" limit 1) t`;
    const { rows } = await sql<{ n: number }>`${sql.raw(query)}`.execute(db);
    if ((rows[0]?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

/**
 * Tables whose `root_id` came after backups were first made (migration 202612062050_distribution_keys): a
 * backup without it names the org unit, whose organisation it is (0 for a target shared by all).
 */
const ROOT_FROM_UNIT = new Set(['target', 'target_history']);

async function insertRows(trx: Executor, table: string, columns: readonly string[], rows: readonly string[]) {
  if (rows.length === 0) return;
  const list = idList(columns);
  const deriveRoot = ROOT_FROM_UNIT.has(table) && !columns.includes('root_id');
  await sql`
    insert into ${sql.id(table)} (${list}${deriveRoot ? sql`, root_id` : sql``}) overriding system value
    select ${list}${deriveRoot ? sql`, coalesce((select o.root_id from org_unit o where o.id = r.org_unit_id), 0)` : sql``}
    from json_populate_recordset(null::${sql.id(table)}, ${`[${rows.join(',')}]`}::json) r
  `.execute(trx);
}

/** Sets every identity and serial sequence past the largest restored value, so new rows get fresh ids. */
async function resetSequences(trx: Executor): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; sequence: string }>`
    select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
  `.execute(trx);
  for (const { table, column, sequence } of rows) {
    await sql`
      select setval(${sequence}::regclass, coalesce((select max(${sql.id(column)}) from ${sql.id(table)}), 0) + 1, false)
    `.execute(trx);
  }
}

interface TableBlock {
  name: string;
  columns: string[];
  pending: string[];
  rows: number;
}

/**
 * Restores a backup into an EMPTY database migrated to at least the backup's schema, in one transaction:
 * all rows or none. Refuses (BackupError, nothing written) a file that is not a backup, a backup from a newer
 * schema, a truncated backup, or a database that already holds rows. A backup from an older schema restores
 * its columns; columns added since take their defaults. Identity sequences are reset after the rows.
 *
 * @example
 * const result = await restoreDatabase(db, readLines('backup.jsonl'));
 * result.tables.find((t) => t.name === 'data_value')?.rows // 5557
 */
export async function restoreDatabase(db: Db, lines: AsyncIterable<string>): Promise<RestoreResult> {
  return db.kysely.transaction().execute(async (trx) => {
    // Triggers that keep a history (target_history) copy the backup's history instead of writing their own.
    await sql`select set_config('healthbsc.restoring', 'on', true)`.execute(trx);
    let header: BackupHeader | null = null;
    let block: TableBlock | null = null;
    let shapes = new Map<string, Set<string>>();
    const restored: { name: string; rows: number }[] = [];
    let end: Record<string, unknown> | null = null;
    let lineNumber = 0;
    const flush = async (): Promise<void> => {
      if (block === null) return;
      await insertRows(trx, block.name, block.columns, block.pending);
      block.pending = [];
    };
    for await (const raw of lines) {
      lineNumber += 1;
      const line = raw.trim();
      if (line === '') continue;
      if (end !== null) throw new BackupError('backup.text-after-end', { line: lineNumber });
      if (header === null) {
        header = readHeader(parseLine(line, lineNumber));
        await checkSchema(trx, header);
        const occupied = await nonEmptyTables(trx);
        if (occupied.length > 0) {
          throw new BackupError('backup.database-not-empty', { tables: occupied.join(', ') });
        }
        shapes = new Map(
          await Promise.all(
            (await tableNames(trx)).map(async (n) => [n, new Set((await shapeOf(trx, n)).columns)] as const),
          ),
        );
        continue;
      }
      if (line.startsWith('{"table":') || line.startsWith('{"end":')) {
        const value = parseLine(line, lineNumber);
        if (typeof value === 'object' && value !== null && Reflect.get(value, 'end') === true) {
          await flush();
          const rows: unknown = Reflect.get(value, 'rows');
          end = typeof rows === 'object' && rows !== null ? { ...rows } : {};
          continue;
        }
        await flush();
        block = await startTable(trx, value, shapes, lineNumber);
        restored.push({ name: block.name, rows: 0 });
        continue;
      }
      if (block === null) throw new BackupError('backup.row-before-table', { line: lineNumber });
      block.pending.push(line);
      block.rows += 1;
      const entry = restored.at(-1);
      if (entry !== undefined) entry.rows = block.rows;
      if (block.pending.length >= PAGE_ROWS) await flush();
    }
    if (header === null) throw new BackupError('backup.empty', {});
    if (end === null) throw new BackupError('backup.truncated', {});
    for (const { name, rows } of restored) {
      if (end[name] !== rows) {
        throw new BackupError('backup.row-count', { table: name, expected: String(end[name]), found: rows });
      }
    }
    await resetSequences(trx);
    return { migrations: header.migrations, tables: restored };
  });
}

async function startTable(
  trx: Executor,
  value: unknown,
  shapes: ReadonlyMap<string, ReadonlySet<string>>,
  lineNumber: number,
): Promise<TableBlock> {
  const name: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'table') : undefined;
  const columns: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, 'columns') : undefined;
  if (typeof name !== 'string' || !Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    throw new BackupError('backup.table-line', { line: lineNumber });
  }
  const known = shapes.get(name);
  if (known === undefined) throw new BackupError('backup.unknown-table', { line: lineNumber, table: name });
  const missing = columns.filter((c) => !known.has(c));
  if (missing.length > 0) {
    throw new BackupError('backup.unknown-columns', {
      line: lineNumber,
      table: name,
      columns: missing.join(', '),
    });
  }
  // A freshly migrated database seeds some tables (change_counter's 'meta' row at revision 0); the backup's
  // rows replace the seed.
  if (SEEDED_EMPTY[name] !== undefined) await sql`delete from ${sql.id(name)}`.execute(trx);
  return { name, columns, pending: [], rows: 0 };
}
