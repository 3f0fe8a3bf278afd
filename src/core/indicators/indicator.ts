/**
 * The indicator model: what a KPI is, independent of any storage.
 * Fields follow seed 002 Table 3.1 (formula) and Table 4.8 (direction), and seed 004 (leading vs lagging, owner).
 */

/** A text in the product's two languages. `en` is required; `zh` is shown when the UI is in Chinese. */
export interface LocalizedText {
  readonly en: string;
  readonly zh?: string;
}

/** The five perspectives of seed 002 (F, C, I, S, R); a scheme may define its own ids and names. */
export type PerspectiveKind = 'financial' | 'customer' | 'internal' | 'learning' | 'social';

/**
 * Which way is better.
 * - `higher`: more is better (seed 002 "positive correlation").
 * - `lower`: less is better (seed 002 "negative correlation").
 * - `band`: on target inside `[lower, upper]` (e.g. budget execution rate kept near 100 %).
 */
export type Direction =
  | { readonly kind: 'higher' }
  | { readonly kind: 'lower' }
  | { readonly kind: 'band'; readonly lower: number; readonly upper: number };

export type IndicatorKind = 'quantitative' | 'qualitative';

export type IndicatorRole = 'leading' | 'lagging';

/**
 * How an indicator's value is computed from data elements.
 * - `expression`: one formula in the formula language (src/core/formula).
 * - `ratio`: numerator ÷ denominator × factor (factor 100 for %, 1000 for ‰). Kept as two formulas so
 *   that a group's value is Σ numerators ÷ Σ denominators, never a mean of rates.
 */
export type IndicatorFormula =
  | { readonly type: 'expression'; readonly expression: string }
  | {
      readonly type: 'ratio';
      readonly numerator: string;
      readonly denominator: string;
      readonly factor: number;
    };
