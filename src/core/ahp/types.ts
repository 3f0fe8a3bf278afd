/**
 * Shared types of the AHP module (seed 002 §2.2.3: judgment matrix → weights → consistency check).
 */

/** A square pairwise-comparison ("judgment") matrix: `matrix[i][j]` says how much more important i is than j. */
export type Matrix = readonly (readonly number[])[];

/**
 * How the priority vector is derived from a judgment matrix.
 * - `eigenvector`: Saaty's principal right eigenvector (Saaty 1977, 1980; Saaty 2003, EJOR 145:85–91).
 * - `geometric`: normalised row geometric means (Crawford & Williams 1985, J. Math. Psych. 29:387–405).
 * - `sum-product`: normalise each column, average the rows (the "sum-product" method named in seed 002 §2.2.3).
 */
export type PriorityMethod = 'eigenvector' | 'geometric' | 'sum-product';

/** Which random-index table turns CI into CR; see `RANDOM_INDEX_TABLES`. */
export type RandomIndexTable = 'seed002' | 'saaty1980' | 'alonso-lamata';

/**
 * Which judgment values are allowed.
 * - `saaty`: every entry within [1/9, 9] (Saaty's 1–9 scale).
 * - `five-point`: within [1/5, 5] (seed 002 Table 2.1; intermediate values such as 1.5 or 2/3 are allowed).
 * - `any`: any positive finite number.
 */
export type JudgmentScale = 'saaty' | 'five-point' | 'any';

export interface AhpOptions {
  /** Default `eigenvector`. */
  readonly method?: PriorityMethod;
  /** Default `seed002`, the table seed 002 used for its Tables 4.1–4.6. */
  readonly riTable?: RandomIndexTable;
  /** A matrix is acceptably consistent when CR < threshold. Default 0.1 (Saaty; seed 002 §2.2.3). */
  readonly threshold?: number;
  /** Default `saaty`. */
  readonly scale?: JudgmentScale;
  /** Where the matrix sits in the caller's input, used in error paths. Default `['matrix']`. */
  readonly path?: readonly (string | number)[];
}

export interface AhpResult {
  readonly n: number;
  /** Priority vector, sums to 1. */
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 when n ≤ 2. */
  readonly ci: number;
  /** Consistency ratio CI/RI; 0 when n ≤ 2. */
  readonly cr: number;
  /** The random index used (0 when n ≤ 2). */
  readonly ri: number;
  /** CR < threshold (always true when n ≤ 2). */
  readonly consistent: boolean;
  readonly method: PriorityMethod;
  readonly riTable: RandomIndexTable;
  readonly threshold: number;
  readonly scale: JudgmentScale;
}

export interface RepairSuggestion {
  /** Row and column (0-based, i < j) of the judgment to revise. */
  readonly i: number;
  readonly j: number;
  /** The judgment as entered, a_ij. */
  readonly current: number;
  /** ε_ij = a_ij · w_j / w_i: 1 when the judgment agrees with the priorities. */
  readonly epsilon: number;
  /** w_i / w_j: the value that makes this judgment agree with the current priorities. */
  readonly suggested: number;
  /** CR after replacing a_ij by `suggested` (and a_ji by its reciprocal). */
  readonly crAfter: number;
  /** The scale value nearest to `suggested` in log distance (`suggested` itself for scale `any`). */
  readonly suggestedOnScale: number;
  /** CR after replacing a_ij by `suggestedOnScale`. */
  readonly crAfterOnScale: number;
}

export type GroupAggregation = 'aij' | 'aip';

export interface ExpertJudgment {
  readonly matrix: Matrix;
  /** Relative importance of this expert; default 1. Weights are normalised to sum to 1. */
  readonly weight?: number;
}

export interface GroupAhpResult extends AhpResult {
  readonly aggregation: GroupAggregation;
  /** The element-wise weighted geometric mean of the experts' matrices (for AIP too, for reference). */
  readonly aggregatedMatrix: Matrix;
  /** Each expert's own result, in input order. */
  readonly experts: readonly AhpResult[];
}

export interface HierarchyNode {
  readonly id: string;
  /** Local weight of this node under its parent (for a top-level node: its weight under the goal). */
  readonly weight: number;
  readonly children?: readonly HierarchyNode[];
}
