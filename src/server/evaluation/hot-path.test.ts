/**
 * GET /api/evaluations asked again with nothing changed reads neither the change counters nor the approvals
 * (they are kept in memory while the process hears every write: known-revisions.ts, heard-approvals.ts), on
 * PGlite and on PostgreSQL with the change relay; a submission made meanwhile is in the next answer.
 */
import type { KyselyPlugin, OperationNode } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createDatedWorld } from '../../../test/fixtures/dated-world.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { type ChangeRelay, relayChanges } from '../cluster/change-relay.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';
import { ALWAYS_HEARD } from './known-revisions.ts';

/** The tables a statement names, found anywhere in its tree. */
function tablesOf(node: unknown, into: Set<string>): Set<string> {
  if (typeof node !== 'object' || node === null) return into;
  if (Reflect.get(node, 'kind') === 'TableNode') {
    const name: unknown = Reflect.get(Reflect.get(Reflect.get(node, 'table'), 'identifier'), 'name');
    if (typeof name === 'string') into.add(name);
  }
  for (const value of Object.values(node)) tablesOf(value, into);
  return into;
}

describeEachEngine('a cached evaluation on the hot path', (getDb, engineContext) => {
  let server: TestServer;
  let relay: ChangeRelay | null = null;
  let url: string;
  let key: { scorecard: string; orgUnit: string; period: string };
  let recording: Set<string> | null = null;

  beforeAll(async () => {
    const world = await createDatedWorld(getDb());
    await world.server.close();
    key = { scorecard: world.scorecard, orgUnit: world.units.group, period: '2024-05' };
    url = `/api/evaluations?scorecard=${key.scorecard}&orgUnit=${key.orgUnit}&period=2024-05`;
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        if (recording !== null) tablesOf(args.node as OperationNode, recording);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = { ...getDb(), kysely: getDb().kysely.withPlugin(recorder) };
    const hearing = engineContext.name === 'postgres' ? () => relay?.epoch() ?? null : ALWAYS_HEARD;
    server = await createTestServer(db, {
      routesFor: (ctx) => [evaluationRoutes(new EvaluationEngine(ctx.db, ctx.changes, { hearing }))],
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

  it('reads neither the change counters nor the approvals when asked again', async () => {
    const first = await server.request('GET', url);
    recording = new Set();
    const second = await server.request('GET', url);
    const read = [...recording].filter((table) => table === 'change_counter' || table === 'data_approval');
    recording = null;
    expect([first.statusCode, second.statusCode, second.json().total === first.json().total, read]).toEqual([
      200,
      200,
      true,
      [],
    ]);
  });

  it('answers with the approval status a submission made meanwhile', async () => {
    const before = (await server.request('GET', url)).json().approval.status;
    const submitted = await server.request('POST', '/api/approvals/submit', key);
    const after = (await server.request('GET', url)).json().approval.status;
    expect([before, submitted.statusCode, after]).toEqual(['none', 200, 'submitted']);
  });
});
