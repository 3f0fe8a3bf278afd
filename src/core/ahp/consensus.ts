import type { JudgmentScale, Matrix } from './types.ts';

/** Shannon entropy −Σ p ln p of a priority vector (0·ln 0 = 0). */
function shannon(p: readonly number[]): number {
  return -p.reduce((s, x) => (x > 0 ? s + x * Math.log(x) : s), 0);
}

/** The largest judgment of a scale, M in Goepel's correction (9 for Saaty's, 5 for seed 002's five-point). */
export function scaleMaximum(scale: JudgmentScale): number {
  return scale === 'five-point' ? 5 : 9;
}

export interface ConsensusResult {
  /** Goepel's AHP consensus indicator S* in [0, 1]: 0 no consensus, 1 identical priorities. */
  readonly sStar: number;
  /** Mean Shannon entropy of the experts' priority vectors (α). */
  readonly alphaEntropy: number;
  /** Shannon entropy of the mean priority vector (γ). */
  readonly gammaEntropy: number;
  /** γ − α: the β entropy; exp(β) is the β diversity (1 when all agree, up to K). */
  readonly betaEntropy: number;
  /** Relative homogeneity (1/exp(β) − 1/K)/(1 − 1/K), the uncorrected indicator (1 when K = 1). */
  readonly homogeneity: number;
}

/**
 * The AHP consensus indicator S* of a panel's priority vectors for one node (Goepel 2013, "Implementing the
 * Analytic Hierarchy Process as a standard method for multi-criteria decision making in corporate enterprises",
 * ISAHP 2013; Goepel 2018, "Implementation of an online software tool for the AHP", IJAHP 10(3):469–487):
 * H_α = mean of the experts' Shannon entropies, H_γ = entropy of the arithmetic mean of their priorities,
 * H_β = H_γ − H_α, M = 1/exp(H_β), and S* = (M − D)/(1 − D) with D = exp(H_α,min)/exp(H_γ,max), where
 * H_α,min is the entropy of the most extreme single judgment set (one element `scaleMax` times every other,
 * priorities (M, 1, …, 1)/(n + M − 1)) and H_γ,max = ln n. Hence S* = 1 for identical experts and S* = 0 when
 * n experts each favour a different element by the scale maximum.
 *
 * @example
 * // three experts, each holding a different criterion 9 times as important as the others:
 * consensusIndicator([[9/11, 1/11, 1/11], [1/11, 9/11, 1/11], [1/11, 1/11, 9/11]]).sStar; // 0
 */
export function consensusIndicator(
  priorities: readonly (readonly number[])[],
  scaleMax = 9,
): ConsensusResult {
  const k = priorities.length;
  const n = priorities[0]?.length ?? 0;
  const alphaEntropy = priorities.reduce((s, p) => s + shannon(p), 0) / Math.max(k, 1);
  const mean = Array.from({ length: n }, (_, i) => priorities.reduce((s, p) => s + (p[i] ?? 0), 0) / k);
  const gammaEntropy = shannon(mean);
  // The mean of a set of entropies is at most the entropy of the mean: clamp the float noise.
  const betaEntropy = Math.max(0, gammaEntropy - alphaEntropy);
  const m = 1 / Math.exp(betaEntropy);
  const homogeneity = k > 1 ? (m - 1 / k) / (1 - 1 / k) : 1;
  if (n < 2) return { sStar: 1, alphaEntropy, gammaEntropy, betaEntropy, homogeneity };
  const extreme = [scaleMax, ...new Array<number>(n - 1).fill(1)].map((x) => x / (n + scaleMax - 1));
  const d = Math.exp(shannon(extreme)) / n;
  const sStar = Math.min(1, Math.max(0, (m - d) / (1 - d)));
  return { sStar, alphaEntropy, gammaEntropy, betaEntropy, homogeneity };
}

/**
 * The geometric standard deviation of each comparison across the panel, exp(sd(ln a_ij)) with the sample
 * standard deviation (n − 1), as AHP-OS reports it beside the aggregated judgment (Goepel 2018 §4). 1 means
 * every expert gave the same judgment; 2 means the judgments typically differ by a factor of 2. The matrix is
 * symmetric with 1 on the diagonal; with a single expert every entry is 1.
 *
 * @example
 * judgmentSpread([[[1, 2], [1/2, 1]], [[1, 8], [1/8, 1]]])[0][1]; // exp(sd(ln 2, ln 8)) = exp(√2·ln 2) ≈ 2.6651
 */
export function judgmentSpread(matrices: readonly Matrix[]): number[][] {
  const n = matrices[0]?.length ?? 0;
  const k = matrices.length;
  const spread = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  if (k < 2) return spread;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const logs = matrices.map((m) => Math.log(m[i]?.[j] ?? Number.NaN));
      const mean = logs.reduce((s, x) => s + x, 0) / k;
      const variance = logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
      const g = Math.exp(Math.sqrt(variance));
      const upper = spread[i];
      const lower = spread[j];
      if (upper && lower) {
        upper[j] = g;
        lower[i] = g;
      }
    }
  }
  return spread;
}
