/**
 * Runs one Vitest suite on each database engine (../shared/STYLE.md habit 6): PGlite and a real
 * PostgreSQL 15, so SQL that only PGlite's PostgreSQL 18 accepts fails here, not in production.
 *
 * Each suite gets its own empty database, migrated to latest unless `{ migrate: false }`:
 * - `pglite`: PGlite in memory, in this thread (the CLI's and tools' setup).
 * - `pglite-worker`: PGlite in memory in a worker thread (the server's setup).
 *   Both start from a template: PGlite's initdb output, dumped once and cached in the OS temp folder
 *   for later test files (keyed by PGlite's version and our settings). Loading it takes ~0.3–0.5 s
 *   where initdb takes 1.3–3 s, and every test file would pay that. A migrated database starts from a
 *   second template, the same output migrated to latest and cached alike (keyed also by every migration
 *   file's name and text): migrating takes 1.5–5 s on these machines and ~90 test files would each pay it.
 * - `postgres`: a fresh database (`CREATE DATABASE`) on a throwaway cluster (./postgres-cluster.ts),
 *   one cluster per test file, started lazily and stopped after the file's last PostgreSQL suite.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, type Db } from '../src/db/connect.ts';
import { MIGRATIONS_FOLDER, migrateToLatest } from '../src/db/migrate.ts';
import { PGLITE_POSTGRESQL_CONF, pgliteOptions } from '../src/db/pglite-client.ts';
import { type PostgresCluster, startPostgresCluster } from './postgres-cluster.ts';

export type EngineName = 'pglite' | 'pglite-worker' | 'postgres';

/** PGlite in this thread and PostgreSQL: the default pair, cheapest to create. */
export const DEFAULT_ENGINES: readonly EngineName[] = ['pglite', 'postgres'];

/** Every way the product can run its database. */
export const ALL_ENGINES: readonly EngineName[] = ['pglite', 'pglite-worker', 'postgres'];

export interface EngineContext {
  readonly name: EngineName;
  /** Opens another empty, unmigrated database on the same engine; the caller closes it. */
  openEmptyDb(): Promise<Db>;
}

export interface DescribeEachEngineOptions {
  /** Default `DEFAULT_ENGINES`. */
  readonly engines?: readonly EngineName[];
  /** Migrate the suite's database to latest before its tests. Default `true`. */
  readonly migrate?: boolean;
}

// One template and one cluster per test file: Vitest gives each file its own instance of this module.
let template: Promise<Blob> | undefined;
let migratedTemplate: Promise<Blob> | undefined;
let postgresTemplate: Promise<string> | undefined;
let cluster: Promise<PostgresCluster> | undefined;
let postgresSuitesDeclared = 0;
let postgresSuitesFinished = 0;

/** Where the template for this PGlite version and these settings is cached. */
async function templateFile(): Promise<string> {
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pgliteManifest = await readFile(join(dirname(pgliteEntry), '..', 'package.json'), 'utf8');
  const version: unknown = Reflect.get(JSON.parse(pgliteManifest), 'version');
  const key = createHash('sha256')
    .update(JSON.stringify({ format: 1, version, conf: PGLITE_POSTGRESQL_CONF }))
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `healthbsc-pglite-template-${key}.tar`);
}

/** Where the migrated template is cached: the empty template's key and every migration file's name and text. */
async function migratedTemplateFile(): Promise<string> {
  const hash = createHash('sha256').update(await templateFile());
  const names = (await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql')).sort();
  for (const name of names) hash.update(`\0${name}\0`).update(await readFile(join(MIGRATIONS_FOLDER, name)));
  return join(tmpdir(), `healthbsc-pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Writes a dump aside and renames it, so a test file running in parallel never reads half a template. */
async function cacheDump(file: string, dump: Blob): Promise<void> {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
}

async function makeTemplate(file: string): Promise<Blob> {
  const pglite = await PGlite.create(pgliteOptions({ dataDir: null }));
  try {
    const dump = await pglite.dumpDataDir('none');
    await cacheDump(file, dump);
    return dump;
  } finally {
    await pglite.close();
  }
}

/**
 * Migrates a database in a temporary directory through the product's own `connect` and `migrateToLatest`, then
 * dumps the closed directory: the same database `migrateToLatest` gives an empty one (the migrations write no
 * clock-dependent rows).
 */
async function makeMigratedTemplate(file: string): Promise<Blob> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-pglite-migrating-'));
  try {
    const dataDir = join(dir, 'data');
    const db = await connect({
      engine: 'pglite',
      dataDir,
      worker: false,
      loadDataDir: await pgliteTemplate(),
    });
    try {
      await migrateToLatest(db);
    } finally {
      await db.close();
    }
    const pglite = await PGlite.create(pgliteOptions({ dataDir }));
    try {
      const dump = await pglite.dumpDataDir('none');
      await cacheDump(file, dump);
      return dump;
    } finally {
      await pglite.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A freshly initialised, empty PGlite database, dumped: what initdb would produce, ready to pass as
 * `loadDataDir`. Made once per test file at most (cached across files in the OS temp folder).
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = await templateFile();
    const cached = await readFile(file).catch(() => undefined);
    return cached === undefined ? makeTemplate(file) : new Blob([new Uint8Array(cached)]);
  })();
  return template;
}

/** A PGlite database migrated to latest, dumped (see `pgliteTemplate`); made once per test file at most. */
export function pgliteMigratedTemplate(): Promise<Blob> {
  migratedTemplate ??= (async () => {
    const file = await migratedTemplateFile();
    const cached = await readFile(file).catch(() => undefined);
    return cached === undefined ? makeMigratedTemplate(file) : new Blob([new Uint8Array(cached)]);
  })();
  return migratedTemplate;
}

function sharedCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgresCluster();
  return cluster;
}

/** A new database on this file's cluster: empty, or a copy of `template` (a database nobody is connected to). */
async function createPostgresDatabase(template?: string): Promise<Db> {
  const { url, urlFor } = await sharedCluster();
  const name = `healthbsc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template === undefined ? '' : ` template ${template}`}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = urlFor(name);
  const db = await connect({ engine: 'postgres', url: databaseUrl, poolSize: 4 });
  postgresUrls.set(db, databaseUrl);
  return db;
}

const postgresUrls = new WeakMap<Db, string>();

/**
 * A database of this file's cluster migrated to latest and closed, made on the first `openMigratedDb('postgres')`:
 * each later one is `create database … template` it, a file copy, instead of a migration run.
 */
function postgresMigratedTemplate(): Promise<string> {
  postgresTemplate ??= (async () => {
    const db = await createPostgresDatabase();
    try {
      await migrateToLatest(db);
    } finally {
      await db.close();
    }
    const name = new URL(postgresUrlOf(db)).pathname.slice(1);
    return name;
  })();
  return postgresTemplate;
}

/** The connection URL of a PostgreSQL test database (for a server started as a child process). */
export function postgresUrlOf(db: Db): string {
  const url = postgresUrls.get(db);
  if (url === undefined) throw new Error('Not a PostgreSQL database of this test file.');
  return url;
}

/** Opens an empty database on the given engine (for PostgreSQL, on this file's shared cluster). */
export function openEmptyDb(engine: EngineName): Promise<Db> {
  switch (engine) {
    case 'pglite':
      return pgliteTemplate().then((loadDataDir) =>
        connect({ engine: 'pglite', dataDir: null, worker: false, loadDataDir }),
      );
    case 'pglite-worker':
      return pgliteTemplate().then((loadDataDir) =>
        connect({ engine: 'pglite', dataDir: null, worker: true, loadDataDir }),
      );
    case 'postgres':
      return createPostgresDatabase();
  }
}

/**
 * Opens a database migrated to latest on the given engine, the caller closes it: PGlite loads the migrated
 * template; PostgreSQL copies this file's migrated template database.
 */
export async function openMigratedDb(engine: EngineName): Promise<Db> {
  if (engine === 'postgres') return createPostgresDatabase(await postgresMigratedTemplate());
  const loadDataDir = await pgliteMigratedTemplate();
  return connect({ engine: 'pglite', dataDir: null, worker: engine === 'pglite-worker', loadDataDir });
}

/** Makes the template `openMigratedDb(engine)` copies, ahead (in a `beforeAll`, so no test's time limit pays it). */
export async function prepareMigratedDb(engine: EngineName): Promise<void> {
  await (engine === 'postgres' ? postgresMigratedTemplate() : pgliteMigratedTemplate());
}

/**
 * Declares `describe('<engine>: <name>')` once per engine. `getDb()` returns the suite's database from
 * `beforeAll` on (calling it while the suite is being declared throws).
 *
 * @example
 * describeEachEngine('audit_log', (getDb) => {
 *   it('starts empty', async () => {
 *     expect(await getDb().kysely.selectFrom('audit_log').selectAll().execute()).toEqual([]);
 *   });
 * });
 */
export function describeEachEngine(
  name: string,
  suite: (getDb: () => Db, engine: EngineContext) => void,
  options: DescribeEachEngineOptions = {},
): void {
  const engines = options.engines ?? DEFAULT_ENGINES;
  const migrate = options.migrate ?? true;
  for (const engine of engines) {
    describe(`${engine}: ${name}`, () => {
      let db: Db | undefined;
      // Counted while Vitest collects the file, before any suite runs, so the count is complete.
      if (engine === 'postgres') postgresSuitesDeclared += 1;

      beforeAll(async () => {
        // PostgreSQL migrates the suite's own database: a template would cost a file of one suite a copy more.
        db = await (migrate && engine !== 'postgres' ? openMigratedDb(engine) : openEmptyDb(engine));
        if (migrate && engine === 'postgres') await migrateToLatest(db);
      });

      afterAll(async () => {
        await db?.close();
        if (engine !== 'postgres') return;
        postgresSuitesFinished += 1;
        if (postgresSuitesFinished === postgresSuitesDeclared && cluster !== undefined) {
          const running = cluster;
          cluster = undefined;
          postgresTemplate = undefined;
          // A cluster that failed to start has already failed every PostgreSQL suite; nothing to stop.
          await (await running.catch(() => undefined))?.stop();
        }
      });

      suite(
        () => {
          if (db === undefined)
            throw new Error(`The ${engine} database is opened in beforeAll; use getDb() in tests.`);
          return db;
        },
        { name: engine, openEmptyDb: () => openEmptyDb(engine) },
      );
    });
  }
}
