/**
 * Welch's two-sample t test for unequal variances (Welch 1947, Biometrika 34:28–35), with the
 * Welch–Satterthwaite degrees of freedom, as R's `t.test(a, b)`.
 */
import { badRequest } from '../errors/problem.ts';
import { tCdf, tQuantile } from './distributions.ts';
import { checkLevel, type Interval } from './intervals.ts';

export interface WelchResult {
  /** R's t. */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Interval of mean(a) − mean(b). */
  readonly ci: Interval;
  readonly estimate: [number, number];
}

function meanAndVariance(values: readonly number[]): [number, number] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return [mean, variance];
}

/**
 * Tests mean(a) = mean(b) without assuming equal variances.
 *
 * @example
 * welchTest([19.1, 20.3, 18.7, 21.0], [22.4, 23.1, 21.8, 24.0, 22.9]); // statistic −4.74700…, p 0.0038240…
 */
export function welchTest(
  a: readonly number[],
  b: readonly number[],
  options: { level?: number } = {},
): WelchResult {
  const level = options.level ?? 0.95;
  checkLevel(level);
  if (a.length < 2 || b.length < 2)
    throw badRequest('stats.too-few-values', { count: Math.min(a.length, b.length), needed: 2 });
  const [meanA, varA] = meanAndVariance(a);
  const [meanB, varB] = meanAndVariance(b);
  const seA = varA / a.length;
  const seB = varB / b.length;
  const stderr = Math.sqrt(seA + seB);
  if (stderr < 10 * Number.EPSILON * Math.max(Math.abs(meanA), Math.abs(meanB)))
    throw badRequest('stats.data-constant', {});
  const df = (seA + seB) ** 2 / (seA ** 2 / (a.length - 1) + seB ** 2 / (b.length - 1));
  const statistic = (meanA - meanB) / stderr;
  const half = tQuantile(1 - (1 - level) / 2, df) * stderr;
  const diff = meanA - meanB;
  return {
    statistic,
    df,
    p: 2 * tCdf(-Math.abs(statistic), df),
    ci: [diff - half, diff + half],
    estimate: [meanA, meanB],
  };
}
