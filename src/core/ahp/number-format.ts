/** Formatting used in one-line error messages: short, exact enough to recognise the value typed. */

/** Up to 6 significant digits, trailing zeros dropped: 0.3333 → "0.3333", 1/3 → "0.333333", 3 → "3". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/**
 * The fraction p/q with the smallest q ≤ 9 equal to `value` (within 1e-9), or undefined.
 * Judgments are typed as "1/3" or "2/3" (seed 002 Table 2.1), so messages offer that form.
 *
 * @example asSimpleFraction(1 / 3) // { numerator: 1, denominator: 3 }
 */
export function asSimpleFraction(value: number): { numerator: number; denominator: number } | undefined {
  if (!(value > 0) || !Number.isFinite(value)) return undefined;
  for (let denominator = 1; denominator <= 9; denominator++) {
    const numerator = Math.round(value * denominator);
    if (numerator >= 1 && Math.abs(numerator / denominator - value) <= 1e-9 * Math.max(1, value)) {
      return { numerator, denominator };
    }
  }
  return undefined;
}

/** A value as a user would type it: "3", "1/3", "2/3", or the decimal. */
export function formatJudgment(value: number): string {
  const fraction = asSimpleFraction(value);
  if (fraction === undefined) return formatNumber(value);
  if (fraction.denominator === 1) return String(fraction.numerator);
  return `${fraction.numerator}/${fraction.denominator}`;
}
