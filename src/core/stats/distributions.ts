/**
 * Thin typed wrappers of the @stdlib per-function distribution packages (standard parametrisations, as R's
 * `pnorm`, `qt`, `qbeta`, …), plus the upper tails the tests need without cancellation. The @stdlib functions
 * match R to about 1e-13 in the tails (see ../shared/STACK.md); `1 − cdf` would lose that for small p-values,
 * so upper tails are computed from the lower tail of a mirrored distribution or from a sum of positive terms.
 */
import betaQuantileBase from '@stdlib/stats-base-dists-beta-quantile';
import binomialCdfBase from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmfBase from '@stdlib/stats-base-dists-binomial-pmf';
import chiSquareCdfBase from '@stdlib/stats-base-dists-chisquare-cdf';
import chiSquareQuantileBase from '@stdlib/stats-base-dists-chisquare-quantile';
import gammaQuantileBase from '@stdlib/stats-base-dists-gamma-quantile';
import hypergeometricCdfBase from '@stdlib/stats-base-dists-hypergeometric-cdf';
import normalCdfBase from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileBase from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdfBase from '@stdlib/stats-base-dists-poisson-cdf';
import tCdfBase from '@stdlib/stats-base-dists-t-cdf';
import tQuantileBase from '@stdlib/stats-base-dists-t-quantile';

/**
 * Φ(x), the standard normal distribution function (R `pnorm(x)`).
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(x: number): number {
  return normalCdfBase(x, 0, 1);
}

/**
 * Φ⁻¹(p), the standard normal quantile (R `qnorm(p)`).
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  return normalQuantileBase(p, 0, 1);
}

/**
 * Student's t distribution function with `df` degrees of freedom (R `pt(x, df)`); accurate in the lower tail,
 * so two-sided p-values are `2·tCdf(−|t|, df)`.
 *
 * @example
 * tCdf(-2.228138851986274, 10); // 0.025
 */
export function tCdf(x: number, df: number): number {
  return tCdfBase(x, df);
}

/**
 * Student's t quantile (R `qt(p, df)`).
 *
 * @example
 * tQuantile(0.975, 10); // 2.228138851986274
 */
export function tQuantile(p: number, df: number): number {
  return tQuantileBase(p, df);
}

/**
 * The χ² distribution function (R `pchisq(x, df)`).
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1); // 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  return chiSquareCdfBase(x, df);
}

/**
 * The χ² quantile (R `qchisq(p, df)`).
 *
 * @example
 * chiSquareQuantile(0.95, 1); // 3.841458820694124
 */
export function chiSquareQuantile(p: number, df: number): number {
  return chiSquareQuantileBase(p, df);
}

/**
 * The upper tail of χ² with a whole number of degrees of freedom, P(X > x) (R `pchisq(x, df, lower.tail =
 * FALSE)`), without the cancellation of `1 − cdf`: for even df = 2m it is P(Poisson(x/2) ≤ m − 1); for odd
 * df = 2m + 1 it is 2Φ(−√x) + Σⱼ₌₀^{m−1} (x/2)^{j+½} e^{−x/2} / Γ(j + 3/2) (Abramowitz & Stegun 26.4.4–5),
 * a sum of positive terms.
 *
 * @example
 * chiSquareUpper(3.841458820694124, 1); // 0.05
 */
export function chiSquareUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (df % 2 === 0) return poissonCdfBase(df / 2 - 1, x / 2);
  let total = 2 * normalCdf(-Math.sqrt(x));
  const half = x / 2;
  // log Γ(3/2) = log(√π / 2); each next term multiplies by (x/2)/(j + 3/2).
  let logTerm = 0.5 * Math.log(half) - half - Math.log(Math.sqrt(Math.PI) / 2);
  for (let j = 0; j < (df - 1) / 2; j++) {
    total += Math.exp(logTerm);
    logTerm += Math.log(half) - Math.log(j + 1.5);
  }
  return Math.min(1, total);
}

/**
 * The binomial distribution function P(X ≤ x), X ~ Bin(n, p) (R `pbinom(x, n, p)`).
 *
 * @example
 * binomialCdf(3, 10, 0.5); // 0.171875
 */
export function binomialCdf(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  return binomialCdfBase(x, n, p);
}

/**
 * The upper binomial tail P(X > x) (R `pbinom(x, n, p, lower.tail = FALSE)`), as the lower tail of the
 * failures: P(n − X < n − x).
 *
 * @example
 * binomialUpper(6, 10, 0.5); // 0.171875
 */
export function binomialUpper(x: number, n: number, p: number): number {
  if (x < 0) return 1;
  if (x >= n) return 0;
  return binomialCdf(n - x - 1, n, 1 - p);
}

/**
 * The binomial probability P(X = x) (R `dbinom(x, n, p)`).
 *
 * @example
 * binomialPmf(5, 10, 0.5); // 0.24609375
 */
export function binomialPmf(x: number, n: number, p: number): number {
  return binomialPmfBase(x, n, p);
}

/**
 * The hypergeometric distribution function: P(X ≤ x) for X white balls among k drawn from m white and
 * n black (R `phyper(x, m, n, k)`).
 *
 * @example
 * hypergeometricCdf(1, 5, 5, 4); // 0.2619047619047619
 */
export function hypergeometricCdf(x: number, m: number, n: number, k: number): number {
  if (x < Math.max(0, k - n)) return 0;
  if (x >= Math.min(k, m)) return 1;
  return hypergeometricCdfBase(x, m + n, m, k);
}

/**
 * The upper hypergeometric tail P(X ≥ x) (R `phyper(x − 1, m, n, k, lower.tail = FALSE)`), as the lower
 * tail of the black balls drawn: P(k − X ≤ k − x).
 *
 * @example
 * hypergeometricUpper(3, 5, 5, 4); // 0.2619047619047619
 */
export function hypergeometricUpper(x: number, m: number, n: number, k: number): number {
  return hypergeometricCdf(k - x, n, m, k);
}

/**
 * The beta quantile (R `qbeta(p, a, b)`).
 *
 * @example
 * betaQuantile(0.5, 1, 1); // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileBase(p, a, b);
}

/**
 * The gamma quantile with shape `shape` and rate 1 (R `qgamma(p, shape)`). @stdlib's quantile (and its
 * incomplete gamma function) drifts for large shapes (3·10⁻⁵ relative at shape 5000, where R's
 * `qgamma(0.975, 5001)` is 5140.5489…), so its answer is polished by Newton steps on the regularized lower
 * incomplete gamma function P(a, x), computed here by its series or continued fraction (Press et al.,
 * Numerical Recipes, 3rd ed., §6.2) with a Stirling log-gamma.
 *
 * @example
 * gammaQuantile(0.5, 1); // 0.6931471805599453
 */
export function gammaQuantile(p: number, shape: number): number {
  let x = gammaQuantileBase(p, shape, 1);
  if (!(x > 0) || !Number.isFinite(x)) return x;
  for (let step = 0; step < 8; step++) {
    const [lower, upper, logDensity] = regularizedGamma(shape, x);
    // Newton on whichever tail is the smaller, so that the residual keeps its relative accuracy.
    const residual = p <= 0.5 ? lower - p : 1 - p - upper;
    const next = x - residual / Math.exp(logDensity);
    const done = Math.abs(next - x) <= 1e-15 * x;
    x = next > 0 ? next : x / 2;
    if (done) break;
  }
  return x;
}

/** log Γ(a) for a > 0: Stirling's series from a ≥ 15, shifted up by Γ(a + 1) = aΓ(a) below that. */
function logGamma(a: number): number {
  let shift = 0;
  let z = a;
  while (z < 15) {
    shift -= Math.log(z);
    z += 1;
  }
  const z2 = z * z;
  const series = 1 / (12 * z) - 1 / (360 * z * z2) + 1 / (1260 * z2 * z2 * z) - 1 / (1680 * z2 * z2 * z2 * z);
  return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series;
}

/**
 * [P(a, x), Q(a, x), log of the gamma density at x]: the series for x < a + 1, Lentz's continued fraction
 * otherwise.
 */
function regularizedGamma(a: number, x: number): [number, number, number] {
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  const logDensity = logPrefactor - Math.log(x);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = sum * Math.exp(logPrefactor);
    return [lower, 1 - lower, logDensity];
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 2.3e-16) break;
  }
  const upper = Math.exp(logPrefactor) * h;
  return [1 - upper, upper, logDensity];
}
