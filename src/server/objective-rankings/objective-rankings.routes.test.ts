/**
 * `GET /api/objective-rankings` on PGlite and PostgreSQL: entropy/CRITIC weights and TOPSIS/RSR over the
 * indicators' actual values of one cohort, beside the scorecard's own ranking; refused, naming every missing
 * cell, when a unit lacks a value; 403 outside the actor's scope.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../../test/fixtures/access-world.ts';
import { FIXTURE_ACTOR } from '../../../test/fixtures/server.ts';
import type { ObjectiveRankingJson } from '../../core/contracts/objective-rankings.ts';
import type { RankingJson } from '../../core/contracts/rankings.ts';
import type { Problem } from '../../core/errors/problem.ts';
import { criticWeights, entropyWeights, rankSumRatio, topsis } from '../../core/ranking/index.ts';
import { writeAssessments } from '../services/assessments.service.ts';
import { writeDataValues } from '../services/data-values.service.ts';

describeEachEngine('objective rankings over HTTP', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
  });
  afterAll(() => w.server.close());

  const url = (extra = '') =>
    `/api/objective-rankings?scorecard=${w.scorecard.code}&parent=${w.tree.group}&depth=descendants&period=${DATA_MONTH}&cohort=${encodeURIComponent(cohort)}${extra}`;
  let cohort = '';

  async function departmentRanking() {
    const response = await w.server.request(
      'GET',
      `/api/rankings?view=full&scorecard=${w.scorecard.code}&parent=${w.tree.group}&depth=descendants&period=${DATA_MONTH}`,
    );
    const items = response.json<RankingJson>().items;
    const departments = w.tree.departments.flat();
    return items.filter((i) => departments.includes(i.orgUnit));
  }

  it('refuses while two departments have no values, naming each missing cell', async () => {
    cohort = (await departmentRanking())[0]?.cohort ?? '';
    const response = await w.server.request('GET', url());
    expect(response.statusCode).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('ranking.missing-values');
    const missingUnits = [w.tree.departments[0]?.[1], w.tree.departments[1]?.[1]];
    expect(new Set(problem.issues.map((i) => i.params?.orgUnit))).toEqual(new Set(missingUnits));
    expect(problem.issues.every((i) => i.code === 'ranking.missing-cell')).toBe(true);
  });

  it('ranks the four departments by TOPSIS on entropy weights of their actual values', async () => {
    const [d01, d11] = [w.tree.departments[0]?.[1] ?? '', w.tree.departments[1]?.[1] ?? ''];
    await writeDataValues(w.server.ctx, FIXTURE_ACTOR, {
      values: [
        { orgUnit: d01, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 30 },
        { orgUnit: d01, dataElement: w.scorecard.denominator, period: DATA_MONTH, value: 50 },
        { orgUnit: d11, dataElement: w.scorecard.numerator, period: DATA_MONTH, value: 45 },
        { orgUnit: d11, dataElement: w.scorecard.denominator, period: DATA_MONTH, value: 60 },
      ],
    });
    await writeAssessments(w.server.ctx, FIXTURE_ACTOR, {
      assessments: [
        [d01, 90],
        [d11, 70],
      ].map(([orgUnit, score]) => ({
        scorecard: w.scorecard.code,
        indicator: w.scorecard.rated,
        orgUnit: String(orgUnit),
        period: DATA_MONTH,
        rater: 'panel',
        score: Number(score),
      })),
    });
    const departments = await departmentRanking();
    const ids = ['RATE', 'COUNT', 'CULTURE'];
    const matrix = departments.map((d) =>
      ids.map(
        (id) =>
          d.evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id)?.actual ?? NaN,
      ),
    );
    const criteria = ids.map(() => ({ direction: 'higher' as const }));
    const expected = topsis(matrix, entropyWeights(matrix, criteria), criteria, 'vector');

    const response = await w.server.request('GET', url());
    expect(response.statusCode).toBe(200);
    const body = response.json<ObjectiveRankingJson>();
    expect(body.criteria.map((c) => [c.indicator, c.direction])).toEqual([
      ['RATE', 'higher'],
      ['COUNT', 'higher'],
      ['CULTURE', 'higher'],
    ]);
    expect(body.units.map((u) => u.orgUnit)).toEqual(departments.map((d) => d.orgUnit));
    body.units.forEach((u, i) => {
      expect(u.score).toBeCloseTo(expected.closeness[i] ?? NaN, 12);
      expect(u.rank).toBe(expected.ranking[i]);
      expect(u.scorecardRank).toBe(departments[i]?.rank);
      expect(u.rankDifference).toBe(u.rank - (departments[i]?.rank ?? NaN));
    });
  });

  it('gives CRITIC weights and RSR classes when asked', async () => {
    const departments = await departmentRanking();
    const ids = ['RATE', 'COUNT', 'CULTURE'];
    const matrix = departments.map((d) =>
      ids.map(
        (id) =>
          d.evaluation.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id)?.actual ?? NaN,
      ),
    );
    const criteria = ids.map(() => ({ direction: 'higher' as const }));
    const weights = criticWeights(matrix, criteria);
    const expected = rankSumRatio(matrix, criteria, { weights });
    const body = (
      await w.server.request('GET', url('&weighting=critic&method=rsr'))
    ).json<ObjectiveRankingJson>();
    expect(body.criteria.map((c) => c.weight)).toEqual(weights.map((x) => expect.closeTo(x, 12)));
    expect(body.units.map((u) => [u.score, u.class])).toEqual(
      expected.rsr.map((r, i) => [expect.closeTo(r, 12), expected.class[i]]),
    );
  });

  it('is refused (403) for a role outside the named unit', async () => {
    const response = await w.server.requestAs(
      w.session('viewer'),
      'GET',
      `/api/objective-rankings?scorecard=${w.scorecard.code}&parent=${w.units.outside}&period=${DATA_MONTH}`,
    );
    expect(response.statusCode).toBe(403);
  });
});
