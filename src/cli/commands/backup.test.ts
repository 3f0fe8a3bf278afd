import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import { createImportWorld, csv } from '../../../test/fixtures/imports/world.ts';
import { type PostgresCluster, startPostgresCluster } from '../../../test/postgres-cluster.ts';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { dumpDatabase } from '../../db/repositories/backup.repository.ts';
import { commitImport } from '../../server/imports/import.service.ts';
import { type Env, openDbSession } from '../db-session.ts';
import { runBackup, runRestore } from './backup.ts';

let dir: string;
let source: Env;
let cluster: PostgresCluster;

/** Every table's rows as PostgreSQL prints them (the backup's own lines, header and end line left out). */
async function snapshot(env: Env): Promise<string[]> {
  const session = await openDbSession({ owner: 'test', env });
  const lines: string[] = [];
  try {
    await dumpDatabase(session.db, async (line) => {
      lines.push(line);
    });
  } finally {
    await session.close();
  }
  return lines.slice(1, -1);
}

async function postgresDatabase(name: string): Promise<Env> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return { HEALTHBSC_DATABASE_URL: cluster.urlFor(name) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-backup-'));
  source = { HEALTHBSC_DATA_DIR: join(dir, 'source') };
  cluster = await startPostgresCluster();
  const session = await openDbSession({ owner: 'test setup', env: source });
  try {
    const world = await createImportWorld(session.db, 'bk');
    await commitImport(world.ctx, world.actor, {
      bytes: csv([
        'org_unit,period,data_element,value,comment',
        `${world.units.icu},2024-03,${world.elements.beds},20,病区`,
        `${world.units.er},2024-03,${world.elements.occ},0.1,`,
      ]),
      fileName: 'seed.csv',
      kind: 'data',
    });
  } finally {
    await session.close();
  }
});

let sourceBackup: Promise<{ file: string; run: Awaited<ReturnType<typeof capture>> }> | undefined;

/** The source's backup by `healthbsc backup`, made once for the file (opening the source is most of a run's time). */
function backupOfSource() {
  sourceBackup ??= (async () => {
    const file = join(dir, 'source.jsonl.gz');
    return { file, run: await capture(runBackup, [file], source) };
  })();
  return sourceBackup;
}

afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('healthbsc backup and restore', () => {
  it('backs up PGlite, restores into PostgreSQL and back into PGlite with the same rows', async () => {
    // The shipped migrations, in order: the backup names the last as its schema and lists them all.
    const migrations = (await readdir(MIGRATIONS_FOLDER))
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .map((name) => name.slice(0, -'.sql'.length));
    const { file: first, run: backup } = await backupOfSource();
    expect(backup.code).toBe(0);
    expect(backup.stdout[0]).toMatch(
      new RegExp(`^Backed up [\\d,]+ rows of 63 tables to ${first} \\(schema ${migrations.at(-1)}\\)\\.$`),
    );
    const header = JSON.parse(
      gunzipSync(await readFile(first))
        .toString('utf8')
        .split('\n')[0] ?? '{}',
    );
    expect(header).toMatchObject({
      format: 'healthbsc/backup@1',
      engine: 'pglite',
      migrations,
    });

    const postgres = await postgresDatabase('restored_from_pglite');
    const restored = await capture(runRestore, [first], postgres);
    expect(restored.code).toBe(0);
    expect(restored.stdout[0]).toMatch(/^Restored [\d,]+ rows of 63 tables from /);

    const second = join(dir, 'second.jsonl.gz');
    expect((await capture(runBackup, [second], postgres)).code).toBe(0);
    const back = { HEALTHBSC_DATA_DIR: join(dir, 'back') };
    expect((await capture(runRestore, [second], back)).code).toBe(0);

    const expected = await snapshot(source);
    expect(await snapshot(postgres)).toEqual(expected);
    expect(await snapshot(back)).toEqual(expected);
    expect(expected.filter((line) => line.includes('"comment":"病区"'))).toHaveLength(1);
    // Four databases opened and two backups written and read: longer than one test's default on a busy machine.
  }, 120_000);

  it('refuses to restore into a database that already holds rows', async () => {
    const { file } = await backupOfSource();
    const run = await capture(runRestore, [file], source);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(
      /: the database is not empty \(rows in .*data_value.*\); restore into a new, empty database$/,
    );
  });

  it('keeps an existing backup file unless --force', async () => {
    const file = join(dir, 'kept.jsonl.gz');
    await writeFile(file, 'precious');
    const run = await capture(runBackup, [file], source);
    expect(run).toMatchObject({
      code: 2,
      stderr: [`${file} exists; choose another name or pass --force to overwrite it`],
    });
    expect(await readFile(file, 'utf8')).toBe('precious');
    expect((await capture(runBackup, [file, '--force'], source)).code).toBe(0);
  });

  it('refuses a damaged backup and leaves the target empty', async () => {
    const { file } = await backupOfSource();
    const bytes = await readFile(file);
    const damaged = join(dir, 'damaged.jsonl.gz');
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = { HEALTHBSC_DATA_DIR: join(dir, 'damaged-target') };
    const run = await capture(runRestore, [damaged], target);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/damaged|truncated/);
    expect(
      (await snapshot(target)).filter(
        (line) => !line.startsWith('{"table":') && !line.includes('"scope":"meta"'),
      ),
    ).toEqual([]);
    // Three fresh PGlite data directories (backup, restore, snapshot): over 30 s on a busy machine.
  }, 90_000);
});
