/**
 * The vocabulary of scoring: how one indicator's actual value becomes a quantified value (a number where 1
 * means "on target"), and why a value could not be computed.
 *
 * Seed 002 (002_db9e4dc6af8d1a80.txt §4.2.1, below Table 4.8) defines one method, the ratio: "Positive indicator
 * quantified value = Actual value / Target value; Negative indicator quantified value = Target value / Actual
 * value". The other methods cover what the ratio cannot say well: a floor below which nothing is earned
 * (`linear`), a target band such as budget execution near 100 % (`band`), step rules (`thresholds`) and
 * qualitative ratings (`rubric`, Tables 4.10–4.11). See README.md in this folder.
 */
import type { Direction } from '../indicators/indicator.ts';

/**
 * One step of a `thresholds` method: an actual value in `[min, max)` scores `score`.
 * `min` is inclusive and `max` exclusive; leave one out for an open end. `score` is ≥ 0 and may exceed 1
 * (a bonus step), like a ratio with no cap; it is a quantified value, not a 0–100 score.
 */
export interface ThresholdRule {
  readonly min?: number;
  readonly max?: number;
  readonly score: number;
}

/**
 * How an actual value is turned into a quantified value.
 * - `ratio`: higher → actual/target; lower → target/actual; band direction → 1 inside the band, else the ratio
 *   to the nearest edge. Clamped to `[0, cap]`; `cap` defaults to 1; `null` means no cap.
 * - `linear`: 0 at `floor`, 1 at the target, a straight line between and beyond (up to `cap`, default 1),
 *   0 past the floor. For `lower`, the floor is the worst value and lies above the target.
 * - `band`: needs a band direction; 1 inside `[lower, upper]`, falling linearly to 0 at `tolerance` outside.
 * - `thresholds`: the first rule whose range holds the actual value gives the score.
 * - `rubric`: qualitative; the mean of raters' 0–100 scores ÷ 100.
 */
export type ScoringMethod =
  | { readonly method: 'ratio'; readonly cap?: number | null }
  | { readonly method: 'linear'; readonly floor: number; readonly cap?: number | null }
  | { readonly method: 'band'; readonly tolerance: number }
  | { readonly method: 'thresholds'; readonly rules: readonly ThresholdRule[] }
  | { readonly method: 'rubric' };

export type RatioMethod = Extract<ScoringMethod, { method: 'ratio' }>;
export type LinearMethod = Extract<ScoringMethod, { method: 'linear' }>;
export type BandMethod = Extract<ScoringMethod, { method: 'band' }>;
export type ThresholdsMethod = Extract<ScoringMethod, { method: 'thresholds' }>;

/**
 * Why an indicator has no quantified value.
 * - `missing-actual`: no actual value for the period.
 * - `reported-quarterly`, `reported-yearly`: none for a month (or quarter) because the values are reported for a
 *   quarter or a year (docs/scorecard-format.md, "Data elements").
 * - `missing-target`: the method needs a target (reference value) and there is none.
 * - `undefined-ratio`: the ratio has no meaning (a target ≤ 0, or an actual ≤ 0 for `lower` with no cap).
 * - `no-matching-rule`: no `thresholds` rule covers the actual value.
 * - `no-ratings`: a qualitative indicator that nobody has rated.
 */
export type NoValueReason =
  | 'missing-actual'
  | 'missing-target'
  | 'undefined-ratio'
  | 'no-matching-rule'
  | 'no-ratings'
  /** The indicator's definition holds only from a later period (a dated scorecard): left out of the score. */
  | 'not-in-effect'
  /** Its values are reported for a quarter or a year, so a shorter period has none (not missing). */
  | 'reported-quarterly'
  | 'reported-yearly';

// Written as a record so that a new reason fails the type check until it is listed (and then worded).
const REASONS = {
  'missing-actual': true,
  'missing-target': true,
  'undefined-ratio': true,
  'no-matching-rule': true,
  'no-ratings': true,
  'not-in-effect': true,
  'reported-quarterly': true,
  'reported-yearly': true,
} as const satisfies Record<NoValueReason, true>;

/**
 * Every reason an indicator can have no value, so that `npm run check:i18n` can check each has words.
 *
 * @example NO_VALUE_REASONS[0] // 'missing-actual'
 */
export const NO_VALUE_REASONS = Object.keys(REASONS) as readonly NoValueReason[];

/** A quantified value (1 = on target), or `null` with the reason there is none. */
export interface Quantified {
  readonly value: number | null;
  readonly reason?: NoValueReason;
}

export interface QuantifyInput {
  /** The indicator's value for the period; for `rubric`, the raters' mean score on 0–100. */
  readonly actual: number | null;
  /** The target or industry reference value (seed 002 Table 4.9 "reference value"). */
  readonly target: number | null;
  readonly direction: Direction;
  readonly method: ScoringMethod;
}

/** Seed 002 caps quantified values at 1 (README.md of the seeds: "capped at 1 everywhere except I1"). */
export const DEFAULT_CAP = 1;

/** The cap a method asks for: `undefined` means the default of 1, `null` means none. */
export function resolveCap(cap: number | null | undefined): number | null {
  return cap === undefined ? DEFAULT_CAP : cap;
}

/**
 * Clamps a raw quantified value to `[0, cap]` (no upper bound when `cap` is `null`).
 *
 * @example clampToCap(1.0889, 1) // 1
 * @example clampToCap(-0.2, null) // 0 (a negative growth rate earns nothing)
 */
export function clampToCap(value: number, cap: number | null): number {
  const capped = cap === null ? value : Math.min(value, cap);
  return Math.max(0, capped);
}

/** A quantified value. */
export function valued(value: number): Quantified {
  return { value };
}

/** No quantified value, and why. */
export function noValue(reason: NoValueReason): Quantified {
  return { value: null, reason };
}
