/**
 * Two proportions compared: R's `prop.test(x, n)` (the χ² form of the two-proportion z test, with Yates'
 * continuity correction by default, and the Wald interval of p₁ − p₂ with the same correction), and the pooled
 * z test seed 000 reports its p-values with.
 */
import { badRequest } from '../errors/problem.ts';
import { chiSquareUpper, normalCdf, normalQuantile } from './distributions.ts';
import { checkCount, checkLevel, type Interval } from './intervals.ts';

export interface TwoProportionResult {
  /** R's X² (with the continuity correction when `correct`). */
  readonly statistic: number;
  readonly df: 1;
  readonly p: number;
  /** Interval of p₁ − p₂. */
  readonly ci: Interval;
  readonly estimate: [number, number];
}

/**
 * Tests p₁ = p₂ for x₁ of n₁ and x₂ of n₂, as R's `prop.test(x, n, correct = correct, conf.level = level)`
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", Stat Med
 * 17:873–890, method 1; Yates 1934). `correct` defaults to true as in R.
 *
 * @example
 * twoProportionTest([83, 90], [86, 93], { correct: false }); // statistic 0.0095085…, p 0.92232…, ci [−0.055477…, 0.050226…]
 */
export function twoProportionTest(
  x: readonly [number, number],
  n: readonly [number, number],
  options: { correct?: boolean; level?: number } = {},
): TwoProportionResult {
  const level = options.level ?? 0.95;
  checkLevel(level);
  checkCount(x[0], n[0], level);
  checkCount(x[1], n[1], level);
  const estimate: [number, number] = [x[0] / n[0], x[1] / n[1]];
  const delta = estimate[0] - estimate[1];
  const sumInv = 1 / n[0] + 1 / n[1];
  const yates = Math.min(options.correct === false ? 0 : 0.5, Math.abs(delta) / sumInv);
  const width =
    normalQuantile((1 + level) / 2) *
      Math.sqrt((estimate[0] * (1 - estimate[0])) / n[0] + (estimate[1] * (1 - estimate[1])) / n[1]) +
    yates * sumInv;
  const ci: Interval = [Math.max(delta - width, -1), Math.min(delta + width, 1)];
  const pooled = (x[0] + x[1]) / (n[0] + n[1]);
  if (pooled === 0 || pooled === 1) throw badRequest('stats.proportions-degenerate', { value: pooled });
  let statistic = 0;
  for (let i = 0; i < 2; i++) {
    const ni = n[i] ?? 0;
    const xi = x[i] ?? 0;
    const expected = [ni * pooled, ni * (1 - pooled)];
    const observed = [xi, ni - xi];
    for (let j = 0; j < 2; j++) {
      const e = expected[j] ?? 0;
      statistic += (Math.abs((observed[j] ?? 0) - e) - yates) ** 2 / e;
    }
  }
  return { statistic, df: 1, p: chiSquareUpper(statistic, 1), ci, estimate };
}

export interface TwoProportionZTest {
  readonly p1: number;
  readonly p2: number;
  /** (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂). */
  readonly z: number;
  /** Two-sided: 2·Φ(−|z|). */
  readonly pValue: number;
}

/**
 * The pooled two-proportion z test of x₁ of n₁ against x₂ of n₂ (Agresti, Statistical Methods for the Social
 * Sciences, §7.2; NIST/SEMATECH e-Handbook §7.3.3), as seed 000 reports its 2021 vs 2024 p-values. Its z² is
 * `twoProportionTest(…, { correct: false }).statistic` and its p-value the same.
 *
 * @example
 * twoProportionZTest(50, 100, 65, 100); // z ≈ 2.14, pValue ≈ 0.032
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const z = pooledZ(p1, n1, p2, n2);
  return { p1, p2, z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/**
 * The pooled z statistic from two proportions and their sample sizes. It uses only `+ − × ÷` and `Math.sqrt`
 * (correctly rounded in every engine), so the demo generator can call it and stay bit-identical across engines.
 *
 * @example
 * pooledZ(0.5, 100, 0.65, 100); // ≈ 2.14
 */
export function pooledZ(p1: number, n1: number, p2: number, n2: number): number {
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (p2 - p1) / se;
}
