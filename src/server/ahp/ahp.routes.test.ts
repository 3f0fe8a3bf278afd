/**
 * POST /api/ahp/sensitivity: the same numbers as the core for a seed, the sweep lines for charts, and bad input
 * refused with the place of each problem. A pure computation: no database rows are read, so one engine suffices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../../test/engines.ts';
import { createTestServer, type TestServer } from '../../../test/fixtures/server.ts';
import { sensitivity } from '../../core/ahp/index.ts';
import type { SensitivityResultJson } from '../../core/contracts/sensitivity.ts';
import type { Problem } from '../../core/errors/problem.ts';

describe('POST /api/ahp/sensitivity', () => {
  let server: TestServer;
  beforeAll(async () => {
    const db = await openMigratedDb('pglite');
    server = await createTestServer(db);
  });
  afterAll(() => server.close());

  const body = {
    hierarchy: {
      matrix: [
        [1, 3],
        ['1/3', 1],
      ],
    },
    scores: [
      [0.9, 0.2],
      [0.4, 0.8],
    ],
    draws: 300,
    seed: 5,
  };

  it('returns what the core computes for the seed, with the sweep lines', async () => {
    const response = await server.request('POST', '/api/ahp/sensitivity', body);
    expect(response.statusCode).toBe(200);
    const json = response.json<SensitivityResultJson>();
    const core = sensitivity(
      {
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
      body.scores,
      { draws: 300, seed: 5 },
    );
    expect(json.weights).toEqual(core.weights);
    expect(json.critical[0]?.critical).toBeCloseTo(6 / 11, 12);
    expect(json.sweep[0]?.at).toHaveLength(21);
  });

  it('refuses more than 5000 draws and scores that do not fit the leaves', async () => {
    const tooMany = await server.request('POST', '/api/ahp/sensitivity', { ...body, draws: 6000 });
    expect(tooMany.statusCode).toBe(400);
    const misfit = await server.request('POST', '/api/ahp/sensitivity', { ...body, scores: [[1], [2]] });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json<Problem>().issues.map((i) => i.path)).toEqual([
      ['scores', 0],
      ['scores', 1],
    ]);
  });

  it('refuses a malformed hierarchy with the place inside it', async () => {
    const response = await server.request('POST', '/api/ahp/sensitivity', {
      ...body,
      hierarchy: {
        matrix: [
          [1, 3],
          ['1/3', 1],
        ],
        children: [{ matrix: 'no' }, {}],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().issues[0]?.path).toEqual(['hierarchy', 'children', 0, 'matrix']);
  });
});
