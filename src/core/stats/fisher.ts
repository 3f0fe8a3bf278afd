/**
 * Fisher's exact test of a 2 × 2 table, as R's `fisher.test`: the two-sided p-value sums the probabilities of
 * the tables no more likely than the one observed (with R's relative tolerance 1e-7), the odds ratio is the
 * conditional maximum-likelihood estimate, and its interval inverts the two one-sided tests of the noncentral
 * hypergeometric distribution (Fisher 1935, "The logic of inductive inference", JRSS 98:39–82; Cornfield 1956).
 */
import { badRequest } from '../errors/problem.ts';
import { hypergeometricCdf, hypergeometricUpper } from './distributions.ts';
import { checkLevel, type Interval } from './intervals.ts';
import { uniroot } from './zeroin.ts';

export interface FisherResult {
  readonly p: number;
  /** Conditional MLE of the odds ratio (0 or Infinity at the edges of the support). */
  readonly oddsRatio: number;
  readonly ci: Interval;
}

const DOUBLE_EPS = 2.220446049250313e-16;

/**
 * Fisher's exact test of [[a, b], [c, d]]: rows are groups, columns outcomes.
 *
 * @example
 * fisherExactTest([[3, 1], [1, 3]]); // p 0.4857…, oddsRatio 6.4084…, ci [0.2117…, 621.93…]
 */
export function fisherExactTest(
  table: readonly [readonly [number, number], readonly [number, number]],
  options: { level?: number } = {},
): FisherResult {
  const level = options.level ?? 0.95;
  checkLevel(level);
  const [[a, b], [c, d]] = table;
  for (const cell of [a, b, c, d])
    if (!Number.isInteger(cell) || cell < 0) throw badRequest('stats.cell-not-count', { value: cell });
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let s = lo; s <= hi; s++) support.push(s);
  // log dhyper up to a constant, by the ratio of successive probabilities (the constant cancels below).
  const logdc: number[] = [0];
  for (let s = lo; s < hi; s++) {
    const previous = logdc[logdc.length - 1] ?? 0;
    logdc.push(previous + Math.log(((m - s) * (k - s)) / ((s + 1) * (n - k + s + 1))));
  }

  const dnhyper = (ncp: number): number[] => {
    const logs = logdc.map((l, i) => l + Math.log(ncp) * (support[i] ?? 0));
    const top = Math.max(...logs);
    const dens = logs.map((l) => Math.exp(l - top));
    const sum = dens.reduce((p, q) => p + q, 0);
    return dens.map((v) => v / sum);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Number.POSITIVE_INFINITY) return hi;
    return dnhyper(ncp).reduce((sum, v, i) => sum + (support[i] ?? 0) * v, 0);
  };
  const pnhyper = (q: number, ncp: number, upperTail: boolean): number => {
    if (ncp === 1) return upperTail ? hypergeometricUpper(q, m, n, k) : hypergeometricCdf(q, m, n, k);
    if (ncp === 0) return Number(upperTail ? q <= lo : q >= lo);
    if (ncp === Number.POSITIVE_INFINITY) return Number(upperTail ? q <= hi : q >= hi);
    return dnhyper(ncp).reduce((sum, v, i) => {
      const s = support[i] ?? 0;
      return (upperTail ? s >= q : s <= q) ? sum + v : sum;
    }, 0);
  };

  const densities = dnhyper(1);
  const observed = (densities[x - lo] ?? 0) * (1 + 1e-7);
  const p = Math.max(
    0,
    Math.min(
      1,
      densities.reduce((sum, v) => (v <= observed ? sum + v : sum), 0),
    ),
  );

  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Number.POSITIVE_INFINITY;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, DOUBLE_EPS, 1);
    return 1;
  };
  const alpha = (1 - level) / 2;
  const upperLimit = (): number => {
    if (x === hi) return Number.POSITIVE_INFINITY;
    const p1 = pnhyper(x, 1, false);
    if (p1 < alpha) return uniroot((t) => pnhyper(x, t, false) - alpha, 0, 1);
    if (p1 > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, false) - alpha, DOUBLE_EPS, 1);
    return 1;
  };
  const lowerLimit = (): number => {
    if (x === lo) return 0;
    const p1 = pnhyper(x, 1, true);
    if (p1 > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (p1 < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, DOUBLE_EPS, 1);
    return 1;
  };
  return { p, oddsRatio: mle(), ci: [lowerLimit(), upperLimit()] };
}
