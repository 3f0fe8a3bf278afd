/**
 * Issue 11's "a 12-month series (≤ 5 SQL statements, counted)": the SQL statements one
 * `GET /api/series` of twelve months runs over HTTP on the synthetic group, counted by a Kysely
 * plugin on the server's database. The server is set up as `healthbsc serve` sets it up: the engine and the
 * accounts keep counters, approvals and principals in memory while they hear every write (PGlite always; on
 * PostgreSQL while the change relay hears its own echo). Counted twice: a unit's series computed for the first
 * time (the organisation's cube already in memory), and the same series asked again.
 */
import type { Db } from '../src/db/connect.ts';
import { type ChangeRelay, relayChanges } from '../src/server/cluster/change-relay.ts';
import { evaluationRoutes } from '../src/server/evaluation/evaluation.routes.ts';
import { EvaluationEngine } from '../src/server/evaluation/evaluation-engine.ts';
import { ALWAYS_HEARD, type HearingEpoch } from '../src/server/evaluation/known-revisions.ts';
import { createTestServer } from '../test/fixtures/server.ts';
import { statementRecorder } from '../test/fixtures/statements.ts';
import type { Row } from './report.ts';

export async function measureSeriesStatements(
  db: Db,
  engineName: string,
  options: {
    readonly scorecard: string;
    readonly warmUnit: string;
    readonly unit: string;
    readonly year: string;
  },
): Promise<Row[]> {
  let counting = false;
  let statements = 0;
  const counter = statementRecorder(() => {
    if (counting) statements += 1;
  });
  const counted: Db = { ...db, kysely: db.kysely.withPlugin(counter) };
  let relay: ChangeRelay | null = null;
  const hearing: HearingEpoch = db.engine === 'postgres' ? () => relay?.epoch() ?? null : ALWAYS_HEARD;
  const server = await createTestServer(counted, {
    accounts: { hearing },
    routesFor: (ctx) => [evaluationRoutes(new EvaluationEngine(counted, ctx.changes, { hearing }))],
  });
  try {
    relay = await relayChanges(db, server.ctx.changes, () => {});
    for (let i = 0; i < 200 && relay !== null && relay.epoch() === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const series = `/api/series?scorecard=${options.scorecard}&orgUnit=${options.unit}&from=${options.year}-01&to=${options.year}-12`;
    // Signs in and loads the organisation's cube: what follows finds it in memory, as on a running server.
    const warm = await server.request(
      'GET',
      `/api/evaluations?scorecard=${options.scorecard}&orgUnit=${options.warmUnit}&period=${options.year}`,
    );
    if (warm.statusCode !== 200) throw new Error(`the warm-up evaluation answered ${warm.statusCode}`);
    const count = async (): Promise<number> => {
      statements = 0;
      counting = true;
      const response = await server.request('GET', series);
      counting = false;
      if (response.statusCode !== 200) throw new Error(`the series answered ${response.statusCode}`);
      return statements;
    };
    const first = await count();
    const again = await count();
    return [
      {
        engine: engineName,
        figure: 'SQL statements of a 12-month series over HTTP',
        value: `${first}, then ${again}`,
        detail: `${options.unit}, ${options.year}-01 … ${options.year}-12: computed for the first time (cube in memory), then asked again`,
        target: '≤ 5 statements',
      },
    ];
  } finally {
    await relay?.close();
    await server.close();
  }
}
