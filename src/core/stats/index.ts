/**
 * Statistics for evaluation studies and monitoring, pure and checked against R (see README.md in this folder):
 * tests, intervals, interrupted time series and the distribution functions they rest on.
 */
export { benjaminiHochberg } from './benjamini-hochberg.ts';
export { type ChiSquareResult, chiSquareTest } from './chi-square.ts';
export {
  betaQuantile,
  binomialCdf,
  binomialPmf,
  binomialUpper,
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareUpper,
  gammaQuantile,
  hypergeometricCdf,
  hypergeometricUpper,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from './distributions.ts';
export { type FisherResult, fisherExactTest } from './fisher.ts';
export {
  defaultNeweyWestLag,
  type InterruptedTimeSeriesResult,
  interruptedTimeSeries,
} from './interrupted-time-series.ts';
export { clopperPearsonInterval, type Interval, poissonRateInterval, wilsonInterval } from './intervals.ts';
export { type MannKendallResult, mannKendallTest } from './mann-kendall.ts';
export { type MannWhitneyResult, mannWhitneyTest } from './mann-whitney.ts';
export { type NeweyWestFit, neweyWestFit } from './newey-west.ts';
export { binomialTestP, type PoissonRateResult, poissonRateTest } from './poisson-rate.ts';
export { runStatsInput, STATS_TESTS, type StatsOutput } from './run-stats-input.ts';
export {
  pooledZ,
  type TwoProportionResult,
  type TwoProportionZTest,
  twoProportionTest,
  twoProportionZTest,
} from './two-proportion.ts';
export { type WelchResult, welchTest } from './welch.ts';
export { UNIROOT_TOL, uniroot } from './zeroin.ts';
