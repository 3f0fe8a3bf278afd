/**
 * The Mann–Kendall trend test with Sen's slope. S = Σ_{i<j} sign(y_j − y_i) against time; its p-value is R's
 * `cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE)`: the normal approximation
 * with the tie-corrected variance and a continuity correction of 1 (Mann 1945, Econometrica 13:245–259;
 * Kendall 1975, Rank Correlation Methods). Sen's slope is the median of the pairwise slopes (Sen 1968,
 * JASA 63:1379–1389), as base R's `median` of them.
 */
import { badRequest } from '../errors/problem.ts';
import { normalCdf } from './distributions.ts';
import { midRanks } from './ranks.ts';

export interface MannKendallResult {
  /** Kendall's S. */
  readonly statistic: number;
  readonly p: number;
  /** Kendall's τ-b against time (R's estimate). */
  readonly tau: number;
  readonly senSlope: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Tests a monotonic trend in y (equally spaced in time), two-sided.
 *
 * @example
 * mannKendallTest([1, 3, 2, 5, 4, 6, 8, 7]); // { statistic: 22, p: 0.0093748…, tau: 0.7857…, senSlope: 1 }
 */
export function mannKendallTest(y: readonly number[]): MannKendallResult {
  const n = y.length;
  if (n < 3) throw badRequest('stats.too-few-values', { count: n, needed: 3 });
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = (y[j] ?? 0) - (y[i] ?? 0);
      s += Math.sign(d);
      slopes.push(d / (j - i));
    }
  const ties = midRanks(y).tieSizes.filter((t) => t > 1);
  const t0 = (n * (n - 1)) / 2;
  const t2 = ties.reduce((sum, t) => sum + t * (t - 1), 0) / 2;
  if (t2 === t0) throw badRequest('stats.data-constant', {});
  const variance =
    (n * (n - 1) * (2 * n + 5) - ties.reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0)) / 18;
  const corrected = Math.sign(s) * (Math.abs(s) - 1);
  const z = corrected / Math.sqrt(variance);
  return {
    statistic: s,
    p: 2 * Math.min(normalCdf(z), normalCdf(-z)),
    tau: s / Math.sqrt(t0 * (t0 - t2)),
    senSlope: median(slopes),
  };
}
