import { badRequest } from '../errors/problem.ts';
import { normaliseWeights } from './check-input.ts';
import type { WeightCombination } from './types.ts';

/**
 * Combines subjective (e.g. AHP) and objective (entropy, CRITIC) weights of the same criteria. Both are first
 * normalised to sum 1.
 * - `product`: w_j = s_j·o_j / Σ_k s_k·o_k (the multiplicative synthesis, e.g. Ma, Fan & Huang 1999, EJOR
 *   112:397–404 discuss both forms; common in Chinese hospital evaluation as 乘法合成归一化).
 * - `linear`: w_j = share·s_j + (1 − share)·o_j, `share` ∈ [0, 1] being the subjective part.
 *
 * @example
 * combineWeights([0.5, 0.5], [0.8, 0.2], { kind: 'product' }); // [0.8, 0.2]
 * combineWeights([0.5, 0.5], [0.8, 0.2], { kind: 'linear', share: 0.5 }); // [0.65, 0.35]
 */
export function combineWeights(
  subjective: readonly number[],
  objective: readonly number[],
  how: WeightCombination,
): number[] {
  const s = normaliseWeights(subjective, subjective.length, ['subjective']);
  const o = normaliseWeights(objective, s.length, ['objective']);
  if (how.kind === 'linear') {
    const share = how.share;
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
      throw badRequest('ranking.share-invalid', { value: String(share) }, ['share']);
    }
    return s.map((w, j) => share * w + (1 - share) * (o[j] ?? 0));
  }
  const products = s.map((w, j) => w * (o[j] ?? 0));
  return normaliseWeights(products, products.length, ['objective']);
}
