/**
 * Runs one Vitest suite on each database engine (../shared/STYLE.md habit 6): PGlite and a real
 * PostgreSQL 15, so SQL that only PGlite's PostgreSQL 18 accepts fails here, not in production.
 *
 * Each suite gets its own empty database, migrated to latest unless `{ migrate: false }`:
 * - `pglite`: PGlite in memory, in this thread (the CLI's and tools' setup).
 * - `pglite-worker`: PGlite in memory in a worker thread (the server's setup).
 *   Both start from a template: PGlite's initdb output, dumped once and cached in the OS temp folder
 *   for later test files (keyed by PGlite's version and our settings). Loading it takes ~0.3–0.5 s
 *   where initdb takes 1.3–3 s, and every test file would pay that.
 * - `postgres`: a fresh database (`CREATE DATABASE`) on a throwaway cluster (./postgres-cluster.ts),
 *   one cluster per test file, started lazily and stopped after the file's last PostgreSQL suite.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
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

async function makeTemplate(file: string): Promise<Blob> {
  const pglite = await PGlite.create(pgliteOptions({ dataDir: null }));
  try {
    const dump = await pglite.dumpDataDir('none');
    // Written aside and renamed, so a test file running in parallel never reads half a template.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await pglite.close();
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

function sharedCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgresCluster();
  return cluster;
}

async function createPostgresDatabase(): Promise<Db> {
  const { url, urlFor } = await sharedCluster();
  const name = `healthbsc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = urlFor(name);
  const db = await connect({ engine: 'postgres', url: databaseUrl, poolSize: 4 });
  postgresUrls.set(db, databaseUrl);
  return db;
}

const postgresUrls = new WeakMap<Db, string>();

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
        db = await openEmptyDb(engine);
        if (migrate) await migrateToLatest(db);
      });

      afterAll(async () => {
        await db?.close();
        if (engine !== 'postgres') return;
        postgresSuitesFinished += 1;
        if (postgresSuitesFinished === postgresSuitesDeclared && cluster !== undefined) {
          const running = cluster;
          cluster = undefined;
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
