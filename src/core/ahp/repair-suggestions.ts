import { badRequest } from '../errors/problem.ts';
import { analyseMatrix, type ResolvedOptions, resolveOptions } from './compute-ahp.ts';
import { validateMatrix } from './judgment-matrix.ts';
import { nearestOnScale } from './judgment-scale.ts';
import type { AhpOptions, Matrix, RepairSuggestion } from './types.ts';

/** Judgments with |ln ε| below this already agree with the priorities; nothing to suggest. */
const AGREEMENT = 1e-9;

function withJudgment(matrix: Matrix, i: number, j: number, value: number): number[][] {
  const copy = matrix.map((row) => [...row]);
  const upper = copy[i];
  const lower = copy[j];
  if (upper !== undefined && lower !== undefined) {
    upper[j] = value;
    lower[i] = 1 / value;
  }
  return copy;
}

/**
 * Consistency feedback: which judgments to revisit first, and to what.
 *
 * For each judgment a_ij (i < j) the deviation ε_ij = a_ij · w_j / w_i compares it with the ratio the
 * priorities imply; ε = 1 for a consistent judgment, and λmax − n = (1/n) Σ_{i<j} (ε_ij + 1/ε_ij − 2), so the
 * judgments with the largest |ln ε_ij| contribute most to the inconsistency (Saaty 2003, "Decision-making
 * with the AHP: Why is the principal eigenvector necessary", EJOR 145:85–91, §"How to improve consistency";
 * Harker 1987, "Derivatives of the Perron root of a positive reciprocal matrix", Math. Modelling 9:353–363).
 *
 * For the `count` (default 3) most deviant judgments it returns `suggested` = w_i / w_j — the value that makes
 * the judgment agree with the current priorities — with the CR after that one change, and the nearest value on
 * the judgment scale with its CR. Judgments that already agree are never suggested, so a consistent matrix
 * gets none. The matrix is validated as in `computeAhp`; suggestions are advice for the expert to reconsider,
 * never applied automatically.
 *
 * @example
 * // Saaty 1990 house example (CR 0.169): the top suggestion is Neighborhood vs General condition,
 * // a_37 = 6 → 1.13, after which CR = 0.090.
 * suggestRepairs(house)[0] // { i: 2, j: 6, current: 6, suggested: 1.1275, crAfter: 0.0900, suggestedOnScale: 1, … }
 */
export function suggestRepairs(matrix: Matrix, options?: AhpOptions, count = 3): RepairSuggestion[] {
  const resolved = resolveOptions(options);
  if (!Number.isInteger(count) || count < 0) {
    throw badRequest('ahp.count-not-whole', { value: String(count) }, ['count']);
  }
  validateMatrix(matrix, resolved.scale, resolved.path);
  const { weights } = analyseMatrix(matrix, resolved);
  const w = (k: number) => weights[k] ?? Number.NaN;
  // Repaired values may fall off the scale (w_i / w_j = 12); judge their CR without the scale check.
  const unchecked: ResolvedOptions = { ...resolved, scale: 'any' };

  const deviations: { i: number; j: number; current: number; epsilon: number }[] = [];
  matrix.forEach((row, i) => {
    for (let j = i + 1; j < row.length; j++) {
      const current = row[j] ?? Number.NaN;
      const epsilon = (current * w(j)) / w(i);
      if (Math.abs(Math.log(epsilon)) > AGREEMENT) deviations.push({ i, j, current, epsilon });
    }
  });
  deviations.sort(
    (a, b) => Math.abs(Math.log(b.epsilon)) - Math.abs(Math.log(a.epsilon)) || a.i - b.i || a.j - b.j,
  );

  return deviations.slice(0, count).map(({ i, j, current, epsilon }) => {
    const suggested = w(i) / w(j);
    const suggestedOnScale = nearestOnScale(suggested, resolved.scale);
    return {
      i,
      j,
      current,
      epsilon,
      suggested,
      crAfter: analyseMatrix(withJudgment(matrix, i, j, suggested), unchecked).cr,
      suggestedOnScale,
      crAfterOnScale: analyseMatrix(withJudgment(matrix, i, j, suggestedOnScale), unchecked).cr,
    };
  });
}
