/**
 * One process at a time in a PGlite data directory. PGlite is PostgreSQL compiled to WebAssembly without
 * the postmaster that guards a real data directory (postmaster.pid), so two processes opening the same
 * directory would both write to it and corrupt it. The server and every CLI command that opens the
 * database take this lock first.
 *
 * The lock is a file `healthbsc.lock` in the directory holding `{ pid, owner, since }`. It is created with
 * O_EXCL, so of two processes starting together exactly one wins. A lock whose process has died (a crash, a
 * `kill -9`) is stale and taken over.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'healthbsc.lock';

/** What the lock file holds. */
export interface DataDirLockInfo {
  readonly pid: number;
  /** Who holds it, as a person would say it: `the HealthBSC server`, `healthbsc import`. */
  readonly owner: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

/** The directory is in use by another live process. */
export class DataDirLockedError extends Error {
  readonly holder: DataDirLockInfo;
  constructor(message: string, holder: DataDirLockInfo) {
    super(message);
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** True when a process with this pid exists (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function parseInfo(text: string): DataDirLockInfo | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const pid: unknown = Reflect.get(value, 'pid');
    const owner: unknown = Reflect.get(value, 'owner');
    const since: unknown = Reflect.get(value, 'since');
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return {
      pid,
      owner: typeof owner === 'string' && owner !== '' ? owner : 'another HealthBSC process',
      since: typeof since === 'string' ? since : '',
    };
  } catch {
    return null;
  }
}

/** `./data` for a directory under the working directory, else the path as given. */
function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') ? `./${rel}` : dir;
}

async function tryCreate(path: string, info: DataDirLockInfo): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(info)}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock of a PGlite data directory (creating the directory if needed) for this process, or throws
 * `DataDirLockedError` when another live process holds it:
 * "the HealthBSC server (pid 4242) is using ./data; stop it or use the HTTP API".
 * A lock left by a process that no longer runs is taken over. A lock held by this very process is refused
 * too: PGlite must not be opened twice on one directory even within one process.
 *
 * @example
 * const lock = await acquireDataDirLock('./data', 'healthbsc import');
 * try { … open PGlite in ./data … } finally { await lock.release(); }
 */
export async function acquireDataDirLock(dir: string, owner: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  const mine: DataDirLockInfo = { pid: process.pid, owner, since: new Date().toISOString() };
  // Two rounds: the second after removing a stale lock (another process may win that race; then we refuse).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await tryCreate(path, mine)) return makeLock(path);
    const text = await readFile(path, 'utf8').catch(() => '');
    const holder = parseInfo(text);
    if (holder !== null && isAlive(holder.pid)) {
      throw new DataDirLockedError(
        `${holder.owner} (pid ${holder.pid}) is using ${displayPath(dir)}; stop it or use the HTTP API`,
        holder,
      );
    }
    // Stale (dead pid) or unreadable (a crash while writing it): take it over.
    await unlink(path).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
  }
  const holder = parseInfo(await readFile(path, 'utf8').catch(() => '')) ?? {
    ...mine,
    owner: 'another process',
  };
  throw new DataDirLockedError(
    `${holder.owner} (pid ${holder.pid}) took ${displayPath(dir)} at the same moment; try again`,
    holder,
  );
}

function makeLock(path: string): DataDirLock {
  let released: Promise<void> | undefined;
  return {
    path,
    release: () => {
      released ??= (async () => {
        const holder = parseInfo(await readFile(path, 'utf8').catch(() => ''));
        if (holder?.pid === process.pid) await unlink(path).catch(() => undefined);
      })();
      return released;
    },
  };
}

/**
 * Who holds the lock of `dir` now, or null when nobody (no lock file, or a stale one): a command that can ask a
 * running server instead (`healthbsc study`) does so when the server holds the directory.
 *
 * @example await liveDataDirLock('./data') // { pid: 4242, owner: 'the HealthBSC server', since: '…' }
 */
export async function liveDataDirLock(dir: string): Promise<DataDirLockInfo | null> {
  const holder = parseInfo(await readFile(join(dir, LOCK_FILE_NAME), 'utf8').catch(() => ''));
  return holder !== null && holder.pid !== process.pid && isAlive(holder.pid) ? holder : null;
}
