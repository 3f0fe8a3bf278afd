/**
 * The database of a CLI command that reads or writes data (import, export, backup, restore): the one the
 * configuration names (src/server/config.ts: `HEALTHBSC_DATABASE_URL` → PostgreSQL, else PGlite in
 * `HEALTHBSC_DATA_DIR`, default `./data`), migrated to the latest schema, with the services' context.
 *
 * PGlite is opened in this process (no worker: a command does one thing at a time) after taking the data
 * directory's lock, so a command never opens a directory the server is using: it stops with
 * "the HealthBSC server (pid N) is using ./data; stop it or use the HTTP API".
 *
 * On PostgreSQL servers may run beside the command: closing the session sends them what its writes published
 * (a user created, a token revoked, values imported), as their change relays send each other theirs.
 */

import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type MessageLang, wordProblem } from '../core/errors/messages/index.ts';
import { connect, type Db } from '../db/connect.ts';
import { acquireDataDirLock, type DataDirLock, DataDirLockedError } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ChangeBus, type ChangeEvent } from '../server/change-bus.ts';
import { sendChanges } from '../server/cluster/change-relay.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { type Actor, type ServerContext, systemActor } from '../server/context.ts';
import { UsageError } from './errors.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface DbSession {
  readonly db: Db;
  readonly ctx: ServerContext;
  /** Who the command acts as in the audit trail: `cli:<os user>`. */
  readonly actor: Actor;
  /** `PGlite in ./data` or `PostgreSQL at postgres://…` (password hidden), for messages. */
  readonly where: string;
  /** Closes the database and releases the lock. */
  close(): Promise<void>;
}

export interface OpenSessionOptions {
  /** Names the command in the lock file, e.g. `healthbsc import`. */
  readonly owner: string;
  /** Default `process.env`. */
  readonly env?: Env;
}

function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No user name (a container without /etc/passwd entry): keep 'unknown'.
  }
  // Whoever can run commands on the database holds it whole: the command acts as an installation admin.
  return systemActor(`cli:${name}`);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(the configured URL)';
  }
}

/**
 * The usage error of a configuration that cannot be used, each bad key worded in the language of `--lang`:
 * "Invalid configuration: HEALTHBSC_PORT must be a whole number".
 */
export function configUsageError(error: ConfigError, usage?: string): UsageError {
  const worded = (lang: MessageLang) =>
    `${wordProblem('config.invalid', {}, lang)}: ${error.issues
      .map((issue) => `${issue.key} ${wordProblem(issue.code, issue.params, lang)}`)
      .join('; ')}`;
  return new UsageError(error.message, usage, worded);
}

/**
 * Opens the configured database for a command. Throws a UsageError (exit code 2, one line) for an invalid
 * configuration or a data directory in use.
 *
 * @example
 * const session = await openDbSession({ owner: 'healthbsc import' });
 * try { await commitImport(session.ctx, session.actor, input); } finally { await session.close(); }
 */
export async function openDbSession(options: OpenSessionOptions): Promise<DbSession> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(options.env ?? process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw configUsageError(error);
    throw error;
  }
  let lock: DataDirLock | null = null;
  let db: Db;
  let where: string;
  if (config.database.engine === 'pglite') {
    const dir = resolve(config.database.dataDir ?? './data');
    try {
      lock = await acquireDataDirLock(dir, options.owner);
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new UsageError(error.message);
      throw error;
    }
    where = `PGlite in ${config.database.dataDir ?? './data'}`;
    try {
      db = await connect({ engine: 'pglite', dataDir: dir, worker: false });
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    where = `PostgreSQL at ${redact(config.database.url)}`;
    try {
      db = await connect(config.database);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    await lock?.release();
    throw error;
  }
  const held = lock;
  const changes = new ChangeBus();
  const written: ChangeEvent[] = [];
  changes.subscribe((event) => written.push(event));
  return {
    db,
    ctx: { db, now: () => new Date(), changes },
    actor: cliActor(),
    where,
    close: async () => {
      try {
        // The running servers hear the command's writes as they hear each other's (a revoked token, an import).
        await sendChanges(db, written);
      } finally {
        await db.close();
        await held?.release();
      }
    },
  };
}

/** Runs `work` with a session and always closes it. */
export async function withDbSession<T>(
  options: OpenSessionOptions,
  work: (session: DbSession) => Promise<T>,
): Promise<T> {
  const session = await openDbSession(options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
