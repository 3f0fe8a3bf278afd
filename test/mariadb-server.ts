/**
 * A throwaway MariaDB server for tests (Debian's mariadb-server): `mariadb-install-db` into a temp directory,
 * then `mariadbd --no-defaults` on 127.0.0.1 at a free port with its socket inside that directory, run as root
 * (`--user=root`, as CI runs). `stop()` ends it and deletes the directory.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { freePort } from './free-port.ts';

const exec = promisify(execFile);

export interface MariaDbServer {
  readonly port: number;
  /** Connects as root over TCP (no password: unix_socket-free root created by install-db with --auth-root-authentication-method=normal). */
  readonly rootConfig: { host: string; port: number; user: string; password: string };
  stop(): Promise<void>;
}

export async function startMariaDb(): Promise<MariaDbServer> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-mariadb-'));
  const datadir = join(dir, 'data');
  await exec('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${join(dir, 'mysqld.sock')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
    ],
    { stdio: 'ignore' },
  );
  const rootConfig = { host: '127.0.0.1', port, user: 'root', password: '' };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await mysql.createConnection(rootConfig);
      await connection.end();
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    port,
    rootConfig,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
