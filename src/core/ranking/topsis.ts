import { badRequest } from '../errors/problem.ts';
import { checkMatrixInput, column, normaliseWeights } from './check-input.ts';
import { minMaxOriented } from './critic.ts';
import { rankDescending } from './ranks.ts';
import type { Criterion, DecisionMatrix, Path, TopsisNormalization, TopsisResult } from './types.ts';

function normaliseColumn(
  values: readonly number[],
  criterion: Criterion,
  how: TopsisNormalization,
): number[] {
  if (how === 'minmax') return minMaxOriented(values, criterion);
  const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0));
  return values.map((x) => (norm === 0 ? 0 : x / norm));
}

/**
 * TOPSIS (Hwang & Yoon 1981, _Multiple Attribute Decision Making_, Springer): normalise each criterion, weight
 * it, and score each unit by its relative closeness C_i = d⁻_i / (d⁺_i + d⁻_i) to the ideal, d⁺ and d⁻ being
 * the Euclidean distances to the best and worst value of every criterion.
 * - `vector`: r_ij = x_ij / √(Σ_i x_ij²); the ideal takes the maximum of a `higher` and the minimum of a
 *   `lower` criterion (Hwang & Yoon's original form).
 * - `minmax`: r_ij = (x_ij − min)/(max − min) for `higher`, (max − x_ij)/(max − min) for `lower`; every
 *   column then reads "larger is better" and the ideal is its maximum. A constant column adds nothing.
 * Weights are normalised to sum 1. A unit that is at once ideal and anti-ideal (all units equal) gets 0.5.
 *
 * @example
 * // Papathanasiou & Ploskas (2018), _Multiple Criteria Decision Aid_, Springer, ch. 1 (TOPSIS) example:
 * topsis([[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]],
 *   [0.4, 0.3, 0.1, 0.2], higher4, 'vector').closeness;
 * // → [0.387, 0.327, 0.391, 0.615, 0.868, 0.493]
 */
export function topsis(
  matrix: DecisionMatrix,
  weights: readonly number[],
  criteria: readonly Criterion[],
  normalization: TopsisNormalization = 'vector',
  path: { matrix?: Path; criteria?: Path; weights?: Path } = {},
): TopsisResult {
  if (normalization !== 'vector' && normalization !== 'minmax') {
    throw badRequest(
      'ahp.option-not-allowed',
      { key: 'normalization', value: JSON.stringify(normalization) ?? '', allowed: 'vector, minmax' },
      ['normalization'],
    );
  }
  checkMatrixInput(matrix, criteria, {
    method: 'TOPSIS',
    ...(path.matrix ? { matrixPath: path.matrix } : {}),
    ...(path.criteria ? { criteriaPath: path.criteria } : {}),
  });
  const w = normaliseWeights(weights, criteria.length, path.weights ?? ['weights']);
  const weighted = criteria.map((criterion, j) =>
    normaliseColumn(column(matrix, j), criterion, normalization).map((r) => r * (w[j] ?? 0)),
  );
  const ideal = weighted.map((v, j) =>
    normalization === 'vector' && criteria[j]?.direction === 'lower' ? Math.min(...v) : Math.max(...v),
  );
  const antiIdeal = weighted.map((v, j) =>
    normalization === 'vector' && criteria[j]?.direction === 'lower' ? Math.max(...v) : Math.min(...v),
  );
  const closeness = matrix.map((_, i) => {
    let plus = 0;
    let minus = 0;
    weighted.forEach((v, j) => {
      const x = v[i] ?? Number.NaN;
      plus += (x - (ideal[j] ?? 0)) ** 2;
      minus += (x - (antiIdeal[j] ?? 0)) ** 2;
    });
    const dPlus = Math.sqrt(plus);
    const dMinus = Math.sqrt(minus);
    return dPlus + dMinus === 0 ? 0.5 : dMinus / (dPlus + dMinus);
  });
  return { closeness, ranking: rankDescending(closeness) };
}
