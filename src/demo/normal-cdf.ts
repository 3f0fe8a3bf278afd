/**
 * The standard normal distribution function Φ(x), by Abramowitz & Stegun, Handbook of Mathematical
 * Functions (1964), formula 26.2.17 (Hastings' rational approximation): for x ≥ 0,
 * Φ(x) = 1 − φ(x)(b₁t + b₂t² + b₃t³ + b₄t⁴ + b₅t⁵), t = 1 / (1 + p·x), with |error| < 7.5·10⁻⁸;
 * Φ(−x) = 1 − Φ(x).
 *
 * @example
 * normalCdf(1.96); // 0.9750021…
 * normalCdf(0); // 0.5
 */
export function normalCdf(x: number): number {
  const p = 0.2316419;
  const b1 = 0.31938153;
  const b2 = -0.356563782;
  const b3 = 1.781477937;
  const b4 = -1.821255978;
  const b5 = 1.330274429;
  const a = Math.abs(x);
  const t = 1 / (1 + p * a);
  const density = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
  const upper = density * t * (b1 + t * (b2 + t * (b3 + t * (b4 + t * b5))));
  return x >= 0 ? 1 - upper : upper;
}
