/**
 * Error bars for a proportion resting on few cases: the Wilson score interval (Wilson E.B. 1927, "Probable
 * inference, the law of succession, and statistical inference", JASA 22:209–212), drawn where the denominator
 * is small: fewer than 100 cases, or fewer than 10 events or 10 non-events (where the normal approximation a
 * reader assumes from a point alone fails).
 */
import { wilsonInterval } from '../stats/intervals.ts';

export const SMALL_DENOMINATOR = 100;
export const FEW_EVENTS = 10;

/** Whether x events in n cases is a small denominator (see above). */
export function isSmallDenominator(x: number, n: number): boolean {
  return n < SMALL_DENOMINATOR || Math.min(x, n - x) < FEW_EVENTS;
}

/**
 * The Wilson interval of x events in n cases × factor when the denominator is small, else null.
 *
 * @example smallDenominatorBar(3, 20, 100) // { lower: 5.24, upper: 36.04 }: 3 of 20 (15 %), 95 % Wilson
 */
export function smallDenominatorBar(
  x: number,
  n: number,
  factor = 1,
  level = 0.95,
): { readonly lower: number; readonly upper: number } | null {
  if (!(n > 0) || x < 0 || x > n || !isSmallDenominator(x, n)) return null;
  const [lower, upper] = wilsonInterval(x, n, level);
  return { lower: lower * factor, upper: upper * factor };
}
