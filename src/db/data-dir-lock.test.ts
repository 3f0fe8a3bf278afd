import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'healthbsc-lock-'));
  dirs.push(dir);
  return dir;
}

/** A process that is alive until the test ends. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  await new Promise((resolve) => child.on('exit', resolve));
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('writes a lock file holding this process id and the owner, and removes it on release', async () => {
    const dir = await tempDir();
    const lock = await acquireDataDirLock(dir, 'healthbsc import');
    const info = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, owner: 'healthbsc import' });
    await lock.release();
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('creates a data directory that does not exist yet', async () => {
    const dir = join(await tempDir(), 'data');
    const lock = await acquireDataDirLock(dir, 'the HealthBSC server');
    expect((await stat(dir)).isDirectory()).toBe(true);
    await lock.release();
  });

  it('refuses while another live process holds the directory, naming it and its pid', async () => {
    const dir = await tempDir();
    const pid = liveProcess();
    await writeFile(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid, owner: 'the HealthBSC server', since: '2026-01-01T00:00:00Z' }),
    );
    const attempt = acquireDataDirLock(dir, 'healthbsc import');
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(
      `the HealthBSC server (pid ${pid}) is using ${dir}; stop it or use the HTTP API`,
    );
  });

  it('refuses a second lock taken by the same process', async () => {
    const dir = await tempDir();
    const lock = await acquireDataDirLock(dir, 'the HealthBSC server');
    await expect(acquireDataDirLock(dir, 'healthbsc backup')).rejects.toThrow(`(pid ${process.pid})`);
    await lock.release();
  });

  it('takes over a stale lock left by a process that has exited', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: await deadPid(), owner: 'crashed' }));
    const lock = await acquireDataDirLock(dir, 'healthbsc restore');
    const info = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, owner: 'healthbsc restore' });
    await lock.release();
  });

  it('takes over an unreadable lock file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE_NAME), 'not json');
    const lock = await acquireDataDirLock(dir, 'healthbsc import');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('leaves a lock taken over by someone else in place when released late', async () => {
    const dir = await tempDir();
    const lock = await acquireDataDirLock(dir, 'healthbsc import');
    const other = { pid: liveProcess(), owner: 'the HealthBSC server', since: '' };
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify(other));
    await lock.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual(other);
  });
});
