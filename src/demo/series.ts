/**
 * Small pieces the generator builds monthly series from: a straight-line path between mid-2021 and mid-2024,
 * a seasonal factor, and rounding that never goes negative. Month index `t` runs 0 (2021-01) … 47 (2024-12).
 */
import type { Span } from './model.ts';

/** The middle of 2021 in month indices (between June and July); mid-2024 is 36 months later. */
const MID_2021 = 5.5;
const YEARS_3 = 36;

/**
 * The value at month `t` on the straight line through `span.from` (mid-2021) and `span.to` (mid-2024).
 * With equal seasonality in both years, the annual totals of 2021 and 2024 then stand in the ratio to/from.
 *
 * @example
 * along({ from: 60, to: 80 }, 5.5); // 60
 * along({ from: 60, to: 80 }, 41.5); // 80
 */
export function along(span: Span, t: number): number {
  return span.from + ((span.to - span.from) * (t - MID_2021)) / YEARS_3;
}

/**
 * A growth factor that is 1 in mid-2021 and `1 + change` in mid-2024.
 *
 * @example
 * trend(0.4, 41.5); // 1.4
 */
export function trend(change: number, t: number): number {
  return along({ from: 1, to: 1 + change }, t);
}

/**
 * The seasonal factor of month `t`: the common pattern with its swing scaled by `strength`.
 *
 * @example
 * seasonal([1, 0.8, 1.2], 1, 2); // 1 + 2 × (0.8 − 1) = 0.6 (a 3-month pattern, for brevity)
 */
export function seasonal(pattern: readonly number[], t: number, strength: number): number {
  const factor = pattern[t % pattern.length] ?? 1;
  return 1 + strength * (factor - 1);
}

/**
 * Rounds to the nearest integer, never below 0.
 *
 * @example
 * count(-3.2); // 0
 * count(41.5); // 42
 */
export function count(value: number): number {
  return Math.max(0, Math.round(value));
}

/**
 * Clamps a proportion into [0, 1].
 *
 * @example
 * proportion(1.02); // 1
 */
export function proportion(value: number): number {
  return Math.min(1, Math.max(0, value));
}
