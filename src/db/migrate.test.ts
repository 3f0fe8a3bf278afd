import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENGINES, describeEachEngine } from '../../test/engines.ts';
import type { Db } from './connect.ts';
import { MIGRATIONS_FOLDER, MigrationError, migrateToLatest, SqlFileMigrationProvider } from './migrate.ts';

async function migrationFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'healthbsc-migrations-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(folder, name), body);
  return folder;
}

async function tableExists(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${table}) is not null as found`.execute(
    db.kysely,
  );
  return rows[0]?.found === true;
}

/** The product's migrations, in order, as the folder lists them. */
async function shippedMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_FOLDER))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => name.slice(0, -'.sql'.length));
}

describeEachEngine(
  'migrations',
  (getDb, engine) => {
    it('applies every migration to an empty database, in order', async () => {
      expect(await migrateToLatest(getDb())).toEqual({ applied: await shippedMigrations() });
    });

    it('applies nothing when run again on a current schema', async () => {
      expect(await migrateToLatest(getDb())).toEqual({ applied: [] });
    });

    it('creates the audit_log table with the columns of its first migration', async () => {
      const { rows } = await sql<{ column_name: string; data_type: string; is_nullable: string }>`
        select column_name, data_type, is_nullable from information_schema.columns
        where table_name = 'audit_log' order by ordinal_position`.execute(getDb().kysely);
      // Later migrations may add columns after these; none may change or drop them.
      expect(rows.slice(0, 10)).toEqual([
        { column_name: 'id', data_type: 'bigint', is_nullable: 'NO' },
        { column_name: 'occurred_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
        { column_name: 'actor', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'address', data_type: 'text', is_nullable: 'YES' },
        { column_name: 'action', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'entity', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'entity_key', data_type: 'text', is_nullable: 'YES' },
        { column_name: 'old_value', data_type: 'jsonb', is_nullable: 'YES' },
        { column_name: 'new_value', data_type: 'jsonb', is_nullable: 'YES' },
        { column_name: 'reason', data_type: 'text', is_nullable: 'YES' },
      ]);
    });

    describe('when a migration fails', () => {
      let folder: string;
      let db: Db;

      beforeAll(async () => {
        folder = await migrationFolder({
          '202601010000_first.sql': 'create table first_table (id int);\n',
          '202601010100_broken.sql':
            'create table second_table (id int);\ncreate tabel third_table (id int);\n',
          'README.md': 'Not a migration: ignored.',
        });
        db = await engine.openEmptyDb();
      });

      afterAll(async () => {
        await db.close();
        await rm(folder, { recursive: true, force: true });
      });

      it('throws an error naming the migration, the line and the database message', async () => {
        const failure = migrateToLatest(db, { folder });
        await expect(failure).rejects.toBeInstanceOf(MigrationError);
        await expect(failure).rejects.toMatchObject({
          migration: '202601010100_broken',
          message:
            'Migration 202601010100_broken failed: syntax error at or near "tabel" (line 2, SQLSTATE 42601). ' +
            'Nothing of this run was applied.',
        });
      });

      it('leaves the database as it was: no table and no migration recorded', async () => {
        await migrateToLatest(db, { folder }).catch(() => undefined);
        expect(await tableExists(db, 'first_table')).toBe(false);
        expect(await tableExists(db, 'second_table')).toBe(false);
        const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
        expect(rows).toEqual([]);
      });
    });
  },
  { engines: ALL_ENGINES, migrate: false },
);

describe('SqlFileMigrationProvider', () => {
  it.each([
    ['a missing time', '20260101_users.sql'],
    ['capital letters', '202601010000_Users.sql'],
    ['a thirteenth month', '202613010000_users.sql'],
    ['a hyphen', '202601010000_user-roles.sql'],
  ])('refuses a .sql file name with %s', async (_, fileName) => {
    const folder = await migrationFolder({ [fileName]: 'select 1;' });
    try {
      await expect(new SqlFileMigrationProvider(folder).getMigrations()).rejects.toThrow(
        `Migration files must be named YYYYMMDDHHMM_name.sql (name in lowercase letters, digits and ` +
          `underscores): ${fileName} in ${folder}`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names each migration by its file name without .sql, in name order', async () => {
    const folder = await migrationFolder({
      '202602010000_later.sql': 'select 2;',
      '202601010000_earlier.sql': 'select 1;',
      'notes.txt': 'ignored',
    });
    try {
      expect(Object.keys(await new SqlFileMigrationProvider(folder).getMigrations())).toEqual([
        '202601010000_earlier',
        '202602010000_later',
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
