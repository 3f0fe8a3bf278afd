/**
 * Schema migrations: append-only, timestamped PostgreSQL SQL files in ./migrations/
 * (`YYYYMMDDHHMM_name.sql`), applied in name order by Kysely's `Migrator` (../shared/STYLE.md habit 8).
 *
 * Rules for a migration file: never edit or rename one that has shipped (add a new one); write
 * PostgreSQL 15 SQL (no `uuidv7()`, `JSON_TABLE`, `MERGE … RETURNING`: PGlite is PostgreSQL 18 and would
 * accept them, the server would not). There are no down migrations: a mistake is fixed by a new file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './connect.ts';

/** The folder of this product's migrations. */
export const MIGRATIONS_FOLDER: string = fileURLToPath(new URL('./migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9]+(?:_[a-z0-9]+)*\.sql$/;

function isMigrationFileName(fileName: string): boolean {
  const match = MIGRATION_FILE.exec(fileName);
  if (match === null) return false;
  const [month, day, hour, minute] = match.slice(2, 6).map(Number);
  return (
    month !== undefined &&
    day !== undefined &&
    hour !== undefined &&
    minute !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 23 &&
    minute <= 59
  );
}

/**
 * Reads `YYYYMMDDHHMM_name.sql` files from a folder as Kysely migrations named by the file name without
 * `.sql`. Each file's body runs as one parameterless script (PGlite sends it to `exec`, `pg` uses the
 * simple protocol), so a file may hold many statements and dollar-quoted function bodies.
 * Files that do not end in `.sql` are ignored; a `.sql` file with another name is an error.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  readonly #folder: string;
  readonly #bodies = new Map<string, string>();

  constructor(folder: string) {
    this.#folder = folder;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const sqlFiles = (await readdir(this.#folder)).filter((name) => name.endsWith('.sql')).sort();
    const misnamed = sqlFiles.filter((name) => !isMigrationFileName(name));
    if (misnamed.length > 0) {
      throw new Error(
        `Migration files must be named YYYYMMDDHHMM_name.sql (name in lowercase letters, digits and ` +
          `underscores): ${misnamed.join(', ')} in ${this.#folder}`,
      );
    }
    const migrations: Record<string, Migration> = {};
    for (const fileName of sqlFiles) {
      const name = fileName.slice(0, -'.sql'.length);
      const body = await readFile(join(this.#folder, fileName), 'utf8');
      this.#bodies.set(name, body);
      migrations[name] = {
        up: async (db: Kysely<unknown>) => {
          // A migration may rewrite a large table: the server's statement timeout is for requests, not for it.
          await sql`set local statement_timeout = 0`.execute(db);
          await sql.raw(body).execute(db);
        },
      };
    }
    return migrations;
  }

  /** The SQL text of a migration read by the last `getMigrations()`. */
  bodyOf(name: string): string | undefined {
    return this.#bodies.get(name);
  }
}

/** A migration run that failed; nothing of that run was applied. */
export class MigrationError extends Error {
  /** The failing migration's name, when one failed (rather than, say, the folder being unreadable). */
  readonly migration: string | undefined;

  constructor(message: string, migration: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

function stringField(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** "line 3" for PostgreSQL's 1-based character `position` inside the script, when it sent one. */
function lineOf(body: string | undefined, position: string | undefined): string | undefined {
  const offset = Number(position);
  if (body === undefined || !Number.isInteger(offset) || offset < 1) return undefined;
  return `line ${body.slice(0, offset - 1).split('\n').length}`;
}

function describeFailure(error: unknown, body: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  const facts = [
    lineOf(body, stringField(error, 'position')),
    stringField(error, 'code') && `SQLSTATE ${stringField(error, 'code')}`,
  ].filter((fact) => typeof fact === 'string' && fact !== '');
  const detail = stringField(error, 'detail');
  return `${message}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${detail ? `. ${detail}` : ''}`;
}

export interface MigrateOptions {
  /** The folder of migration files. Default: this product's `MIGRATIONS_FOLDER`. */
  readonly folder?: string;
}

/**
 * Brings the schema up to the newest migration and returns the names it applied (none when the schema
 * is current). Kysely runs the pending files in one transaction, so either all of them apply or none.
 *
 * Kysely's `Migrator` never throws; it returns `{ error, results }`. This function throws instead, a
 * `MigrationError` naming the failed migration and quoting the database's message, so start-up stops
 * with a reason rather than running on a half-built schema.
 *
 * @example
 * const { applied } = await migrateToLatest(db); // ['202611230430_audit_log'] on an empty database
 * // on failure: MigrationError: Migration 202612010900_scores failed: syntax error at or near "tabel"
 * //             (line 2, SQLSTATE 42601). Nothing of this run was applied.
 */
export async function migrateToLatest(db: Db, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const provider = new SqlFileMigrationProvider(options.folder ?? MIGRATIONS_FOLDER);
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    if (failed === undefined) {
      throw new MigrationError(
        `Migrations could not run: ${describeFailure(error, undefined)}`,
        undefined,
        error,
      );
    }
    throw new MigrationError(
      `Migration ${failed} failed: ${describeFailure(error, provider.bodyOf(failed))}. Nothing of this run was applied.`,
      failed,
      error,
    );
  }
  return {
    applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName),
  };
}
