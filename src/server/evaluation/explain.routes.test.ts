/**
 * `GET /api/evaluations/explain` on PGlite and PostgreSQL (issue 5, "Explain this score"): the numerator and
 * denominator as the engine summed them over the unit's subtree, the stored target that applied after the
 * month → quarter → year fallback, the weight version, and the same actual, quantified value and score as
 * `GET /api/evaluations`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import { type AccessWorld, createAccessWorld, DATA_MONTH } from '../../../test/fixtures/access-world.ts';
import { FIXTURE_ACTOR } from '../../../test/fixtures/server.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import type { ExplanationJson } from '../../core/contracts/explain.ts';
import { putTargets } from '../services/targets.service.ts';

describeEachEngine('explain over HTTP', (getDb) => {
  let w: AccessWorld;
  beforeAll(async () => {
    w = await createAccessWorld(getDb());
    // A yearly target for every unit, and a March target of H1's first department alone.
    await putTargets(w.server.ctx, FIXTURE_ACTOR, {
      targets: [
        {
          scorecard: w.scorecard.code,
          indicator: 'RATE',
          period: '2024',
          target: 90,
          reference: 85,
          source: 'Board plan 2024',
        },
        {
          scorecard: w.scorecard.code,
          indicator: 'COUNT',
          orgUnit: w.units.inside,
          period: DATA_MONTH,
          target: 50,
        },
      ],
    });
  });
  afterAll(() => w.server.close());

  const url = (orgUnit: string, indicator: string) =>
    `/api/evaluations/explain?scorecard=${w.scorecard.code}&orgUnit=${orgUnit}&period=${DATA_MONTH}&indicator=${indicator}`;

  async function evaluated(orgUnit: string, indicator: string) {
    const response = await w.server.request(
      'GET',
      `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${orgUnit}&period=${DATA_MONTH}`,
    );
    const json = response.json<EvaluationJson>();
    return json.perspectives.flatMap((p) => p.indicators).find((i) => i.id === indicator);
  }

  it('explains a group rate as Σ numerators ÷ Σ denominators with the year target it fell back to', async () => {
    const response = await w.server.request('GET', url(w.tree.group, 'RATE'));
    expect(response.statusCode).toBe(200);
    const body = response.json<ExplanationJson>();
    // Two departments with 40 of 50 each: 80 ÷ 100 × 100 = 80.
    expect(body.formula).toMatchObject({
      type: 'ratio',
      numerator: w.scorecard.numerator,
      denominator: w.scorecard.denominator,
      factor: 100,
      numeratorValue: 80,
      denominatorValue: 100,
      value: 80,
    });
    expect(body.formula.inputs).toEqual([
      {
        code: w.scorecard.numerator,
        name: { en: 'Discharges' },
        aggregation: 'sum',
        timeAggregation: 'sum',
        value: 80,
      },
      {
        code: w.scorecard.denominator,
        name: { en: 'Admissions' },
        aggregation: 'sum',
        timeAggregation: 'sum',
        value: 100,
      },
    ]);
    expect(body.target).toEqual({
      value: 90,
      reference: 85,
      lower: null,
      upper: null,
      origin: 'stored',
      scope: 'all',
      scopeRef: null,
      period: '2024',
      periodsTried: ['2024-03', '2024Q1', '2024'],
      fallback: true,
      source: 'Board plan 2024',
    });
    expect(body.actual).toBe(80);
    expect(body.actualSource).toBe('formula');
    expect(body.quantified).toBeCloseTo(80 / 90, 10);
    expect(body.score).toBeCloseTo(100 * 0.5 * (80 / 90), 10);
    expect(body.weight).toMatchObject({ local: 0.5, global: 0.3, method: 'manual' });
    expect(body.weight.version).toMatchObject({ number: 1, createdBy: expect.any(String) });
    expect(body.scoring).toEqual({
      method: 'ratio',
      direction: 'higher',
      band: null,
      bandFrom: null,
      cap: 1,
      floor: null,
      tolerance: null,
      rules: [],
    });
    expect(body.reason).toBeNull();
    const row = await evaluated(w.tree.group, 'RATE');
    expect([body.actual, body.target.value, body.quantified, body.score]).toEqual([
      row?.actual,
      row?.target,
      row?.quantified,
      row?.score,
    ]);
  });

  it('names the versions it used, the same as the evaluation: structure, weights, scoring, method, target', async () => {
    const body = (await w.server.request('GET', url(w.tree.group, 'RATE'))).json<ExplanationJson>();
    const evaluation = (
      await w.server.request(
        'GET',
        `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${w.tree.group}&period=${DATA_MONTH}`,
      )
    ).json<EvaluationJson>();
    expect([
      body.versions,
      body.weight.version.id,
      body.weight.version.effectiveFrom,
      body.versions.indicator.target?.period,
    ]).toEqual([
      {
        asOf: null,
        structure: evaluation.versions?.structure,
        weights: evaluation.versions?.weights,
        scoring: { version: 0, effectiveFrom: null },
        indicator: evaluation.versions?.indicators.find((i) => i.id === 'RATE'),
      },
      evaluation.versions?.weights.id,
      null,
      '2024',
    ]);
  });

  it('names the org unit of a unit-specific target set for the period itself', async () => {
    const body = (await w.server.request('GET', url(w.units.inside, 'COUNT'))).json<ExplanationJson>();
    expect(body.formula).toMatchObject({ type: 'expression', expression: w.scorecard.numerator, value: 40 });
    expect(body.target).toMatchObject({
      value: 50,
      origin: 'stored',
      scope: 'org-unit',
      scopeRef: w.units.inside,
      period: DATA_MONTH,
      periodsTried: [DATA_MONTH],
      fallback: false,
    });
    expect(body.quantified).toBeCloseTo(0.8, 10);
  });

  it('says why a qualitative indicator without a target has no value, and that raters scored it', async () => {
    const body = (await w.server.request('GET', url(w.units.inside, 'CULTURE'))).json<ExplanationJson>();
    expect(body.formula.type).toBe('none');
    expect(body.actualSource).toBe('ratings');
    expect(body.raters).toBe(1);
    expect(body.actual).toBe(80);
    expect(body.scoring.method).toBe('rubric');
    expect(body.target).toMatchObject({
      origin: 'none',
      scope: null,
      periodsTried: [DATA_MONTH, '2024Q1', '2024'],
    });
    const row = await evaluated(w.units.inside, 'CULTURE');
    expect(body.quantified).toBe(row?.quantified);
  });

  it('returns 404 for an indicator the scorecard does not have', async () => {
    const response = await w.server.request('GET', url(w.units.inside, 'NOPE'));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'evaluation.no-indicator',
      params: { scorecard: w.scorecard.code, indicator: 'NOPE' },
      detail: `Scorecard '${w.scorecard.code}' has no indicator 'NOPE'.`,
    });
  });

  it('refuses a unit outside the reader’s subtree (403) exactly as GET /api/evaluations does', async () => {
    const viewer = w.session('viewer');
    const explain = await w.server.requestAs(viewer, 'GET', url(w.units.outside, 'RATE'));
    const evaluation = await w.server.requestAs(
      viewer,
      'GET',
      `/api/evaluations?scorecard=${w.scorecard.code}&orgUnit=${w.units.outside}&period=${DATA_MONTH}`,
    );
    expect(explain.statusCode).toBe(403);
    expect(explain.json()).toEqual(evaluation.json());
    const inside = await w.server.requestAs(viewer, 'GET', url(w.units.inside, 'RATE'));
    expect(inside.statusCode).toBe(200);
  });
});
