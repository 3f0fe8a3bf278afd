/**
 * `healthbsc backup FILE` and `healthbsc restore FILE`: a logical backup of every table as gzip'd JSON lines
 * (src/db/repositories/backup.repository.ts), independent of the engine: a PGlite backup restores into
 * PostgreSQL and back. Restore goes into an empty database only, in one transaction.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import { wordProblem } from '../../core/errors/messages/index.ts';
import { note } from '../../core/errors/problem.ts';
import { BackupError, dumpDatabase, restoreDatabase } from '../../db/repositories/backup.repository.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { UsageError, usageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { fileLine, InputFileError } from '../read-document.ts';

export const BACKUP_USAGE = `Usage: healthbsc backup FILE [--force] [--include-secrets]
Writes every table of the database (HEALTHBSC_DATABASE_URL, or PGlite in HEALTHBSC_DATA_DIR, default ./data)
to FILE as gzip'd JSON lines, with the schema version (the applied migrations) in its first line. The backup is
one consistent moment. An existing FILE is kept unless --force. Restore it with 'healthbsc restore FILE'.
Password and API token hashes and sessions are left out unless --include-secrets: after a restore, users set new
passwords (an admin, or 'healthbsc user') and tokens are created again.`;

export const RESTORE_USAGE = `Usage: healthbsc restore FILE
Restores a backup made by 'healthbsc backup' into the configured database, which must be EMPTY (a new data
directory or a new PostgreSQL database; it is migrated first). All rows or none: one transaction. Refuses a
backup from a newer HealthBSC (its schema has migrations this one lacks).`;

const number = new Intl.NumberFormat('en-US');

function sessionOptions(owner: string, env: Env | undefined) {
  return { owner, ...(env === undefined ? {} : { env }) };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function runBackup(args: readonly string[], io: Io, env?: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      'include-secrets': { type: 'boolean', default: false },
    },
  });
  const includeSecrets = values['include-secrets'] === true;
  if (positionals.length !== 1) throw usageError(BACKUP_USAGE, 'cli.takes-one-file', { command: 'backup' });
  const file = positionals[0] ?? '';
  if (!values.force && (await exists(file))) {
    throw usageError(undefined, 'cli.file-exists', { file });
  }
  // Written beside the target and renamed at the end, so a failed backup never leaves a truncated FILE.
  const partial = `${file}.partial-${process.pid}`;
  const header = await withDbSession(sessionOptions('healthbsc backup', env), async (session) => {
    const gzip = createGzip();
    const out = createWriteStream(partial);
    gzip.pipe(out);
    try {
      const result = await dumpDatabase(
        session.db,
        async (line) => {
          if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
        },
        { includeSecrets },
      );
      gzip.end();
      await finished(out);
      io.err(`read ${session.where}`);
      return result;
    } catch (error) {
      gzip.destroy();
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  });
  await rename(partial, file);
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  io.out(
    `Backed up ${number.format(rows)} rows of ${header.tables.length} tables to ${file} ` +
      `(schema ${header.migrations.at(-1) ?? 'empty'}).`,
  );
  io.out(
    includeSecrets
      ? 'Password and API token hashes and sessions are included: keep the file as secret as the database.'
      : 'Password and API token hashes and sessions are left out: after a restore, users set new passwords and ' +
          'tokens are created again (--include-secrets keeps them).',
  );
  return 0;
}

/** Lines of a backup file, gunzipped when it starts with the gzip magic bytes (RFC 1952: 1f 8b). */
async function* backupLines(file: string): AsyncGenerator<string> {
  const head = Buffer.alloc(2);
  try {
    const handle = await open(file, 'r');
    await handle.read(head, 0, 2, 0);
    await handle.close();
  } catch {
    throw new InputFileError([fileLine(file, note('cli.no-such-file-or-unreadable', {}))]);
  }
  const raw = createReadStream(file);
  const stream: Readable = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError('backup.unreadable', { file, reason });
  }
}

export async function runRestore(args: readonly string[], io: Io, env?: Env): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw usageError(RESTORE_USAGE, 'cli.takes-one-file', { command: 'restore' });
  const file = positionals[0] ?? '';
  if (!(await exists(file))) throw new InputFileError([fileLine(file, note('cli.no-such-file', {}))]);
  const result = await withDbSession(sessionOptions('healthbsc restore', env), async (session) => {
    try {
      const restored = await restoreDatabase(session.db, backupLines(file));
      io.err(`restored into ${session.where}`);
      return restored;
    } catch (error) {
      if (error instanceof BackupError) {
        const { code, params } = error;
        throw new UsageError(
          `${file}: ${error.message}`,
          undefined,
          (lang) => `${file}: ${wordProblem(code, params, lang)}`,
        );
      }
      throw error;
    }
  });
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  io.out(`Restored ${number.format(rows)} rows of ${result.tables.length} tables from ${file}.`);
  return 0;
}
