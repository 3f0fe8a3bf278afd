/**
 * The Poisson distribution function by summing its probabilities. `@stdlib/stats-base-dists-poisson-cdf` goes
 * through the regularised incomplete gamma function, which (version 0.2.x) is off by about 1 % relative at
 * λ = 2500 (P(X ≤ 2402) = 0.025217 against R's and the summed probabilities' 0.025025); its probability mass
 * function is exact to about 1e-13, so the tail is summed from it, outwards from r, until the terms vanish.
 */
import poissonPmf from '@stdlib/stats-base-dists-poisson-pmf';

/**
 * P(X ≤ r) for X ~ Poisson(λ), exact to about 1e-13 relative.
 *
 * @example poissonCdf(2402, 2500) // 0.0250253761177…, as R's ppois(2402, 2500)
 */
export function poissonCdf(r: number, lambda: number): number {
  if (r < 0) return 0;
  const k0 = Math.floor(r);
  if (lambda <= 0) return 1;
  if (k0 < lambda) {
    // Lower tail: p(k − 1) = p(k) · k / λ, falling away from the mode.
    let term = poissonPmf(k0, lambda);
    let sum = 0;
    for (let k = k0; k >= 0 && term > 0; k--) {
      sum += term;
      if (term < sum * 1e-17) break;
      term *= k / lambda;
    }
    return Math.min(1, sum);
  }
  // Upper tail: p(k + 1) = p(k) · λ / (k + 1).
  let term = poissonPmf(k0 + 1, lambda);
  let sum = 0;
  for (let k = k0 + 1; term > 0; k++) {
    sum += term;
    if (term < sum * 1e-17) break;
    term *= lambda / (k + 1);
  }
  return Math.max(0, 1 - sum);
}
