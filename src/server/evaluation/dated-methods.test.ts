/**
 * Dated methods on PGlite and PostgreSQL (issue 10, "Must show"): weights, a target and an indicator's formula
 * changed with a later effective date leave every earlier period's evaluation exactly as it was (the whole
 * evaluation, to the last digit), change the later periods as the new method says, and `asOf` still returns the
 * score as it was before each change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/engines.ts';
import {
  createDatedWorld,
  type DatedWorld,
  MONTHS_2024,
  periodsOf,
  valuesOf,
} from '../../../test/fixtures/dated-world.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';

type Snapshot = Map<string, EvaluationJson>;

function indicator(result: EvaluationJson | undefined, id: string) {
  return result?.perspectives.flatMap((p) => p.indicators).find((i) => i.id === id);
}

/** Σ of one element over both hospitals and the months of 2024 (the group's yearly inputs). */
function groupSum2024(element: string): number {
  let sum = 0;
  for (const month of MONTHS_2024) for (const unit of [0, 1]) sum += valuesOf(unit, month)[element] ?? 0;
  return sum;
}

describeEachEngine('dated methods', (getDb) => {
  let w: DatedWorld;
  /** Every period of 2023 and 2024 for the group and both hospitals, as evaluated before any change. */
  let before: Snapshot;
  /** The time the baseline was recorded at (before the first change). */
  let baselineAt: Date;

  async function evaluate(unit: string, period: string, asOf?: Date): Promise<EvaluationJson> {
    const query = new URLSearchParams({ scorecard: w.scorecard, orgUnit: unit, period });
    if (asOf) query.set('asOf', asOf.toISOString());
    const response = await w.server.request('GET', `/api/evaluations?${query}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json<EvaluationJson>();
  }

  async function snapshot(years: readonly (2023 | 2024)[], asOf?: Date): Promise<Snapshot> {
    const result: Snapshot = new Map();
    for (const year of years) {
      for (const period of periodsOf(year)) {
        for (const unit of [w.units.group, w.units.h1, w.units.h2]) {
          result.set(`${unit}/${period}`, await evaluate(unit, period, asOf));
        }
      }
    }
    return result;
  }

  /** The baseline's evaluations of 2023, as a map of the same keys. */
  function earlier(snap: Snapshot): Snapshot {
    return new Map([...snap].filter(([key]) => key.includes('/2023')));
  }

  beforeAll(async () => {
    w = await createDatedWorld(getDb());
    before = await snapshot([2023, 2024]);
    baselineAt = w.now();
  });
  afterAll(() => w.server.close());

  describe('weights that hold from 2024', () => {
    beforeAll(async () => {
      w.tick();
      const response = await w.server.request('PUT', `/api/scorecards/${w.scorecard}/weights`, {
        weights: {
          perspectives: { manual: { I: 0.4, C: 0.6 } },
          indicators: { I: { manual: { OCC: 0.8, TURN: 0.2 } }, C: { manual: { FLOW: 1 } } },
        },
        effectiveFrom: '2024',
        note: 'rebalanced for 2024',
      });
      if (response.statusCode !== 200) throw new Error(response.body);
    });

    it('leave every evaluation of 2023 exactly as it was', async () => {
      expect(await snapshot([2023])).toEqual(earlier(before));
    });

    it('weigh 2024 by the new weights, naming the weight version', async () => {
      const year = await evaluate(w.units.group, '2024');
      expect([
        year.perspectives.map((p) => p.weight),
        indicator(year, 'OCC')?.weight,
        year.versions?.weights.version,
        year.versions?.weights.effectiveFrom,
      ]).toEqual([[0.4, 0.6], 0.8, 2, '2024']);
    });

    it('keep naming the first weight version for a month of 2023', async () => {
      const month = await evaluate(w.units.h1, '2023-06');
      expect([month.versions?.weights.version, month.versions?.weights.effectiveFrom]).toEqual([1, null]);
    });
  });

  describe('a target changed for 2024', () => {
    beforeAll(async () => {
      w.tick();
      const response = await w.server.request('PUT', '/api/targets', {
        targets: [{ scorecard: w.scorecard, indicator: 'OCC', period: '2024', target: 95 }],
      });
      if (response.statusCode !== 200) throw new Error(response.body);
    });

    it('leaves every evaluation of 2023 exactly as it was', async () => {
      expect(await snapshot([2023])).toEqual(earlier(before));
    });

    it('applies to every period of 2024', async () => {
      const results = await Promise.all(['2024-03', '2024Q2', '2024'].map((p) => evaluate(w.units.h2, p)));
      expect(results.map((r) => indicator(r, 'OCC')?.target)).toEqual([95, 95, 95]);
    });
  });

  describe("an indicator's formula that changes from 2024", () => {
    beforeAll(async () => {
      w.tick();
      const changed = structuredClone(w.file);
      const turn = changed.perspectives[0]?.indicators[1];
      if (!turn) throw new Error('fixture');
      turn.formula = {
        numerator: `${w.scorecard}_discharges`,
        denominator: `${w.scorecard}_available`,
        factor: 1000,
      };
      // The weights of 2024 go with the new structure (the file's own weights would be a change too).
      changed.weights = {
        perspectives: { manual: { I: 0.4, C: 0.6 } },
        indicators: { I: { manual: { OCC: 0.8, TURN: 0.2 } }, C: { manual: { FLOW: 1 } } },
        effectiveFrom: '2024',
      };
      const response = await w.server.request(
        'PUT',
        `/api/scorecards/${w.scorecard}?effectiveFrom=2024&note=turnover%20per%201000%20bed%20days`,
        changed,
      );
      if (response.statusCode !== 200) throw new Error(response.body);
    });

    it('leaves every evaluation of 2023 exactly as it was', async () => {
      expect(await snapshot([2023])).toEqual(earlier(before));
    });

    it("computes 2024's value by the new formula: Σ discharges ÷ Σ available bed days × 1000", async () => {
      const year = await evaluate(w.units.group, '2024');
      expect([indicator(year, 'TURN')?.actual, year.versions?.structure.version]).toEqual([
        (groupSum2024('discharges') / groupSum2024('available')) * 1000,
        2,
      ]);
    });
  });

  describe('asOf', () => {
    it('returns every evaluation of 2024 as it was scored before the changes', async () => {
      const asOf = await snapshot([2024], baselineAt);
      const withoutAsOf = new Map(
        [...asOf].map(([key, json]) => [
          key,
          { ...json, versions: json.versions && { ...json.versions, asOf: null } },
        ]),
      );
      expect(withoutAsOf).toEqual(new Map([...before].filter(([key]) => key.includes('/2024'))));
    });

    it("returns the group's total of 2024 as first scored, which today's computation no longer gives", async () => {
      const first = before.get(`${w.units.group}/2024`)?.total;
      const [then, now] = await Promise.all([
        evaluate(w.units.group, '2024', baselineAt),
        evaluate(w.units.group, '2024'),
      ]);
      expect([then.total, now.total === first, then.versions?.asOf]).toEqual([
        first,
        false,
        baselineAt.toISOString(),
      ]);
    });

    it('between two changes, scores by what was recorded by then: the new weights, the old target', async () => {
      const afterWeights = new Date(baselineAt.getTime() + 90_000);
      const year = await evaluate(w.units.h1, '2024', afterWeights);
      expect([
        year.versions?.weights.version,
        indicator(year, 'OCC')?.target,
        year.versions?.structure.version,
      ]).toEqual([2, 85, 1]);
    });

    it('answers 404 for a time before the scorecard was recorded', async () => {
      const query = new URLSearchParams({
        scorecard: w.scorecard,
        orgUnit: w.units.h1,
        period: '2023',
        asOf: '2020-01-01T00:00:00Z',
      });
      const response = await w.server.request('GET', `/api/evaluations?${query}`);
      expect([response.statusCode, response.json().code]).toEqual([404, 'evaluation.no-method-as-of']);
    });
  });
});
