/**
 * Confidence intervals for one proportion and one rate: Wilson's score interval (R `prop.test(x, n, correct =
 * FALSE)$conf.int`), Clopper–Pearson's exact interval (R `binom.test(x, n)$conf.int`) and the exact Poisson
 * interval of a rate (R `poisson.test(x, t)$conf.int`).
 */
import { badRequest } from '../errors/problem.ts';
import { betaQuantile, gammaQuantile, normalQuantile } from './distributions.ts';

export type Interval = [number, number];

/**
 * Checks a count `x` of `n` trials (both whole, 0 ≤ x ≤ n, n > 0) and a level in (0, 1), throwing a coded
 * bad-request problem otherwise.
 *
 * @example
 * checkCount(21, 20, 0.95); // throws stats.count-out-of-range
 */
export function checkCount(x: number, n: number, level: number): void {
  if (!Number.isInteger(n) || n <= 0) throw badRequest('stats.trials-not-positive', { value: n });
  if (!Number.isInteger(x) || x < 0 || x > n) throw badRequest('stats.count-out-of-range', { value: x, n });
  checkLevel(level);
}

/**
 * Checks that a confidence level lies strictly between 0 and 1.
 *
 * @example
 * checkLevel(95); // throws stats.level-out-of-range
 */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw badRequest('stats.level-out-of-range', { value: level });
}

/**
 * Wilson's score interval for x successes in n trials, without continuity correction (Wilson 1927, "Probable
 * inference, the law of succession, and statistical inference", JASA 22:209–212), written as R's
 * `prop.test` writes it.
 *
 * @example
 * wilsonInterval(7, 20); // [0.18119…, 0.56714…]
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval {
  checkCount(x, n, level);
  const estimate = x / n;
  const z = normalQuantile((1 + level) / 2);
  const z22n = (z * z) / (2 * n);
  // R's branches, so that x = 0 and x = n give exactly 0 and 1.
  const upper =
    estimate >= 1
      ? 1
      : (estimate + z22n + z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  const lower =
    estimate <= 0
      ? 0
      : (estimate + z22n - z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

/**
 * The Clopper–Pearson exact interval (Clopper & Pearson 1934, Biometrika 26:404–413), from beta quantiles as
 * R's `binom.test`.
 *
 * @example
 * clopperPearsonInterval(7, 20); // [0.15391…, 0.59218…]
 */
export function clopperPearsonInterval(x: number, n: number, level = 0.95): Interval {
  checkCount(x, n, level);
  const alpha = (1 - level) / 2;
  const lower = x === 0 ? 0 : betaQuantile(alpha, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha, x + 1, n - x);
  return [lower, upper];
}

/**
 * The exact interval of a Poisson rate, x events over exposure t, from gamma quantiles (Garwood 1936,
 * Biometrika 28:437–442), as R's one-sample `poisson.test`.
 *
 * @example
 * poissonRateInterval(10, 1000); // [0.0047954…, 0.0183904…]
 */
export function poissonRateInterval(x: number, t: number, level = 0.95): Interval {
  if (!Number.isInteger(x) || x < 0) throw badRequest('stats.events-not-count', { value: x });
  if (!(t > 0)) throw badRequest('stats.exposure-not-positive', { value: t });
  checkLevel(level);
  const alpha = (1 - level) / 2;
  const lower = x === 0 ? 0 : gammaQuantile(alpha, x);
  const upper = gammaQuantile(1 - alpha, x + 1);
  return [lower / t, upper / t];
}
