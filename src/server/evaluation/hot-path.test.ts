/**
 * GET /api/evaluations asked again with nothing changed runs no SQL statement: no change counter, approval, org
 * unit, scorecard, publication or session (the counters, the approvals, the latest publications and the
 * signed-in principal are kept in memory while the process hears every write: known-revisions.ts,
 * heard-approvals.ts, heard-publications.ts, ../accounts/principal-cache.ts; the unit and the scorecard come
 * from the engine's metadata snapshot), on PGlite and on PostgreSQL with the change relay; a submission, a
 * publication, a renamed unit, a new unit or changed weights made meanwhile are in the next answer, and unknown
 * and out-of-scope units are refused as before.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld } from '../../../test/fixtures/dated-world.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { statementRecorder } from '../../../test/fixtures/statements.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { PublicationCheck } from '../../core/contracts/publications.ts';
import type { RankingJson } from '../../core/contracts/rankings.ts';
import { type ChangeRelay, relayChanges } from '../cluster/change-relay.ts';
import { publicationRoutes } from '../publications/publications.routes.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';
import { ALWAYS_HEARD } from './known-revisions.ts';

/** The signed-in principal's tables: another part of the hot path, left out of what these tests count. */
const ACCOUNT_TABLES = new Set(['user_session', 'app_user', 'role_assignment', 'api_token']);

/** What a cached evaluation must not read. */
const HOT_TABLES = new Set([
  'change_counter',
  'data_approval',
  'org_unit',
  'scorecard',
  'publication',
  'publication_result',
]);

describeEachEngine('a cached evaluation on the hot path', (getDb, engineContext) => {
  let server: TestServer;
  let relay: ChangeRelay | null = null;
  let url: string;
  let key: { scorecard: string; orgUnit: string; period: string };
  let units: { readonly group: string; readonly h1: string; readonly h2: string };
  /** The tables of each statement run while recording. */
  let recording: Set<string>[] | null = null;

  beforeAll(async () => {
    const world = await createDatedWorld(getDb());
    await world.server.close();
    key = { scorecard: world.scorecard, orgUnit: world.units.group, period: '2024-05' };
    units = world.units;
    url = `/api/evaluations?scorecard=${key.scorecard}&orgUnit=${key.orgUnit}&period=2024-05`;
    const recorder = statementRecorder((tables) => recording?.push(tables));
    const db = { ...getDb(), kysely: getDb().kysely.withPlugin(recorder) };
    const hearing = engineContext.name === 'postgres' ? () => relay?.epoch() ?? null : ALWAYS_HEARD;
    server = await createTestServer(db, {
      // The session and its principal kept in memory too, as start-server.ts sets it up.
      accounts: { hearing },
      routesFor: (ctx) => {
        const engine = new EvaluationEngine(ctx.db, ctx.changes, { hearing });
        return [evaluationRoutes(engine), publicationRoutes(engine)];
      },
    });
    relay = await relayChanges(getDb(), server.ctx.changes, (error) => {
      throw error;
    });
    for (let i = 0; i < 100 && relay !== null && relay.epoch() === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await relay?.close();
    await server.close();
  });

  /** The hot tables the requests `send` makes read, leaving out the statements of the signed-in principal. */
  async function hotTablesRead<T>(send: () => Promise<T>): Promise<{ result: T; read: string[] }> {
    recording = [];
    try {
      const result = await send();
      const read = recording
        .filter((tables) => ![...tables].some((table) => ACCOUNT_TABLES.has(table)))
        .flatMap((tables) => [...tables].filter((table) => HOT_TABLES.has(table)));
      return { result, read: [...new Set(read)].sort() };
    } finally {
      recording = null;
    }
  }

  async function evaluation(orgUnit = key.orgUnit): Promise<EvaluationJson> {
    const url = `/api/evaluations?scorecard=${key.scorecard}&orgUnit=${orgUnit}&period=${key.period}`;
    const response = await server.request('GET', url);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<EvaluationJson>();
  }

  it('runs no SQL statement at all when asked again: no counter, approval, unit, scorecard, publication or session', async () => {
    const first = await server.request('GET', url);
    recording = [];
    const second = await server.request('GET', url);
    const statements = recording.map((tables) => [...tables].sort().join(','));
    recording = null;
    expect([first.statusCode, second.statusCode, statements]).toEqual([200, 200, []]);
    expect(second.json()).toEqual(first.json());
  });

  it('answers with the approval status a submission made meanwhile', async () => {
    const before = (await server.request('GET', url)).json().approval.status;
    const submitted = await server.request('POST', '/api/approvals/submit', key);
    const after = (await server.request('GET', url)).json().approval.status;
    expect([before, submitted.statusCode, after]).toEqual(['none', 200, 'submitted']);
  });

  it('answers with weights changed meanwhile', async () => {
    const before = await evaluation();
    const put = await server.request('PUT', `/api/scorecards/${key.scorecard}/weights`, {
      weights: {
        perspectives: { manual: { I: 0.4, C: 0.6 } },
        indicators: { I: { manual: { OCC: 0.8, TURN: 0.2 } }, C: { manual: { FLOW: 1 } } },
      },
      effectiveFrom: '2024',
    });
    const after = await evaluation();
    expect([
      before.perspectives.map((p) => p.weight),
      put.statusCode,
      after.perspectives.map((p) => p.weight),
      after.versions?.weights.version,
    ]).toEqual([[0.7, 0.3], 200, [0.4, 0.6], 2]);
  });

  it('answers with a publication made meanwhile, then keeps it in memory', async () => {
    const before = await evaluation(units.h1);
    const query = `scorecard=${key.scorecard}&orgUnit=${key.orgUnit}&period=${key.period}`;
    const check = await server.request('GET', `/api/publications/check?${query}`);
    const published = await server.request('POST', '/api/publications', {
      ...key,
      unapprovedPeriods: check.json<PublicationCheck>().unapprovedPeriods,
    });
    const after = await evaluation(units.h1);
    const { result: again, read } = await hotTablesRead(() => evaluation(units.h1));
    expect([
      before.publication,
      published.statusCode,
      after.publication?.id,
      again.publication?.id,
      read,
    ]).toEqual([null, 201, published.json().id, published.json().id, []]);
  });

  it('names a unit renamed meanwhile in the ranking', async () => {
    const ranking = `/api/rankings?scorecard=${key.scorecard}&period=${key.period}&parent=${units.group}&view=full`;
    const nameOf = async () =>
      (await server.request('GET', ranking))
        .json<RankingJson>()
        .items.find((item) => item.orgUnit === units.h2)?.name.en;
    const before = await nameOf();
    const renamed = await server.request('PATCH', `/api/org-units/${units.h2}`, { name: { en: 'Renamed' } });
    expect([before, renamed.statusCode, await nameOf()]).toEqual([`Hospital ${units.h2}`, 200, 'Renamed']);
  });

  it('evaluates a unit created meanwhile, which was unknown (404) before', async () => {
    const code = `${units.h1}N`;
    const url = `/api/evaluations?scorecard=${key.scorecard}&orgUnit=${code}&period=${key.period}`;
    const unknown = await server.request('GET', url);
    const created = await server.request('POST', '/api/org-units', {
      code,
      name: { en: 'New hospital' },
      type: 'hospital',
      parent: units.group,
    });
    const known = await server.request('GET', url);
    expect([unknown.statusCode, unknown.json().code, unknown.json().detail, created.statusCode]).toEqual([
      404,
      'org-unit.not-found',
      `There is no org unit '${code}'.`,
      201,
    ]);
    expect([known.statusCode, known.json().orgUnit]).toEqual([200, code]);
  });

  it('refuses a unit outside the reader’s scope (403) as before, on a cached evaluation too', async () => {
    const reader = await server.sessionWith([{ role: 'viewer', orgUnit: units.h1 }]);
    const get = (orgUnit: string) =>
      server.requestAs(
        reader,
        'GET',
        `/api/evaluations?scorecard=${key.scorecard}&orgUnit=${orgUnit}&period=${key.period}`,
      );
    await evaluation(units.h2);
    const outside = await get(units.h2);
    const inside = await get(units.h1);
    expect([outside.statusCode, outside.json().code, outside.json().detail, inside.statusCode]).toEqual([
      403,
      'access.no-access-to-unit',
      `You have no access to org unit '${units.h2}'.`,
      200,
    ]);
  });
});
