/**
 * Interrupted time series by segmented regression (Wagner et al. 2002, "Segmented regression analysis of
 * interrupted time series studies in medication use research", J Clin Pharm Ther 27:299–309): y_t = β₀ + β₁t +
 * β₂D_t + β₃(t − k)D_t (+ season dummies), t = 1…n, D_t = 1 for t > k, k the last point before the
 * intervention. β₂ is the level change and β₃ the slope change; their standard errors are Newey–West's
 * without prewhitening, their p-values and intervals t-based with the residual degrees of freedom, as R's
 * `lmtest::coeftest(fit, vcov = sandwich::NeweyWest(fit, lag = L, prewhite = FALSE))`.
 */
import { badRequest } from '../errors/problem.ts';
import { tCdf, tQuantile } from './distributions.ts';
import { checkLevel, type Interval } from './intervals.ts';
import { neweyWestFit } from './newey-west.ts';

export interface InterruptedTimeSeriesResult {
  readonly levelChange: number;
  readonly slopeChange: number;
  /** Newey–West standard errors of [levelChange, slopeChange]. */
  readonly se: [number, number];
  /** Two-sided t-based p-values of [levelChange, slopeChange]. */
  readonly p: [number, number];
  readonly ci: { readonly level: Interval; readonly slope: Interval };
  /** The Newey–West lag used. */
  readonly lag: number;
  /** Residual degrees of freedom: n − 4, less s − 1 with s seasons. */
  readonly df: number;
}

/**
 * The default Newey–West lag for n points, ⌊4(n/100)^{2/9}⌋ (Newey & West 1994, Rev. Econ. Stud. 61:631–653).
 *
 * @example
 * defaultNeweyWestLag(48); // 3
 */
export function defaultNeweyWestLag(n: number): number {
  return Math.floor(4 * (n / 100) ** (2 / 9));
}

/**
 * Level and slope change of y at the intervention after point `intervention` (1-based: the last point before
 * it). `seasonPeriod` s adds s − 1 season dummies (season of t = (t − 1) mod s).
 *
 * @example
 * interruptedTimeSeries([10, 11, 12, 13, 14, 15, 20, 22, 24, 26, 28, 30], 6, { lag: 1 });
 * // levelChange 3 (20 against the 17 the pre-trend and one step of the new slope give), slopeChange 1
 */
export function interruptedTimeSeries(
  y: readonly number[],
  intervention: number,
  options: { lag?: number; seasonPeriod?: number; level?: number } = {},
): InterruptedTimeSeriesResult {
  const n = y.length;
  const level = options.level ?? 0.95;
  checkLevel(level);
  for (const value of y)
    if (!Number.isFinite(value)) throw badRequest('stats.value-not-finite', { value: String(value) });
  const k = intervention;
  if (!Number.isInteger(k) || k < 2 || k > n - 2)
    throw badRequest('stats.intervention-out-of-range', { value: k, n });
  const seasons = options.seasonPeriod ?? 1;
  if (!Number.isInteger(seasons) || seasons < 1)
    throw badRequest('stats.season-period-invalid', { value: seasons });
  const lag = options.lag ?? defaultNeweyWestLag(n);
  if (!Number.isInteger(lag) || lag < 0) throw badRequest('stats.lag-invalid', { value: lag });
  const parameters = 4 + seasons - 1;
  if (n - parameters < 1) throw badRequest('stats.too-few-values', { count: n, needed: parameters + 1 });
  const design = y.map((_, index) => {
    const t = index + 1;
    const after = t > k ? 1 : 0;
    const row = [1, t, after, (t - k) * after];
    for (let s = 1; s < seasons; s++) row.push(index % seasons === s ? 1 : 0);
    return row;
  });
  const fit = neweyWestFit(design, y, lag);
  const df = fit.residualDf;
  const estimate = (i: number): number => fit.coefficients[i] ?? 0;
  const se = (i: number): number => Math.sqrt(fit.covariance[i]?.[i] ?? 0);
  const pValue = (i: number): number => 2 * tCdf(-Math.abs(estimate(i) / se(i)), df);
  const q = tQuantile(1 - (1 - level) / 2, df);
  const interval = (i: number): Interval => [estimate(i) - q * se(i), estimate(i) + q * se(i)];
  return {
    levelChange: estimate(2),
    slopeChange: estimate(3),
    se: [se(2), se(3)],
    p: [pValue(2), pValue(3)],
    ci: { level: interval(2), slope: interval(3) },
    lag,
    df,
  };
}
