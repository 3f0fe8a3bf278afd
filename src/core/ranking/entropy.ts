import { invalid, issue } from '../errors/problem.ts';
import { checkMatrixInput, column } from './check-input.ts';
import type { Criterion, DecisionMatrix, Path } from './types.ts';

/**
 * A `lower` column reflected within its own range, x' = max + min − x: the best unit gets the largest value,
 * the spread is kept and the values stay ≥ 0 (the column's minimum stays its minimum bound).
 */
function oriented(values: readonly number[], criterion: Criterion): number[] {
  if (criterion.direction === 'higher') return [...values];
  const max = Math.max(...values);
  const min = Math.min(...values);
  return values.map((x) => max + min - x);
}

/**
 * Entropy weights (Shannon 1948; Zeleny 1982; as used by Xu 2004, EJOR 156:530–532): for each criterion j,
 * p_ij = x_ij / Σ_i x_ij, e_j = −Σ_i p_ij ln p_ij / ln n (with 0·ln 0 = 0), d_j = 1 − e_j, w_j = d_j / Σ d.
 * A criterion on which the units differ more carries more weight.
 *
 * Conventions: `higher` columns are used as given (no normalisation). A `lower` column is first reflected within
 * its range, x' = max + min − x, so that p_ij is largest for the best unit; the reflection keeps the column's
 * spread, hence its entropy is that of a column of the same shape. Negative values are refused, a column of
 * zeros is refused, and if no column varies (every d_j = 0) there is nothing to weigh and it is refused too.
 *
 * @example
 * // Xu (2004) Table 1, four alternatives × four attributes (all benefit):
 * entropyWeights([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]], higher4);
 * // → [0.4630, 0.3992, 0.1378, 0.0000]
 */
export function entropyWeights(
  matrix: DecisionMatrix,
  criteria: readonly Criterion[],
  path: { matrix?: Path; criteria?: Path } = {},
): number[] {
  const matrixPath = path.matrix ?? ['matrix'];
  checkMatrixInput(matrix, criteria, {
    method: 'entropy',
    nonNegative: true,
    matrixPath,
    ...(path.criteria ? { criteriaPath: path.criteria } : {}),
  });
  const n = matrix.length;
  const divergence = criteria.map((criterion, j) => {
    const values = oriented(column(matrix, j), criterion);
    const total = values.reduce((s, x) => s + x, 0);
    if (total === 0) {
      throw invalid('ranking.input-invalid', { count: 1 }, [
        issue('ranking.column-all-zero', { column: j + 1, method: 'entropy' }, [...matrixPath]),
      ]);
    }
    const entropy =
      -values.reduce((s, x) => (x > 0 ? s + (x / total) * Math.log(x / total) : s), 0) / Math.log(n);
    // Float noise can give e a hair above 1 for a constant column: clamp so d_j ≥ 0.
    return Math.max(0, 1 - entropy);
  });
  const sum = divergence.reduce((s, d) => s + d, 0);
  if (sum <= 0) {
    throw invalid('ranking.input-invalid', { count: 1 }, [
      issue('ranking.no-information', { method: 'entropy' }, [...matrixPath]),
    ]);
  }
  return divergence.map((d) => d / sum);
}
