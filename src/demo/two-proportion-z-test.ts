/**
 * The two-proportion z-test with a pooled variance, as used to compare a rate before and after (seed 000
 * reports its 2021 vs 2024 p-values this way: p < 0.001 for the county visit and diabetes management rates,
 * p = 0.145 for hypertension management). See e.g. Agresti, Statistical Methods for the Social Sciences,
 * §7.2, or NIST/SEMATECH e-Handbook §7.3.3.
 */
import { normalCdf } from './normal-cdf.ts';

export interface TwoProportionZTest {
  readonly p1: number;
  readonly p2: number;
  /** (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂). */
  readonly z: number;
  /** Two-sided: 2·(1 − Φ(|z|)). */
  readonly pValue: number;
}

/**
 * Compares x₁ of n₁ with x₂ of n₂.
 *
 * @example
 * twoProportionZTest(50, 100, 65, 100); // z ≈ 2.14, pValue ≈ 0.032
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const z = pooledZ(p1, n1, p2, n2);
  const pValue = Math.min(1, Math.max(0, 2 * (1 - normalCdf(Math.abs(z)))));
  return { p1, p2, z, pValue };
}

/**
 * The pooled z statistic from two proportions and their sample sizes. It uses only `+ − × ÷` and `Math.sqrt`
 * (correctly rounded in every engine), so the generator can call it and stay bit-identical across engines.
 *
 * @example
 * pooledZ(0.5, 100, 0.65, 100); // ≈ 2.14
 */
export function pooledZ(p1: number, n1: number, p2: number, n2: number): number {
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (p2 - p1) / se;
}
