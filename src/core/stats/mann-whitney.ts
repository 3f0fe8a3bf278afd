/**
 * The Wilcoxon–Mann–Whitney rank-sum test, as R's `wilcox.test(a, b)`: W = Σ ranks of a − n_a(n_a + 1)/2;
 * the exact distribution of W when both samples have fewer than 50 values and there are no ties (or when
 * `exact` is asked for and there are no ties), otherwise the normal approximation with the tie-corrected
 * variance and, by default, a continuity correction of ½ (Mann & Whitney 1947, Ann. Math. Statist.
 * 18:50–60; Hollander & Wolfe, Nonparametric Statistical Methods, §4.1).
 */
import { badRequest } from '../errors/problem.ts';
import { normalCdf } from './distributions.ts';
import { midRanks } from './ranks.ts';

/** The largest n_a·n_b for which the exact distribution is computed (R's default stops at 49·49 = 2401). */
export const MAX_EXACT_PRODUCT = 10_000;

export interface MannWhitneyResult {
  /** R's W. */
  readonly statistic: number;
  readonly p: number;
  readonly method: 'exact' | 'normal';
}

/**
 * The number of ways to reach each W = 0 … m·n with samples of m and n, by the recurrence
 * c(w; m, n) = c(w − n; m − 1, n) + c(w; m, n − 1) (the counts R's `pwilcox` sums), as doubles.
 */
function wilcoxonCounts(m: number, n: number): number[] {
  // counts[j][w] for the current m over j = 0…n; start from m = 0 (only w = 0).
  let previous: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const current: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const left = current[j - 1] ?? [];
      const down = previous[j] ?? [];
      for (let w = 0; w < size; w++) row[w] = (w - j >= 0 ? (down[w - j] ?? 0) : 0) + (left[w] ?? 0);
      current.push(row);
    }
    previous = current;
  }
  return previous[n] ?? [1];
}

/**
 * Tests whether a and b come from the same distribution (two-sided).
 *
 * @example
 * mannWhitneyTest([1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]);
 * // { statistic: 58, p: 0.1329…, method: 'normal' } (ties in b)
 */
export function mannWhitneyTest(
  a: readonly number[],
  b: readonly number[],
  options: { correct?: boolean; exact?: boolean } = {},
): MannWhitneyResult {
  if (a.length < 1 || b.length < 1) throw badRequest('stats.too-few-values', { count: 0, needed: 1 });
  const na = a.length;
  const nb = b.length;
  const { ranks, tieSizes } = midRanks([...a, ...b]);
  const statistic = ranks.slice(0, na).reduce((s, r) => s + r, 0) - (na * (na + 1)) / 2;
  const exact = options.exact ?? (na < 50 && nb < 50);
  const ties = tieSizes.some((size) => size > 1);
  if (exact && !ties) {
    // The distribution takes about (n_a·n_b)²/4 steps: asked for on large samples it would hang the caller.
    if (na * nb > MAX_EXACT_PRODUCT)
      throw badRequest('stats.exact-too-large', { na, nb, max: MAX_EXACT_PRODUCT });
    const counts = wilcoxonCounts(na, nb);
    const total = counts.reduce((s, c) => s + c, 0);
    // P(W ≤ q) and P(W ≥ q) by summing counts, as pwilcox.
    const lowerTail = (q: number): number => counts.slice(0, q + 1).reduce((s, c) => s + c, 0) / total;
    const upperTail = (q: number): number => counts.slice(q).reduce((s, c) => s + c, 0) / total;
    const p = statistic > (na * nb) / 2 ? upperTail(statistic) : lowerTail(statistic);
    return { statistic, p: Math.min(2 * p, 1), method: 'exact' };
  }
  const z0 = statistic - (na * nb) / 2;
  const tieTerm = tieSizes.reduce((s, t) => s + t ** 3 - t, 0) / ((na + nb) * (na + nb - 1));
  const sigma = Math.sqrt(((na * nb) / 12) * (na + nb + 1 - tieTerm));
  if (sigma === 0) throw badRequest('stats.data-constant', {});
  const correction = options.correct === false ? 0 : Math.sign(z0) * 0.5;
  const z = (z0 - correction) / sigma;
  return { statistic, p: 2 * Math.min(normalCdf(z), normalCdf(-z)), method: 'normal' };
}
