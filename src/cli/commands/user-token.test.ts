/**
 * `healthbsc user` and `healthbsc token` on a PGlite data directory: the first administrator of a production
 * server, the password read from stdin (never a flag) and checked against the policy, and API tokens printed
 * once and stored hashed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../../../test/fixtures/imports/capture-cli.ts';
import { isProblemError } from '../../core/errors/problem.ts';
import { sha256Hex } from '../../server/accounts/secrets.ts';
import { type Env, withDbSession } from '../db-session.ts';
import type { Io } from '../io.ts';
import { runToken } from './token.ts';
import { runUser } from './user.ts';

const BIN = fileURLToPath(new URL('../../../bin/healthbsc', import.meta.url));

let dir = '';
let env: Env = {};

/** `runUser` with a password reader that answers `password` and records how it was asked. */
function userWith(password: string, asked: string[] = []) {
  return (args: readonly string[], io: Io, commandEnv?: Env) =>
    runUser(args, io, commandEnv, async (prompt, { fromStdin }) => {
      asked.push(`${prompt}${fromStdin ? ' (stdin)' : ''}`);
      return password;
    });
}

/** Runs the real command in a child process with `input` on stdin. */
function runBinary(
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthbsc-users-'));
  env = { HEALTHBSC_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('healthbsc user', () => {
  it('creates the first administrator with the password read from stdin, hashed with argon2id', async () => {
    const run = await runBinary(
      ['user', 'create', '--email', 'Chief@Hospital.example', '--admin', '--password-stdin'],
      'a long passphrase for the chief\n',
    );
    const stored = await withDbSession(
      { owner: 'test', env },
      async (s) =>
        (
          await sql<{ email: string; hash: string; actor: string }>`
          select u.email, u.password_hash as hash, a.actor from app_user u
          join audit_log a on a.entity = 'app_user' and a.entity_key = u.email
        `.execute(s.db.kysely)
        ).rows,
    );
    expect({
      code: run.code,
      stdout: run.stdout.trim(),
      email: stored[0]?.email,
      argon2id: stored[0]?.hash.startsWith('$argon2id$'),
      actor: stored[0]?.actor.startsWith('cli:'),
    }).toEqual({
      code: 0,
      stdout: 'Created user chief@hospital.example (admin over everything).',
      email: 'chief@hospital.example',
      argon2id: true,
      actor: true,
    });
  }, 60_000);

  it('refuses a password that breaks the policy, naming why, and creates nothing', async () => {
    let error: unknown;
    try {
      await capture(
        userWith('short'),
        ['create', '--email', 'weak@hospital.example', '--role', 'viewer'],
        env,
      );
    } catch (caught) {
      error = caught;
    }
    expect(isProblemError(error) ? error.problem.issues : error).toEqual([
      {
        path: ['password'],
        code: 'account.password-too-short',
        params: { minimum: 12 },
        message: 'use at least 12 characters',
      },
    ]);
  });

  it('has no password flag, and needs a role or --admin', async () => {
    const flag = capture(
      userWith('irrelevant'),
      ['create', '--email', 'x@y.example', '--password', 'p'],
      env,
    );
    const noRole = await capture(
      userWith('a long enough password'),
      ['create', '--email', 'x@y.example'],
      env,
    );
    await expect(flag).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    expect([noRole.code, noRole.stderr]).toEqual([2, ['give --role ROLE (and --org-unit CODE), or --admin']]);
  });

  it('creates a user with a role over org units and lists the users', async () => {
    const asked: string[] = [];
    await withDbSession({ owner: 'test', env }, async (s) => {
      await s.db.kysely
        .insertInto('org_unit')
        .values({
          code: 'H1',
          name_en: 'Hospital 1',
          name_zh: null,
          type: 'hospital',
          role: null,
          parent_id: null,
        })
        .execute();
    });
    const created = await capture(
      userWith('a long enough password', asked),
      [
        'create',
        '--email',
        'head@hospital.example',
        '--name',
        'Head of H1',
        '--role',
        'approver',
        '--org-unit',
        'H1',
      ],
      env,
    );
    const list = await capture(runUser, ['list'], env);
    expect({
      created: created.stdout,
      asked,
      list: list.stdout[0]
        ?.split('\n')
        .slice(2)
        .map((line) => line.replace(/\s+/g, ' ').trim()),
    }).toEqual({
      created: ['Created user head@hospital.example (approver over H1).'],
      asked: ['Password for head@hospital.example'],
      list: [
        'chief@hospital.example admin over everything',
        'head@hospital.example Head of H1 approver over H1',
      ],
    });
  });
});

describe('healthbsc token', () => {
  it('prints a new token once on stdout, stores only its hash, lists it and revokes it', async () => {
    const created = await capture(
      runToken,
      ['create', '--name', 'his-feed', '--role', 'steward', '--org-unit', 'H1', '--expires', '30'],
      env,
    );
    const token = created.stdout[0] ?? '';
    const hash = await withDbSession(
      { owner: 'test', env },
      async (s) =>
        (
          await sql<{
            hash: string;
          }>`select token_hash as hash from api_token where name = 'his-feed'`.execute(s.db.kysely)
        ).rows[0]?.hash,
    );
    const revoked = await capture(runToken, ['revoke', 'his-feed'], env);
    const list = await capture(runToken, ['list'], env);
    expect({
      stdout: created.stdout.length,
      prefix: token.startsWith('hbsc_') && token.length === 48,
      stderr: created.stderr[0]?.replace(/expires [0-9T:.Z-]+Z/, 'expires …'),
      hash: hash === sha256Hex(token),
      revoked: revoked.stdout[0]?.startsWith('Revoked API token his-feed at '),
      listed: list.stdout[0]?.includes('steward over H1'),
    }).toEqual({
      stdout: 1,
      prefix: true,
      stderr:
        'Created API token his-feed (steward over H1, expires …). It is shown once, below: store it now.',
      hash: true,
      revoked: true,
      listed: true,
    });
  });

  it('refuses an admin token and a token without a name', async () => {
    const errors = [];
    for (const args of [
      ['create', '--name', 'root', '--role', 'admin'],
      ['create', '--role', 'viewer'],
    ]) {
      try {
        await capture(runToken, args, env);
      } catch (error) {
        errors.push(
          isProblemError(error) ? error.problem.issues.map((i) => i.path.join('.')) : String(error),
        );
      }
    }
    expect(errors).toEqual([['role'], ['name']]);
  });
});
