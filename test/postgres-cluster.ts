/**
 * A throwaway PostgreSQL cluster for integration tests: `initdb` in a temporary directory, a server on
 * 127.0.0.1 at a free port with its socket inside that directory, trust authentication, no fsync.
 * `stop()` shuts it down and deletes the directory.
 *
 * PostgreSQL refuses to run as root, so under root the binaries run as the `postgres` user through
 * `runuser`. If the binaries or that user are missing this FAILS with a message saying what to install:
 * CI must run the PostgreSQL half of the suite, never skip it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: the superuser on the maintenance database. */
  readonly url: string;
  readonly port: number;
  /** The temporary directory holding the data directory, the socket and server.log. */
  readonly directory: string;
  /** The URL of another database on this cluster. */
  urlFor(database: string): string;
  /** Stops the server (fast shutdown) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Where initdb, pg_ctl and postgres are. Default: found on PATH. */
  readonly binDir?: string;
}

const INSTALL_HINT =
  'The PostgreSQL integration tests need the PostgreSQL 15 server binaries (initdb, pg_ctl, postgres). ' +
  'On Debian: apt-get install postgresql-15, then put /usr/lib/postgresql/15/bin on PATH.';

interface RunAs {
  /** Prefix that makes a command run as the cluster's owner (`runuser -u postgres --` under root). */
  readonly prefix: readonly string[];
  readonly uid: number;
  readonly gid: number;
}

function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const stderr: unknown = Reflect.get(error, 'stderr');
  const message = error instanceof Error ? error.message : String(error);
  return typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : message;
}

async function command(argv: readonly string[], what: string): Promise<string> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty command');
  try {
    const { stdout } = await run(file, args, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    throw new Error(`${what} failed: ${errorText(error)}`, { cause: error });
  }
}

async function findBinary(name: string, binDir: string | undefined): Promise<string> {
  const path = binDir === undefined ? name : join(binDir, name);
  try {
    await run(path, ['--version'], { encoding: 'utf8' });
    return path;
  } catch {
    throw new Error(
      `${name} was not found${binDir === undefined ? ' on PATH' : ` in ${binDir}`}. ${INSTALL_HINT}`,
    );
  }
}

/** runuser lives in /usr/sbin, which a minimal PATH (cron, CI) may lack. */
async function findRunuser(): Promise<string> {
  for (const candidate of ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser']) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next place
    }
  }
  return 'runuser';
}

async function resolveRunAs(): Promise<RunAs> {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || gid === undefined)
    throw new Error('A throwaway PostgreSQL cluster needs a POSIX system.');
  if (uid !== 0) return { prefix: [], uid, gid };
  try {
    const [userId, groupId] = await Promise.all([
      command(['id', '-u', 'postgres'], 'id -u postgres'),
      command(['id', '-g', 'postgres'], 'id -g postgres'),
    ]);
    return {
      prefix: [await findRunuser(), '-u', 'postgres', '--'],
      uid: Number(userId),
      gid: Number(groupId),
    };
  } catch (error) {
    throw new Error(
      `Running as root, and PostgreSQL refuses to run as root: the tests run it as the user "postgres", ` +
        `which does not exist (${errorText(error)}). ${INSTALL_HINT}`,
      { cause: error },
    );
  }
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * pg_ctl detaches the server, so a test process that dies without `stop()` (Vitest ends its workers
 * with SIGTERM, then SIGKILL; a crash) would leave it running. A detached shell watches this process
 * and, once it is gone, stops the server and deletes the directory. `stop()` kills the watchdog first.
 */
function startWatchdog(runAs: RunAs, pgCtl: string, root: string, dataDir: string): ChildProcess {
  const stopCommand = [...runAs.prefix, pgCtl, 'stop', '-D', dataDir, '-m', 'immediate', '-w'].map(
    shellQuote,
  );
  const script =
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `${stopCommand.join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(root)}`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
}

/** Settings for a disposable server: fast, local-only, nothing written twice for durability. */
function serverSettings(port: number, socketDir: string): string {
  return [
    '',
    '# throwaway test cluster (test/postgres-cluster.ts)',
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${socketDir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 50',
    "shared_buffers = '32MB'",
    '',
  ].join('\n');
}

/**
 * Starts a PostgreSQL cluster in a new temporary directory and waits until it accepts connections.
 *
 * @example
 * const cluster = await startPostgresCluster();
 * const db = await connect({ engine: 'postgres', url: cluster.url });
 * …
 * await db.close(); await cluster.stop();
 */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  // One after another, so the message names the first missing binary every time.
  const initdb = await findBinary('initdb', options.binDir);
  const pgCtl = await findBinary('pg_ctl', options.binDir);
  await findBinary('postgres', options.binDir);
  const runAs = await resolveRunAs();
  const root = await mkdtemp(join(tmpdir(), 'healthbsc-pg-'));
  const dataDir = join(root, 'data');
  let started = false;
  try {
    await chown(root, runAs.uid, runAs.gid);
    await command(
      [
        ...runAs.prefix,
        initdb,
        '-D',
        dataDir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      'initdb',
    );
    const port = await freePort();
    const conf = join(dataDir, 'postgresql.conf');
    await writeFile(conf, `${await readFile(conf, 'utf8')}${serverSettings(port, root)}`);
    // -w waits until the server accepts connections (pg_ctl polls postmaster.pid for "ready").
    await command(
      [...runAs.prefix, pgCtl, 'start', '-D', dataDir, '-w', '-t', '60', '-l', join(root, 'server.log')],
      'pg_ctl start',
    ).catch(async (error: unknown) => {
      const log = await readFile(join(root, 'server.log'), 'utf8').catch(() => '');
      throw new Error(`${errorText(error)}\n--- server.log ---\n${log}`, { cause: error });
    });
    started = true;
    const watchdog = startWatchdog(runAs, pgCtl, root, dataDir);
    const urlFor = (database: string): string =>
      `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    let stopping: Promise<void> | undefined;
    return {
      url: urlFor('postgres'),
      port,
      directory: root,
      urlFor,
      stop: () => {
        watchdog.kill();
        stopping ??= stopCluster(runAs, pgCtl, root, dataDir);
        return stopping;
      },
    };
  } catch (error) {
    if (started) await stopCluster(runAs, pgCtl, root, dataDir).catch(() => {});
    else await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function stopCluster(runAs: RunAs, pgCtl: string, root: string, dataDir: string): Promise<void> {
  try {
    await command(
      [...runAs.prefix, pgCtl, 'stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'],
      'pg_ctl stop',
    );
  } catch (error) {
    // Fall back to the postmaster's pid (first line of postmaster.pid): SIGINT is a fast shutdown.
    const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const pid = Number(pidFile.split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw error;
    process.kill(pid, 'SIGINT');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
