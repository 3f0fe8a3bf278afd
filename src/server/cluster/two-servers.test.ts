/**
 * Two server processes (`healthbsc serve`, each a child process) on one throwaway PostgreSQL, as behind a
 * reverse proxy: a session made on one works on the other, a sign-out on one ends it on both (also where the
 * other keeps it in memory, once the relay tells it), a role taken away on one holds on both, a value
 * written through one is in the other's next evaluation (the relay applies it; the change counters would
 * reload it), so is a publication made through one (the relay drops what the other kept of publications), and
 * failed sign-ins on one throttle the account on the other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, postgresUrlOf } from '../../../test/engines.ts';
import { TEST_PASSWORD } from '../../../test/fixtures/accounts.ts';
import { createDatedWorld } from '../../../test/fixtures/dated-world.ts';
import { TEST_ADMIN } from '../../../test/fixtures/server.ts';
import { freePort } from '../../../test/free-port.ts';
import { CSRF_HEADER } from '../../core/contracts/accounts.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { Publication, PublicationCheck } from '../../core/contracts/publications.ts';

const BIN = fileURLToPath(new URL('../../../bin/healthbsc', import.meta.url));

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts `healthbsc serve` on the database at `databaseUrl`; resolves with its address once it is ready. */
async function serve(databaseUrl: string, jobs: 'on' | 'off'): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      HEALTHBSC_DATABASE_URL: databaseUrl,
      HEALTHBSC_MODE: 'production',
      HEALTHBSC_JOBS: jobs,
      HEALTHBSC_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`healthbsc serve exited ${code}:\n${output}`)));
  });
  for (let i = 0; i < 600; i += 1) {
    if ((await fetch(`${url}/api/health/ready`)).status === 200) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready:\n${output}`);
}

async function stop(server: Server | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(
  server: Server,
  email: string = TEST_ADMIN.email,
  password: string = TEST_ADMIN.password,
): Promise<Session> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

function send(server: Server, session: Session, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * The status `request` answers once it is `wanted`, or the last one after about five seconds: a server keeps
 * sessions in memory, and the other server's write reaches it with the relay's notification, a few
 * milliseconds after the write.
 */
async function statusOnceRelayed(request: () => Promise<Response>, wanted: number): Promise<number> {
  let status = (await request()).status;
  for (let i = 0; i < 100 && status !== wanted; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await request()).status;
  }
  return status;
}

describeEachEngine(
  'two server processes on one PostgreSQL',
  (getDb) => {
    let a: Server | undefined;
    let b: Server | undefined;
    let world: { scorecard: string; group: string; h1: string };

    beforeAll(async () => {
      const w = await createDatedWorld(getDb());
      world = { scorecard: w.scorecard, group: w.units.group, h1: w.units.h1 };
      await w.server.close();
      const url = postgresUrlOf(getDb());
      [a, b] = await Promise.all([serve(url, 'on'), serve(url, 'off')]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all([stop(a), stop(b)]);
    });

    const servers = () => {
      if (a === undefined || b === undefined) throw new Error('the servers did not start');
      return { a, b };
    };
    const evaluationPath = () =>
      `/api/evaluations?scorecard=${world.scorecard}&orgUnit=${world.group}&period=2024-05`;

    it('accepts on one server a session made on the other', async () => {
      const { a, b } = servers();
      const session = await signIn(a);
      const response = await send(b, session, 'GET', '/api/session');
      expect([response.status, ((await response.json()) as { user: { email: string } }).user.email]).toEqual([
        200,
        TEST_ADMIN.email,
      ]);
    });

    it("shows a value written through one server in the other's next evaluation", async () => {
      const { a, b } = servers();
      const session = await signIn(a);
      const before = (await (await send(b, session, 'GET', evaluationPath())).json()) as EvaluationJson;
      const write = await send(a, session, 'POST', '/api/data-values', {
        values: [
          { orgUnit: world.h1, dataElement: `${world.scorecard}_occupied`, period: '2024-05', value: 999 },
        ],
      });
      const onA = (await (await send(a, session, 'GET', evaluationPath())).json()) as EvaluationJson;
      const onB = (await (await send(b, session, 'GET', evaluationPath())).json()) as EvaluationJson;
      expect([write.status, onB.total === before.total, onB.total]).toEqual([200, false, onA.total]);
    });

    it("shows a publication made through one server in the other's next evaluation", async () => {
      const { a, b } = servers();
      const session = await signIn(a);
      // B keeps that there is no publication yet (heard-publications.ts); A's publication must drop it.
      const before = (await (await send(b, session, 'GET', evaluationPath())).json()) as EvaluationJson;
      const key = { scorecard: world.scorecard, orgUnit: world.group, period: '2024-05' };
      const check = await send(
        a,
        session,
        'GET',
        `/api/publications/check?scorecard=${key.scorecard}&orgUnit=${key.orgUnit}&period=${key.period}`,
      );
      const { unapprovedPeriods } = (await check.json()) as PublicationCheck;
      const published = await send(a, session, 'POST', '/api/publications', { ...key, unapprovedPeriods });
      const { id } = (await published.json()) as Publication;
      // The relay's notification reaches B a moment after A answered; without it, B would keep "none" for good.
      let onB: EvaluationJson | undefined;
      for (let i = 0; i < 100 && onB?.publication?.id !== id; i += 1) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        onB = (await (await send(b, session, 'GET', evaluationPath())).json()) as EvaluationJson;
      }
      expect([before.publication, published.status, onB?.publication?.id]).toEqual([null, 201, id]);
    });

    it('ends on the other server a session signed out on one', async () => {
      const { a, b } = servers();
      const session = await signIn(a);
      const out = await send(a, session, 'DELETE', '/api/session');
      const after = await send(b, session, 'GET', '/api/session');
      expect([out.status, after.status]).toEqual([204, 401]);
    });

    it('ends on the other server a session it keeps in memory, once the sign-out on one is relayed', async () => {
      const { a, b } = servers();
      const session = await signIn(a);
      const kept = await send(b, session, 'GET', '/api/session');
      const out = await send(a, session, 'DELETE', '/api/session');
      const after = await statusOnceRelayed(() => send(b, session, 'GET', '/api/session'), 401);
      expect([kept.status, out.status, after]).toEqual([200, 204, 401]);
    });

    it('refuses on the other server, once relayed, a user whose role an administrator took away on one', async () => {
      const { a, b } = servers();
      const admin = await signIn(a);
      const email = 'taken-away@two-servers.test';
      const created = await send(a, admin, 'POST', '/api/users', {
        email,
        password: TEST_PASSWORD,
        assignments: [{ role: 'admin', orgUnit: null }],
      });
      const { id } = (await created.json()) as { id: number };
      const user = await signIn(b, email, TEST_PASSWORD);
      const kept = await send(b, user, 'GET', '/api/users');
      const taken = await send(a, admin, 'PATCH', `/api/users/${id}`, { assignments: [] });
      const after = await statusOnceRelayed(() => send(b, user, 'GET', '/api/users'), 403);
      expect([created.status, kept.status, taken.status, after]).toEqual([201, 200, 200, 403]);
    });

    it('throttles on the other server the sign-ins of an account that failed on one', async () => {
      const { a, b } = servers();
      const attempt = (server: Server) =>
        fetch(`${server.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@two-servers.test', password: 'wrong-password' }),
        });
      const onA: number[] = [];
      while (onA.at(-1) !== 429 && onA.length < 12) onA.push((await attempt(a)).status);
      const onB = await attempt(b);
      expect([onA.at(-1), onB.status]).toEqual([429, 429]);
    });
  },
  { engines: ['postgres'] },
);
