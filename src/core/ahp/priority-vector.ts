import { internal } from '../errors/problem.ts';
import type { Matrix, PriorityMethod } from './types.ts';

/** Power iteration stops when no component of the normalised vector moves by this much. */
const EIGENVECTOR_TOLERANCE = 1e-12;
const MAX_ITERATIONS = 10_000;

function entry(matrix: Matrix, i: number, j: number): number {
  // Callers validate the matrix first; the fallback only satisfies noUncheckedIndexedAccess.
  return matrix[i]?.[j] ?? Number.NaN;
}

function normalise(vector: readonly number[]): number[] {
  const total = vector.reduce((sum, x) => sum + x, 0);
  return vector.map((x) => x / total);
}

function multiply(matrix: Matrix, vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * (vector[j] ?? 0), 0));
}

/**
 * λ estimated from a priority vector: mean over i of (Aw)_i / w_i (Saaty 1980 §2). At the principal eigenvector
 * every ratio equals λmax; for approximate vectors this is the usual estimate, and for a reciprocal matrix it
 * is never below n.
 *
 * @example lambdaFromWeights([[1, 2], [0.5, 1]], [2 / 3, 1 / 3]) // 2
 */
export function lambdaFromWeights(matrix: Matrix, weights: readonly number[]): number {
  const product = multiply(matrix, weights);
  const ratios = product.map((x, i) => x / (weights[i] ?? Number.NaN));
  return ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
}

/** Normalised row geometric means, computed through logarithms so long rows cannot overflow. */
function geometricWeights(matrix: Matrix): number[] {
  const n = matrix.length;
  return normalise(matrix.map((row) => Math.exp(row.reduce((sum, a) => sum + Math.log(a), 0) / n)));
}

function sumProductWeights(matrix: Matrix): number[] {
  const n = matrix.length;
  const columnSums = Array.from({ length: n }, (_, j) =>
    matrix.reduce((sum, _row, i) => sum + entry(matrix, i, j), 0),
  );
  return normalise(matrix.map((row) => row.reduce((sum, a, j) => sum + a / (columnSums[j] ?? 1), 0) / n));
}

/**
 * Principal right eigenvector by power iteration (Saaty 1977, J. Math. Psych. 15:234–281; Saaty 2003,
 * "Decision-making with the AHP: Why is the principal eigenvector necessary", EJOR 145:85–91).
 * Starts from the geometric-mean vector, which is already close; converges because a positive matrix has a
 * simple dominant eigenvalue (Perron).
 */
function eigenvectorWeights(matrix: Matrix): { weights: number[]; lambdaMax: number } {
  let weights = geometricWeights(matrix);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = normalise(multiply(matrix, weights));
    const change = Math.max(...next.map((x, i) => Math.abs(x - (weights[i] ?? 0))));
    weights = next;
    if (change < EIGENVECTOR_TOLERANCE) return { weights, lambdaMax: lambdaFromWeights(matrix, weights) };
  }
  throw internal('ahp.eigenvector-not-converged', { iterations: MAX_ITERATIONS });
}

/**
 * The priority vector (sums to 1) and λmax of a validated judgment matrix.
 * - `eigenvector`: principal eigenvector, λmax its eigenvalue (seed 002 Tables 4.1–4.6 are computed this way).
 * - `geometric`: normalised row geometric means; λ = mean((Aw)_i / w_i).
 * - `sum-product`: columns normalised to sum 1, rows averaged (seed 002 §2.2.3); λ = mean((Aw)_i / w_i).
 * On a consistent matrix all three give the same vector and λmax = n.
 *
 * @example derivePriorities([[1, 2], [0.5, 1]], 'geometric') // { weights: [0.667, 0.333], lambdaMax: 2 }
 */
export function derivePriorities(
  matrix: Matrix,
  method: PriorityMethod,
): { readonly weights: readonly number[]; readonly lambdaMax: number } {
  if (method === 'eigenvector') return eigenvectorWeights(matrix);
  const weights = method === 'geometric' ? geometricWeights(matrix) : sumProductWeights(matrix);
  return { weights, lambdaMax: lambdaFromWeights(matrix, weights) };
}
