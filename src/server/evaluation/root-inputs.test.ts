/**
 * Reported values and qualitative ratings kept per organisation revision (root-inputs.ts), through the
 * evaluation and series routes on PGlite and PostgreSQL: a rating and a reported rate recorded after a period was
 * evaluated are in its next evaluation (their writes move the organisation's counter); a series reads the
 * reported values and ratings of all its periods in two statements, and none when asked again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { createOrgTree } from '../../../test/fixtures/org-units.ts';
import { createScorecardFixture, type ScorecardFixture } from '../../../test/fixtures/scorecards.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { statementRecorder } from '../../../test/fixtures/statements.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { EvaluationEngine } from './evaluation-engine.ts';
import { ALWAYS_HEARD } from './known-revisions.ts';

const INPUT_TABLES = new Set(['reported_value', 'assessment']);

describeEachEngine('reported values and ratings kept per organisation revision', (getDb) => {
  let server: TestServer;
  let sc: ScorecardFixture;
  let hospital: string;
  /** Statements reading reported values or ratings while counting, else null. */
  let counted: number | null = null;

  beforeAll(async () => {
    const counter = statementRecorder((tables) => {
      if (counted !== null && [...tables].some((table) => INPUT_TABLES.has(table))) counted += 1;
    });
    const db = { ...getDb(), kysely: getDb().kysely.withPlugin(counter) };
    // One process writes and reads here, so it hears every write (as a PGlite server does).
    server = await createTestServer(db, {
      routesFor: (ctx) => [
        evaluationRoutes(new EvaluationEngine(ctx.db, ctx.changes, { hearing: ALWAYS_HEARD })),
      ],
    });
    const tree = await createOrgTree(server.ctx, { hospitals: 1, departmentsPerHospital: 0 });
    hospital = tree.hospitals[0] ?? '';
    sc = await createScorecardFixture(server.ctx);
  });
  afterAll(() => server.close());

  async function indicatorsOf(period: string): Promise<Map<string, [number | null, string]>> {
    const response = await server.request(
      'GET',
      `/api/evaluations?scorecard=${sc.code}&orgUnit=${hospital}&period=${period}`,
    );
    const body = response.json<EvaluationJson>();
    return new Map(
      body.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, [i.actual, i.actualSource]] as const)),
    );
  }

  it('shows a rating and a reported rate recorded after the period was evaluated', async () => {
    const before = await indicatorsOf('2024');
    const key = { scorecard: sc.code, orgUnit: hospital, period: '2024' };
    const rated = await server.request('POST', '/api/assessments', {
      assessments: [{ ...key, indicator: sc.rated, score: 78 }],
    });
    const reported = await server.request('POST', '/api/reported-values', {
      values: [{ ...key, indicator: sc.rate, value: 87.3 }],
    });
    const after = await indicatorsOf('2024');
    expect([
      before.get(sc.rated),
      before.get(sc.rate),
      rated.statusCode,
      reported.statusCode,
      after.get(sc.rated),
      after.get(sc.rate),
    ]).toEqual([[null, 'none'], [null, 'none'], 200, 200, [78, 'ratings'], [87.3, 'reported']]);
  });

  it('reads the reported values and ratings of a series in two statements, and none when asked again', async () => {
    const url = `/api/series?scorecard=${sc.code}&orgUnit=${hospital}&from=2015&to=2023`;
    const count = async () => {
      counted = 0;
      const response = await server.request('GET', url);
      const statements = counted;
      counted = null;
      return [response.statusCode, response.json<{ items: unknown[] }>().items.length, statements];
    };
    expect([await count(), await count()]).toEqual([
      [200, 9, 2],
      [200, 9, 0],
    ]);
  });
});
