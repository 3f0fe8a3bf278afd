/**
 * Monitored indicators (`scored: false`, China's 监测比较): evaluated and shown, but no weight and no score;
 * their scored siblings share the weight, and a weight given to one is refused.
 */
import { describe, expect, it } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import { compileScorecard } from './compile-scorecard.ts';
import { compileValues } from './compile-values.ts';
import { evaluateScorecard, type ScorecardEvaluation } from './evaluate-scorecard.ts';
import type { IndicatorFileInput, ScorecardFileInput } from './scorecard-schema.ts';

const COST: IndicatorFileInput = {
  id: 'COST',
  name: { en: 'Average cost per visit', zh: '门诊次均费用' },
  formula: 'cost / visits',
  scored: false,
};

/** Internal process: occupancy (0.6) and mortality (0.4); customer: one qualitative indicator. */
function makeFile(extra: readonly IndicatorFileInput[] = []): ScorecardFileInput {
  return {
    format: 'healthbsc/scorecard@2',
    code: 'WARD',
    name: { en: 'Ward', zh: '病区' },
    dataElements: [
      { code: 'occupied', name: { en: 'Occupied bed days' } },
      { code: 'available', name: { en: 'Available bed days' } },
      { code: 'deaths', name: { en: 'Deaths' } },
      { code: 'patients', name: { en: 'Patients' } },
      { code: 'cost', name: { en: 'Outpatient cost' } },
      { code: 'visits', name: { en: 'Outpatient visits' } },
    ],
    perspectives: [
      {
        id: 'I',
        name: { en: 'Internal process' },
        indicators: [
          {
            id: 'OCC',
            name: { en: 'Bed occupancy' },
            formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
          },
          { id: 'MORT', name: { en: 'Mortality' }, formula: 'deaths / patients * 1000', direction: 'lower' },
          ...extra,
        ],
      },
      {
        id: 'C',
        name: { en: 'Customer' },
        indicators: [{ id: 'SAT', name: { en: 'Satisfaction' }, kind: 'qualitative' }],
      },
    ],
    weights: {
      perspectives: { manual: { I: 0.6, C: 0.4 } },
      indicators: { I: { manual: { OCC: 0.6, MORT: 0.4 } }, C: { manual: { SAT: 1 } } },
    },
  };
}

function evaluate(file: ScorecardFileInput): ScorecardEvaluation {
  const scorecard = compileScorecard(file);
  const hasCost = scorecard.perspectives.some((p) => p.indicators.some((i) => i.id === 'COST'));
  const values = compileValues(
    {
      format: 'healthbsc/values@1',
      // OCC 81 % against 90 → 0.9; MORT 2 ‰ against 2 → 1; COST 250 against 200 (would be 0.8 lower-is-better).
      data: { occupied: 81, available: 100, deaths: 2, patients: 1000, cost: 25000, visits: 100 },
      targets: { OCC: 90, MORT: 2, ...(hasCost ? { COST: 200 } : {}) },
      assessments: { SAT: [80, 80] },
    },
    scorecard,
  );
  return evaluateScorecard(scorecard, values.inputs);
}

function issueCodes(file: ScorecardFileInput): [string, readonly (string | number)[]][] {
  try {
    compileScorecard(file);
  } catch (error) {
    if (isProblemError(error)) return error.problem.issues.map((i) => [i.code, i.path]);
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('a monitored indicator (scored: false)', () => {
  it('leaves its perspective’s score as it is without it: 100 × (0.6 × 0.9 + 0.4 × 1) = 94', () => {
    const withIt = evaluate(makeFile([COST]));
    const without = evaluate(makeFile());
    expect([withIt.perspectives[0]?.score, without.perspectives[0]?.score]).toEqual([94, 94]);
  });

  it('leaves the total and the weight coverage as they are without it', () => {
    const withIt = evaluate(makeFile([COST]));
    const without = evaluate(makeFile());
    expect({ total: withIt.total, coverage: withIt.coverage }).toEqual({
      total: without.total,
      coverage: without.coverage,
    });
  });

  it('is evaluated and shown: actual 250, target 200, a status, but weight 0 and no score', () => {
    const cost = evaluate(makeFile([COST])).perspectives[0]?.indicators.find((i) => i.id === 'COST');
    expect(cost).toMatchObject({
      scored: false,
      actual: 250,
      target: 200,
      weight: 0,
      globalWeight: 0,
      score: null,
    });
    expect(cost?.status).not.toBe('no-data');
  });

  it('keeps its scored siblings’ weights (0.6 and 0.4) and scores', () => {
    const [occ, mort] = evaluate(makeFile([COST])).perspectives[0]?.indicators ?? [];
    expect([occ?.scored, occ?.weight, occ?.score, mort?.weight, mort?.score]).toEqual([
      true,
      0.6,
      54,
      0.4,
      40,
    ]);
  });

  it('refuses a manual weight on it with weight-on-unscored', () => {
    const file = makeFile([COST]);
    file.weights.indicators.I = { manual: { OCC: 0.6, MORT: 0.4, COST: 0 } };
    expect(issueCodes(file)).toEqual([
      ['scorecard.weight-on-unscored', ['weights', 'indicators', 'I', 'manual', 'COST']],
    ]);
  });

  it('refuses a perspective of monitored indicators only as such, not as weights that do not add up', () => {
    const file = makeFile();
    const customer = file.perspectives[1];
    if (!customer) throw new Error('fixture');
    customer.indicators = [COST];
    file.weights.indicators.C = { manual: {} };
    expect(issueCodes(file)).toEqual([
      ['scorecard.perspective-only-monitored', ['perspectives', 1, 'indicators']],
    ]);
  });

  it('refuses it in an AHP order with weight-on-unscored', () => {
    const file = makeFile([COST]);
    file.weights.indicators.I = {
      ahp: {
        order: ['OCC', 'MORT', 'COST'],
        matrix: [
          [1, 2],
          [0.5, 1],
        ],
      },
    };
    expect(issueCodes(file)[0]).toEqual([
      'scorecard.weight-on-unscored',
      ['weights', 'indicators', 'I', 'ahp', 'order', 2],
    ]);
  });

  it('is left out of its objective’s weight set when the perspective is weighed by objectives', () => {
    const file = makeFile([{ ...COST, objective: 'SAFE' }]);
    const internal = file.perspectives[0];
    if (!internal) throw new Error('fixture');
    internal.objectives = [
      { id: 'USE', name: { en: 'Use beds well' } },
      { id: 'SAFE', name: { en: 'Keep patients safe' } },
    ];
    internal.indicators = internal.indicators.map((i) =>
      i.id === 'OCC' ? { ...i, objective: 'USE' } : i.id === 'MORT' ? { ...i, objective: 'SAFE' } : i,
    );
    file.weights.objectives = { I: { manual: { USE: 0.6, SAFE: 0.4 } } };
    file.weights.indicators = {
      USE: { manual: { OCC: 1 } },
      SAFE: { manual: { MORT: 1 } },
      C: { manual: { SAT: 1 } },
    };
    expect(evaluate(file).perspectives[0]?.score).toBe(94);
  });
});
