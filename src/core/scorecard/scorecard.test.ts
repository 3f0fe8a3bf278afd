import { describe, expect, it, test } from 'vitest';
import { isProblemError, type ProblemIssue } from '../errors/problem.ts';
import { compileScorecard } from './compile-scorecard.ts';
import { compileValues } from './compile-values.ts';
import { computeIndicatorValue, evaluateScorecard } from './evaluate-scorecard.ts';
import type { ScorecardFileInput } from './scorecard-schema.ts';
import type { ValuesFileInput } from './values-schema.ts';

/** A small two-perspective scheme; `patch` changes what a test needs. */
function makeScheme(patch: (scheme: ScorecardFileInput) => void = () => {}): ScorecardFileInput {
  const scheme: ScorecardFileInput = {
    format: 'healthbsc/scorecard@2',
    code: 'WARD',
    name: { en: 'Ward scorecard', zh: '病区计分卡' },
    dataElements: [
      { code: 'occupied', name: { en: 'Occupied bed days' }, valueType: 'integer', min: 0 },
      { code: 'available', name: { en: 'Available bed days' }, valueType: 'integer', min: 0 },
      { code: 'deaths', name: { en: 'Deaths' }, valueType: 'integer', min: 0 },
      { code: 'patients', name: { en: 'Patients' }, valueType: 'integer', min: 0 },
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
            direction: 'higher',
          },
          {
            id: 'MORT',
            name: { en: 'Mortality' },
            formula: 'deaths / patients * 1000',
            direction: 'lower',
          },
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
      indicators: { I: { manual: { OCC: 0.5, MORT: 0.5 } }, C: { manual: { SAT: 1 } } },
    },
  };
  patch(scheme);
  return scheme;
}

function issuesOf(action: () => unknown): ProblemIssue[] {
  try {
    action();
  } catch (error) {
    if (isProblemError(error)) return [...error.problem.issues];
    throw error;
  }
  throw new Error('expected a ProblemError');
}

const values = (input: Omit<ValuesFileInput, 'format'>): ValuesFileInput => ({
  format: 'healthbsc/values@1',
  ...input,
});

describe('compileScorecard', () => {
  it('resolves manual weights and global weights', () => {
    const scorecard = compileScorecard(makeScheme());
    expect(scorecard.perspectives.map((p) => p.weight)).toEqual([0.6, 0.4]);
    expect(scorecard.perspectives[0]?.indicators.map((i) => i.globalWeight)).toEqual([0.3, 0.3]);
  });

  it('normalises manual weights that add up to 1 within the tolerance', () => {
    const scorecard = compileScorecard(
      makeScheme((s) => {
        s.weights.indicators.I = { manual: { OCC: 0.4995, MORT: 0.4995 } };
      }),
    );
    expect(scorecard.perspectives[0]?.indicators[0]?.weight).toBe(0.5);
  });

  test.each([
    [{ OCC: 0.5 }, 'scorecard.missing-weight', "no weight for 'MORT'"],
    [{ OCC: 0.5, MORT: 0.5, XX: 0 }, 'scorecard.not-weighed', "'XX' is not one of 'OCC', 'MORT'"],
    [{ OCC: 0.5, MORT: 0.6 }, 'scorecard.weights-sum', 'weights add up to 1.1, not 1'],
  ])('rejects the manual weights %o: %s', (manual, code, message) => {
    const issues = issuesOf(() =>
      compileScorecard(
        makeScheme((s) => {
          s.weights.indicators.I = { manual };
        }),
      ),
    );
    expect(issues.map((i) => [i.code, i.message])).toContainEqual([code, message]);
  });

  it('derives weights from an AHP matrix and from a group of experts (AIJ)', () => {
    const scorecard = compileScorecard(
      makeScheme((s) => {
        s.weights.perspectives = {
          ahp: {
            order: ['C', 'I'],
            matrix: [
              [1, '1/3'],
              [3, 1],
            ],
          },
        };
        // Two experts: 2 and 8; the geometric mean of their judgments is 4, so OCC : MORT = 4 : 1.
        s.weights.indicators.I = {
          ahp: {
            experts: [
              {
                matrix: [
                  [1, 2],
                  ['1/2', 1],
                ],
              },
              {
                matrix: [
                  [1, 8],
                  ['1/8', 1],
                ],
              },
            ],
            aggregation: 'aij',
          },
        };
      }),
    );
    expect(scorecard.perspectives.map((p) => p.weight)).toEqual([0.75, 0.25]);
    expect(scorecard.perspectives[0]?.indicators[0]?.weight).toBeCloseTo(0.8, 12);
    expect(scorecard.perspectives[0]?.indicatorWeights.source).toBe('ahp');
  });

  it('warns, but still evaluates, when a matrix is inconsistent', () => {
    const scorecard = compileScorecard(
      makeScheme((s) => {
        s.perspectives.push({
          id: 'S',
          name: { en: 'Learning' },
          indicators: [
            { id: 'S1', name: { en: 'a' }, kind: 'qualitative' },
            { id: 'S2', name: { en: 'b' }, kind: 'qualitative' },
            { id: 'S3', name: { en: 'c' }, kind: 'qualitative' },
          ],
        });
        s.weights.perspectives = { manual: { I: 0.5, C: 0.25, S: 0.25 } };
        // a > b (9), b > c (9), yet c > a (9): a cycle, as inconsistent as judgments get.
        s.weights.indicators.S = {
          ahp: {
            matrix: [
              [1, 9, '1/9'],
              ['1/9', 1, 9],
              [9, '1/9', 1],
            ],
          },
        };
      }),
    );
    expect(scorecard.warnings.map((w) => [w.code, w.path])).toEqual([
      ['scorecard.ahp-inconsistent', ['weights', 'indicators', 'S', 'ahp']],
    ]);
    expect(scorecard.warnings[0]?.message).toMatch(/^judgments are inconsistent: CR = \d+\.\d{4} ≥ 0\.1/);
  });

  it('reports every problem at once, each with its path', () => {
    const issues = issuesOf(() =>
      compileScorecard(
        makeScheme((s) => {
          const [internal, customer] = s.perspectives;
          if (!internal || !customer) throw new Error('fixture');
          internal.indicators[0] = {
            ...internal.indicators[0],
            id: 'OCC',
            name: { en: 'x' },
            formula: 'occupied / availble',
          };
          customer.indicators.push({ id: 'OCC', name: { en: 'dup' }, kind: 'qualitative' });
          s.weights.indicators.C = { manual: { SAT: 0.5, OCC: 0.5 } };
          internal.indicators[1] = {
            id: 'MORT',
            name: { en: 'm' },
            formula: 'deaths',
            direction: { band: [5, 1] },
          };
        }),
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: ['perspectives', 1, 'indicators', 1, 'id'],
          code: 'scorecard.duplicate-indicator',
          params: { id: 'OCC' },
          message: "duplicate indicator 'OCC'",
        },
        {
          path: ['perspectives', 0, 'indicators', 0, 'formula'],
          code: 'formula.unknown-data-element',
          params: { code: 'availble' },
          message: "unknown data element 'availble'",
          position: 11,
        },
        {
          path: ['perspectives', 0, 'indicators', 1, 'direction', 'band'],
          code: 'scorecard.band-reversed',
          params: { lower: 5, upper: 1 },
          message: "the band's lower bound 5 is above its upper bound 1",
        },
      ]),
    );
  });

  test.each([
    [
      'a qualitative indicator with a formula',
      (s: ScorecardFileInput) => {
        const sat = s.perspectives[1]?.indicators[0];
        if (sat) sat.formula = 'deaths';
      },
      'scorecard.qualitative-formula',
    ],
    [
      'a quantitative indicator scored by rubric',
      (s: ScorecardFileInput) => {
        const occ = s.perspectives[0]?.indicators[0];
        if (occ) occ.scoring = { method: 'rubric' };
      },
      'scorecard.rubric-quantitative',
    ],
    [
      'weights for a perspective that does not exist',
      (s: ScorecardFileInput) => {
        s.weights.indicators.Z = { manual: { A: 1 } };
      },
      'scorecard.not-a-perspective',
    ],
    [
      'an unknown field',
      (s: ScorecardFileInput) => {
        Object.assign(s, { colour: 'red' });
      },
      'zod.unknown-fields',
    ],
  ])('rejects %s', (_name, patch, code) => {
    const issues = issuesOf(() => compileScorecard(makeScheme(patch)));
    expect(issues.map((i) => i.code)).toContain(code);
  });
});

describe('compileValues', () => {
  it('rejects values meant for another scorecard', () => {
    const scorecard = compileScorecard(makeScheme());
    const issues = issuesOf(() => compileValues(values({ scorecard: 'OTHER' }), scorecard));
    expect(issues).toEqual([
      {
        path: ['scorecard'],
        code: 'scorecard.values-for-other-scorecard',
        params: { given: 'OTHER', code: 'WARD' },
        message: "these values are for 'OTHER', not 'WARD'",
      },
    ]);
  });

  it('rejects a fractional value for an integer data element and a reported value for a qualitative indicator', () => {
    const scorecard = compileScorecard(makeScheme());
    const issues = issuesOf(() =>
      compileValues(values({ data: { deaths: 1.5 }, actuals: { SAT: 90 } }), scorecard),
    );
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      ['scorecard.value-not-integer', '1.5 is not a whole number'],
      ['scorecard.actual-of-qualitative', "'SAT' is qualitative: give its ratings under 'assessments'"],
    ]);
  });
});

describe('evaluateScorecard', () => {
  const scorecard = compileScorecard(makeScheme());
  const evaluate = (input: Omit<ValuesFileInput, 'format'>) =>
    evaluateScorecard(scorecard, compileValues(values(input), scorecard).inputs);

  it('computes rates from numerators and denominators and rates qualitative indicators by the raters’ mean', () => {
    const result = evaluate({
      data: { occupied: 850, available: 1000, deaths: 2, patients: 1000 },
      targets: { OCC: 90, MORT: 4 },
      assessments: { SAT: [80, 90, { rater: 'b', score: 100 }] },
    });
    const [internal, customer] = result.perspectives;
    // OCC = 85 %, q = 85/90; MORT = 2 ‰, q = min(1, 4/2) = 1; I = 100 × (0.5 q_OCC + 0.5 q_MORT).
    expect(internal?.indicators[0]?.actual).toBe(85);
    expect(internal?.score).toBeCloseTo(100 * (0.5 * (85 / 90) + 0.5), 10);
    // SAT = mean(80, 90, 100) = 90 → q = 0.9.
    expect(customer?.indicators[0]?.actual).toBe(90);
    expect(customer?.indicators[0]?.raters).toBe(3);
    expect(result.total).toBeCloseTo(0.6 * (internal?.score ?? 0) + 0.4 * 90, 10);
    expect(result.coverage).toBe(1);
  });

  it('treats a zero denominator as no value and renormalises over the rest, reporting coverage', () => {
    const result = evaluate({
      data: { occupied: 0, available: 0, deaths: 3, patients: 1000 },
      targets: { OCC: 90, MORT: 4 },
      assessments: { SAT: [70] },
    });
    const internal = result.perspectives[0];
    expect(internal?.indicators[0]?.actual).toBeNull();
    expect(internal?.indicators[0]?.reason).toBe('missing-actual');
    // Only MORT has data: I = 100 × q_MORT = 100; coverage of I = 0.5; total coverage = 0.6 × 0.5 + 0.4 = 0.7.
    expect(internal?.score).toBe(100);
    expect(internal?.coverage).toBe(0.5);
    expect(result.coverage).toBeCloseTo(0.7, 12);
  });

  it('prefers a reported value to the formula', () => {
    const result = evaluate({
      data: { occupied: 500, available: 1000 },
      actuals: { OCC: 95 },
      targets: { OCC: 90 },
    });
    const occ = result.perspectives[0]?.indicators[0];
    expect(occ?.actual).toBe(95);
    expect(occ?.actualSource).toBe('reported');
  });

  it('has no total when nothing has data', () => {
    const result = evaluate({});
    expect(result.total).toBeNull();
    expect(result.rating).toBeNull();
    expect(result.coverage).toBe(0);
  });
});

describe('computeIndicatorValue', () => {
  const scorecard = compileScorecard(makeScheme());
  const occupancy = scorecard.perspectives[0]?.indicators[0]?.formula;
  test.each([
    [{ occupied: 90, available: 100 }, 90],
    [{ occupied: 90, available: 0 }, null],
    [{ occupied: 90 }, null],
    [{ occupied: null, available: 100 }, null],
  ])('occupied / available × 100 with %o is %s', (data, expected) => {
    if (!occupancy) throw new Error('fixture');
    expect(computeIndicatorValue(occupancy, new Map(Object.entries(data)))).toBe(expected);
  });
});

describe('minimum coverage (scoring.minimumCoverage)', () => {
  const withMinimum = (minimumCoverage: number) =>
    compileScorecard(
      makeScheme((s) => {
        s.scoring = { minimumCoverage };
      }),
    );
  // Only OCC and MORT have data: the weight coverage is 0.6 (I) of 1; OCC q = 85/90, MORT q = 1.
  const inputsFor = (scorecard: ReturnType<typeof compileScorecard>) =>
    compileValues(
      values({
        data: { occupied: 850, available: 1000, deaths: 2, patients: 1000 },
        targets: { OCC: 90, MORT: 4 },
      }),
      scorecard,
    ).inputs;

  it('withholds the total and the rating below the minimum, keeping the coverage', () => {
    const scorecard = withMinimum(0.7);
    const result = evaluateScorecard(scorecard, inputsFor(scorecard));
    expect({
      total: result.total,
      rating: result.rating,
      ratingCode: result.ratingCode,
      coverage: result.coverage,
      insufficientData: result.insufficientData,
      minimumCoverage: result.minimumCoverage,
    }).toEqual({
      total: null,
      rating: null,
      ratingCode: null,
      coverage: 0.6,
      insufficientData: true,
      minimumCoverage: 0.7,
    });
  });

  it('gives the total when the coverage is exactly the minimum', () => {
    const scorecard = withMinimum(0.6);
    const result = evaluateScorecard(scorecard, inputsFor(scorecard));
    // I = 100 × (0.5 × 85/90 + 0.5 × 1) = 97.2222…, renormalised over the perspectives with data.
    expect([result.insufficientData, result.total]).toEqual([false, 100 * (0.5 * (85 / 90) + 0.5)]);
    expect(result.rating).toBe('Very good');
  });

  it('keeps the perspective and indicator scores of an insufficient total', () => {
    const scorecard = withMinimum(0.9);
    const result = evaluateScorecard(scorecard, inputsFor(scorecard));
    expect(result.perspectives[0]?.score).toBeCloseTo(100 * (0.5 * (85 / 90) + 0.5), 10);
  });

  it('defaults to 0: every total is given', () => {
    const scorecard = compileScorecard(makeScheme());
    expect(scorecard.minimumCoverage).toBe(0);
    expect(evaluateScorecard(scorecard, inputsFor(scorecard)).insufficientData).toBe(false);
  });

  it('refuses a minimum above 1', () => {
    const issues = issuesOf(() => withMinimum(1.5));
    expect(issues.map((i) => i.path)).toEqual([['scoring', 'minimumCoverage']]);
  });
});
