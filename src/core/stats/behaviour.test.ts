/**
 * What the R fixtures do not show: defaults, edge cases and the coded problems bad input gets.
 */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import {
  chiSquareTest,
  chiSquareUpper,
  defaultNeweyWestLag,
  fisherExactTest,
  interruptedTimeSeries,
  mannWhitneyTest,
  poissonRateTest,
  uniroot,
  welchTest,
  wilsonInterval,
} from './index.ts';

function problemCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isProblemError(error)) return error.problem.code;
    throw error;
  }
  return 'no problem';
}

describe('defaults', () => {
  test.each([
    [12, 2],
    [48, 3],
    [100, 4],
    [500, 5],
  ])('the default Newey–West lag for %i points is %i, ⌊4(n/100)^(2/9)⌋', (n, lag) => {
    expect(defaultNeweyWestLag(n)).toBe(lag);
  });

  test('an interrupted time series without a lag uses the default one', () => {
    const y = Array.from({ length: 48 }, (_, i) => 10 + 0.1 * i + (i >= 24 ? 2 : 0) + ((i * 7) % 5) / 10);
    const result = interruptedTimeSeries(y, 24);
    expect([result.lag, result.df]).toEqual([3, 44]);
  });

  test('season dummies take s − 1 degrees of freedom', () => {
    const y = Array.from({ length: 36 }, (_, i) => 10 + 0.1 * i + (i % 12) / 4 + ((i * 7) % 5) / 10);
    expect(interruptedTimeSeries(y, 18, { lag: 1, seasonPeriod: 12 }).df).toBe(21);
  });

  test('Mann–Whitney is exact below 50 values per sample without ties', () => {
    expect(mannWhitneyTest([1, 2, 3], [4, 5, 6]).method).toBe('exact');
  });

  test('Mann–Whitney falls back to the normal approximation with ties, as R', () => {
    expect(mannWhitneyTest([1, 2, 3], [3, 5, 6]).method).toBe('normal');
  });

  test('Mann–Whitney uses the normal approximation at 50 values per sample', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Array.from({ length: 50 }, (_, i) => i + 100.5);
    expect(mannWhitneyTest(a, b).method).toBe('normal');
  });
});

describe('edges', () => {
  test('Fisher gives an infinite odds ratio and upper limit when a cell opposite the observed one is 0', () => {
    const result = fisherExactTest([
      [3, 0],
      [1, 3],
    ]);
    expect([result.oddsRatio, result.ci[1]]).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  test('Fisher gives an odds ratio of 0 and a lower limit of 0 when the observed cell is 0', () => {
    const result = fisherExactTest([
      [0, 5],
      [5, 0],
    ]);
    expect([result.oddsRatio, result.ci[0]]).toEqual([0, 0]);
  });

  test('a Poisson rate ratio with no events in the second group is infinite', () => {
    expect(poissonRateTest([5, 0], [100, 100]).rateRatio).toBe(Number.POSITIVE_INFINITY);
  });

  test('the Wilson interval of 0 of n starts at exactly 0, and of n of n ends at exactly 1', () => {
    expect([wilsonInterval(0, 20)[0], wilsonInterval(20, 20)[1]]).toEqual([0, 1]);
  });

  test('the upper χ² tail keeps its relative accuracy where 1 − cdf would be 0 (R: pchisq(200, 3, lower = FALSE))', () => {
    expect(chiSquareUpper(200, 3) / 4.2185411071920418e-43).toBeCloseTo(1, 10);
  });

  test('uniroot stops within R’s default tolerance of the root', () => {
    expect(Math.abs(uniroot((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(1.3e-4);
  });
});

describe('bad input gets coded problems', () => {
  test.each([
    ['a count above its trials', () => wilsonInterval(21, 20), 'stats.count-out-of-range'],
    ['no trials', () => wilsonInterval(0, 0), 'stats.trials-not-positive'],
    ['a level of 95', () => wilsonInterval(1, 20, 95), 'stats.level-out-of-range'],
    ['a 1-row table', () => chiSquareTest([[1, 2, 3]]), 'stats.table-too-small'],
    ['a ragged table', () => chiSquareTest([[1, 2], [3]]), 'stats.table-ragged'],
    [
      'a table with an empty column',
      () =>
        chiSquareTest([
          [0, 2],
          [0, 3],
        ]),
      'stats.table-empty-margin',
    ],
    [
      'a fractional Fisher cell',
      () =>
        fisherExactTest([
          [1.5, 2],
          [3, 4],
        ]),
      'stats.cell-not-count',
    ],
    ['no events in either group', () => poissonRateTest([0, 0], [10, 10]), 'stats.no-events'],
    ['a zero exposure', () => poissonRateTest([1, 2], [0, 10]), 'stats.exposure-not-positive'],
    ['a sample of one', () => welchTest([1], [2, 3]), 'stats.too-few-values'],
    [
      'an exact Mann–Whitney on 101 × 100 values',
      () =>
        mannWhitneyTest(
          Array.from({ length: 101 }, (_, i) => i),
          Array.from({ length: 100 }, (_, i) => i + 0.5),
          { exact: true },
        ),
      'stats.exact-too-large',
    ],
    ['constant samples', () => welchTest([2, 2], [2, 2]), 'stats.data-constant'],
    [
      'an intervention at the last point',
      () => interruptedTimeSeries([1, 2, 3, 4, 5, 6], 5),
      'stats.intervention-out-of-range',
    ],
    ['a negative lag', () => interruptedTimeSeries([1, 2, 3, 5, 4, 6], 3, { lag: -1 }), 'stats.lag-invalid'],
    [
      'more terms than points',
      () => interruptedTimeSeries([1, 2, 3, 5, 4, 6], 3, { seasonPeriod: 4 }),
      'stats.too-few-values',
    ],
  ])('%s → %s', (_name, run, code) => {
    expect(problemCode(run)).toBe(code);
  });
});
