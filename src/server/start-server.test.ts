/**
 * The product as a newcomer starts it (npm start): a fresh database, migrations, the demo, the evaluation API.
 * On PGlite in a data directory (the default) and on PostgreSQL 15.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../test/postgres-cluster.ts';
import type { MetaResource } from '../core/contracts/accounts.ts';
import type { Page } from '../core/contracts/common.ts';
import type { EvaluationJson } from '../core/contracts/evaluation.ts';
import type { JobList } from '../core/contracts/jobs.ts';
import type { Publication } from '../core/contracts/publications.ts';
import type { RankingJson } from '../core/contracts/rankings.ts';
import { DEMO_USERS } from './accounts/demo-users.ts';
import { loadConfig } from './config.ts';
import { type RunningServer, startServer } from './start-server.ts';

/** The session cookie of a demo user signed in over HTTP, as a `cookie` header. */
async function signInAs(server: RunningServer, email: string): Promise<Record<string, string>> {
  const user = DEMO_USERS.find((u) => u.email === email);
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: user?.password }),
  });
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
  return { cookie: cookies.join('; ') };
}

let headers: Record<string, string> = {};

async function getJson<T>(server: RunningServer, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`${engine}: a first start with the demo`, () => {
    let server: RunningServer;
    let dir = '';
    let cluster: PostgresCluster | undefined;
    const messages: string[] = [];
    let startEnv: Record<string, string> = {};

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'healthbsc-start-'));
      const env: Record<string, string> = {
        HEALTHBSC_DATA_DIR: join(dir, 'data'),
        HEALTHBSC_TIMEZONE: 'Asia/Shanghai',
      };
      if (engine === 'postgres') {
        cluster = await startPostgresCluster();
        env.HEALTHBSC_DATABASE_URL = cluster.url;
        // PGlite keeps its snapshots in its data directory; PostgreSQL servers are told where.
        env.HEALTHBSC_CUBE_SNAPSHOT_DIR = join(dir, 'snapshots');
      }
      startEnv = env;
      // Port 0: the OS picks a free one, so suites never collide.
      server = await startServer(
        { ...loadConfig(env), port: 0 },
        { progress: (m) => messages.push(m), logRequests: false },
      );
      headers = await signInAs(server, 'admin@demo.healthbsc');
    }, 180_000);

    afterAll(async () => {
      await server?.close();
      await cluster?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('loads the demo and reports it', () => {
      expect(server.demoLoaded).toBe(true);
      expect(messages).toContain('Loading AZ Hospital (seed 002)…');
    });

    it('creates one demo user per role, says it is a demo, and serves nothing without signing in', async () => {
      const anonymous = await fetch(
        `${server.url}/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016`,
      );
      const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as MetaResource;
      const session = await getJson<{ user: { email: string }; demo: boolean }>(server, '/api/session');
      expect({
        users: messages.some((m) =>
          m.startsWith(`Created the demo users: ${DEMO_USERS.map((u) => u.email).join(', ')}`),
        ),
        anonymous: anonymous.status,
        meta: [meta.mode, meta.demo, meta.setupRequired],
        session: [session.body.user.email, session.body.demo],
      }).toEqual({
        users: true,
        anonymous: 401,
        meta: ['demo', true, false],
        session: ['admin@demo.healthbsc', true],
      });
    });

    it('lets the department entry user read their department and refuses its hospital', async () => {
      const entry = await signInAs(server, 'entry@demo.healthbsc');
      const query = 'scorecard=UMG-BSC&period=2024';
      const own = await fetch(`${server.url}/api/evaluations?${query}&orgUnit=UMG-B1-INTM`, {
        headers: entry,
      });
      const hospital = await fetch(`${server.url}/api/evaluations?${query}&orgUnit=UMG-B1`, {
        headers: entry,
      });
      const refused = (await hospital.json()) as { code: string; detail: string };
      expect([own.status, hospital.status, refused.code, refused.detail]).toEqual([
        200,
        403,
        'access.no-access-to-unit',
        "You have no access to org unit 'UMG-B1'.",
      ]);
    });

    it("serves seed 002's AZ Hospital evaluation: V = 92.57 and the five perspective scores", async () => {
      const { status, body } = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
      );
      expect(status).toBe(200);
      expect(body.total).toBeCloseTo(92.57, 2);
      expect(body.rating).toBe('Very good');
      expect(body.perspectives.map((p) => Number(p.score?.toFixed(2)))).toEqual([
        91.93, 87.97, 98.33, 92.17, 88.62,
      ]);
    });

    it('publishes AZ Hospital 2016 and the group’s 2021–2023 when the demo loads', async () => {
      const { body } = await getJson<Page<Publication>>(server, '/api/publications');
      expect(
        body.items.map((p) => [p.scorecard, p.orgUnit, p.period, p.unapprovedPeriods, p.units > 0]).reverse(),
      ).toEqual([
        ['AZ-HOSPITAL', 'AZ', '2016', ['2016'], true],
        ['UMG-BSC', 'UMG', '2021', ['2021'], true],
        ['UMG-BSC', 'UMG', '2022', ['2022'], true],
        ['UMG-BSC', 'UMG', '2023', ['2023'], true],
      ]);
    });

    it('serves AZ Hospital 2016 as published: V = 92.57, the same as computed today', async () => {
      const { body } = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016&view=published',
      );
      expect([body.view, Number(body.total?.toFixed(2)), body.publication?.differs]).toEqual([
        'published',
        92.57,
        false,
      ]);
    });

    it('ranks the demo group’s hospitals, head and branches, for 2024', async () => {
      const { body } = await getJson<RankingJson>(
        server,
        '/api/rankings?view=full&scorecard=UMG-BSC&parent=UMG&period=2024',
      );
      expect(body.items.map((i) => i.orgUnit).sort()).toEqual([
        'UMG-B1',
        'UMG-B2',
        'UMG-B3',
        'UMG-B4',
        'UMG-HEAD',
      ]);
      expect(body.items.filter((i) => i.role === 'head')).toHaveLength(1);
      for (const item of body.items) expect(item.evaluation.total).toBeGreaterThan(0);
    });

    it("computes the group's county visit rate from summed numerators and denominators (seed 000: 80.26 % in 2024)", async () => {
      const { body } = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
      );
      const county = body.perspectives.flatMap((p) => p.indicators).find((i) => i.id === 'county_visit_rate');
      expect(county?.actual).toBeCloseTo(80.26, 2);
      expect(county?.target).toBe(90);
    });

    it('scores a department on the department scorecard, where all its weight has data, and rates it', async () => {
      const { body } = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=UMG-DEPT-BSC&orgUnit=UMG-B1-INTM&period=2024',
      );
      expect([body.weightCoverage, body.insufficientData, body.total !== null, body.rating !== null]).toEqual(
        [1, false, true, true],
      );
    });

    it('shows a department on the group scorecard as insufficient data: 37.5 % of the weight, below 60 %', async () => {
      const { body } = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=UMG-BSC&orgUnit=UMG-B1-INTM&period=2024',
      );
      expect([
        body.weightCoverage,
        body.minimumCoverage,
        body.insufficientData,
        body.total,
        body.rating,
      ]).toEqual([0.375, 0.6, true, null, null]);
    });

    it('assigns the group scorecard to the group and its hospitals, the department scorecard to each department', async () => {
      const group = await getJson<{ orgUnits: { orgUnit: string }[] }>(
        server,
        '/api/scorecards/UMG-BSC/org-units',
      );
      const departments = await getJson<{ orgUnits: { orgUnit: string }[] }>(
        server,
        '/api/scorecards/UMG-DEPT-BSC/org-units',
      );
      expect(group.body.orgUnits.map((u) => u.orgUnit)).toEqual([
        'UMG',
        'UMG-B1',
        'UMG-B2',
        'UMG-B3',
        'UMG-B4',
        'UMG-HEAD',
      ]);
      expect(departments.body.orgUnits).toHaveLength(21);
    });

    it('runs the background jobs, the session clean-up among them, in the configured time zone', async () => {
      const { status, body } = await getJson<JobList>(server, '/api/jobs');
      const cleanup = body.items.find((job) => job.name === 'session-cleanup');
      expect({
        status,
        runsJobs: body.runsJobs,
        cleanup: [cleanup?.cron, cleanup?.timezone],
        said: messages.includes('Background jobs run here; cron times are read in Asia/Shanghai.'),
      }).toEqual({ status: 200, runsJobs: true, cleanup: ['15 3 * * *', 'Asia/Shanghai'], said: true });
    });

    it('starts again from the snapshots it left, ready with the same scores', async () => {
      await server.ready;
      const before = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
      );
      await server.close();
      const again: string[] = [];
      server = await startServer(
        { ...loadConfig(startEnv), port: 0 },
        { progress: (m) => again.push(m), logRequests: false },
      );
      await server.ready;
      headers = await signInAs(server, 'admin@demo.healthbsc');
      const after = await getJson<EvaluationJson>(
        server,
        '/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
      );
      const ready = again.find((m) => m.startsWith('Ready:')) ?? '';
      const [, organisations, fromSnapshots] =
        /of (\d+) organisation\(s\) are loaded, (\d+) of them/.exec(ready) ?? [];
      expect([
        Number(organisations) > 0,
        fromSnapshots === organisations,
        after.status,
        after.body.total,
      ]).toEqual([true, true, 200, before.body.total]);
      expect(after.body.total).toBeCloseTo(92.57, 2);
    });

    it('answers an unknown org unit with a 404 problem', async () => {
      const response = await fetch(
        `${server.url}/api/evaluations?scorecard=AZ-HOSPITAL&orgUnit=NOPE&period=2016`,
        { headers },
      );
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 404,
        code: 'org-unit.not-found',
        params: { code: 'NOPE' },
        detail: "There is no org unit 'NOPE'.",
      });
    });
  });
}
