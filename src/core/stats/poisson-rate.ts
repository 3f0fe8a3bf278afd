/**
 * Two Poisson rates compared exactly, as R's `poisson.test(c(x1, x2), c(t1, t2))`: conditional on the total
 * x₁ + x₂, x₁ is binomial with p = t₁/(t₁ + t₂) under equal rates, so the test is R's `binom.test` and the
 * rate-ratio interval is its Clopper–Pearson interval mapped by p/(1 − p) · t₂/t₁ (Przyborowski & Wileński
 * 1940, Biometrika 31:313–323).
 */
import { badRequest } from '../errors/problem.ts';
import { binomialCdf, binomialPmf, binomialUpper } from './distributions.ts';
import { clopperPearsonInterval, type Interval } from './intervals.ts';

export interface PoissonRateResult {
  readonly p: number;
  /** (x₁/t₁)/(x₂/t₂); Infinity when x₂ = 0. */
  readonly rateRatio: number;
  readonly ci: Interval;
}

/**
 * The two-sided exact binomial test of x successes in n trials against p, as R's `binom.test` (the tables no
 * more likely than the one observed, with R's relative tolerance 1e-7).
 *
 * @example
 * binomialTestP(7, 20, 0.5); // 0.263176…
 */
export function binomialTestP(x: number, n: number, p: number): number {
  if (p === 0) return Number(x === 0);
  if (p === 1) return Number(x === n);
  const d = binomialPmf(x, n, p) * (1 + 1e-7);
  const mean = n * p;
  if (x === mean) return 1;
  if (x < mean) {
    let y = 0;
    for (let i = Math.ceil(mean); i <= n; i++) if (binomialPmf(i, n, p) <= d) y++;
    return Math.min(1, binomialCdf(x, n, p) + binomialUpper(n - y, n, p));
  }
  let y = 0;
  for (let i = 0; i <= Math.floor(mean); i++) if (binomialPmf(i, n, p) <= d) y++;
  return Math.min(1, binomialCdf(y - 1, n, p) + binomialUpper(x - 1, n, p));
}

/**
 * Compares x₁ events over exposure t₁ with x₂ over t₂ (two-sided, rate ratio 1 under the null).
 *
 * @example
 * poissonRateTest([11, 23], [800, 1083]); // p 0.29809…, rateRatio 0.64745…, ci [0.28494…, 1.38257…]
 */
export function poissonRateTest(
  x: readonly [number, number],
  t: readonly [number, number],
  options: { level?: number } = {},
): PoissonRateResult {
  const level = options.level ?? 0.95;
  for (const count of x)
    if (!Number.isInteger(count) || count < 0) throw badRequest('stats.events-not-count', { value: count });
  for (const exposure of t)
    if (!(exposure > 0)) throw badRequest('stats.exposure-not-positive', { value: exposure });
  const total = x[0] + x[1];
  if (total === 0) throw badRequest('stats.no-events', {});
  const share = t[0] / (t[0] + t[1]);
  const [lower, upper] = clopperPearsonInterval(x[0], total, level);
  return {
    p: binomialTestP(x[0], total, share),
    rateRatio: x[0] / t[0] / (x[1] / t[1]),
    ci: [((lower / (1 - lower)) * t[1]) / t[0], ((upper / (1 - upper)) * t[1]) / t[0]],
  };
}
