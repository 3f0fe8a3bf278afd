/**
 * One statistical test run from its input document (contracts/stats-input.ts), with the exact output shape
 * of `healthbsc stats FILE --json` (docs/statistics.md). One entry per test, in one record.
 */
import type { StatsInput, StatsTestName } from '../contracts/stats-input.ts';
import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { chiSquareTest } from './chi-square.ts';
import { fisherExactTest } from './fisher.ts';
import { interruptedTimeSeries } from './interrupted-time-series.ts';
import { mannKendallTest } from './mann-kendall.ts';
import { mannWhitneyTest } from './mann-whitney.ts';
import { poissonRateTest } from './poisson-rate.ts';
import { twoProportionTest } from './two-proportion.ts';
import { welchTest } from './welch.ts';

/** A test's output: named numbers and pairs of numbers (Infinity stands for an unbounded odds or rate ratio). */
export type StatsOutput = Readonly<Record<string, number | readonly number[]>>;

type Runner<T extends StatsTestName> = (input: Extract<StatsInput, { test: T }>) => StatsOutput;

const level = (value: number | undefined) => (value === undefined ? {} : { level: value });

export const STATS_TESTS = {
  'two-proportion': (input) => {
    const r = twoProportionTest(input.x, input.n, { correct: input.correct, ...level(input.level) });
    return { statistic: r.statistic, p: r.p, ci: r.ci };
  },
  'chi-square': (input) => {
    const r = chiSquareTest(input.table, { correct: input.correct });
    return { statistic: r.statistic, p: r.p };
  },
  fisher: (input) => {
    const r = fisherExactTest(input.table, level(input.level));
    return { p: r.p, oddsRatio: r.oddsRatio };
  },
  'poisson-rate': (input) => {
    const r = poissonRateTest(input.x, input.t, level(input.level));
    return { p: r.p, rateRatio: r.rateRatio, ci: r.ci };
  },
  welch: (input) => {
    const r = welchTest(input.a, input.b, level(input.level));
    return { statistic: r.statistic, p: r.p };
  },
  'mann-whitney': (input) => {
    const r = mannWhitneyTest(input.a, input.b, { correct: input.correct, exact: input.exact });
    return { statistic: r.statistic, p: r.p };
  },
  'mann-kendall': (input) => {
    const r = mannKendallTest(input.y);
    return { statistic: r.statistic, p: r.p, senSlope: r.senSlope };
  },
  its: (input) => {
    const r = interruptedTimeSeries(input.y, input.intervention, {
      lag: input.lag,
      seasonPeriod: input.seasonPeriod,
      ...level(input.level),
    });
    return { levelChange: r.levelChange, slopeChange: r.slopeChange, se: r.se, p: r.p };
  },
  bh: (input) => ({ adjusted: benjaminiHochberg(input.p) }),
} satisfies { [T in StatsTestName]: Runner<T> };

/**
 * Runs the test an input names and returns its output in the CLI's shape.
 *
 * @example
 * runStatsInput({ test: 'bh', p: [0.01, 0.04, 0.03, 0.5] }); // { adjusted: [0.04, 0.0533…, 0.0533…, 0.5] }
 */
export function runStatsInput(input: StatsInput): StatsOutput {
  switch (input.test) {
    case 'two-proportion':
      return STATS_TESTS['two-proportion'](input);
    case 'chi-square':
      return STATS_TESTS['chi-square'](input);
    case 'fisher':
      return STATS_TESTS.fisher(input);
    case 'poisson-rate':
      return STATS_TESTS['poisson-rate'](input);
    case 'welch':
      return STATS_TESTS.welch(input);
    case 'mann-whitney':
      return STATS_TESTS['mann-whitney'](input);
    case 'mann-kendall':
      return STATS_TESTS['mann-kendall'](input);
    case 'its':
      return STATS_TESTS.its(input);
    case 'bh':
      return STATS_TESTS.bh(input);
  }
}
