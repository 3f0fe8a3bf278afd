/**
 * Shared types of the objective weights and rankings of units (entropy, CRITIC, TOPSIS, RSR).
 * A decision matrix has one row per unit (alternative) and one column per criterion (indicator).
 */

/** Which way a criterion is good: `higher` (benefit) or `lower` (cost), as an indicator's direction. */
export type Direction = 'higher' | 'lower';

export interface Criterion {
  readonly direction: Direction;
}

/** Rows are units, columns criteria; every row has one finite value per criterion. */
export type DecisionMatrix = readonly (readonly number[])[];

/** Where an input sits in the caller's document, used in problem paths. */
export type Path = readonly (string | number)[];

export type TopsisNormalization = 'vector' | 'minmax';

export interface TopsisResult {
  /** Relative closeness C_i = d⁻ / (d⁺ + d⁻) in [0, 1], per unit in input order. */
  readonly closeness: readonly number[];
  /** `ranking[i]` is unit i's rank, 1 = best (largest closeness); ties share the average rank. */
  readonly ranking: readonly number[];
}

export interface RsrOptions {
  /** Criterion weights for the weighted RSR (normalised to sum 1); equal weights when absent. */
  readonly weights?: readonly number[];
  /** Increasing probit cut points between classes; default [4, 6] (three classes). */
  readonly cutpoints?: readonly number[];
}

export interface RsrResult {
  /** RSR_i = Σ_j w_j R_ij / n (w_j = 1/m when unweighted), in (0, 1]. */
  readonly rsr: readonly number[];
  /** `ranking[i]` is unit i's rank by RSR, 1 = best; ties share the average rank. */
  readonly ranking: readonly number[];
  /** 5 + Φ⁻¹(p_i), p_i from the cumulative frequency of the RSR values (last corrected to 1 − 1/(4n)). */
  readonly probit: readonly number[];
  /** Class by probit and the cut points, 1 = best (highest probit). */
  readonly class: readonly number[];
}

export type WeightCombination =
  | { readonly kind: 'product' }
  | { readonly kind: 'linear'; readonly share: number };
