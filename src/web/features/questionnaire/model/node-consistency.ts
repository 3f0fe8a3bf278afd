/**
 * One node of the questionnaire as the expert fills it in: the judgment matrix of the answers so far and, once
 * every pair is answered, its CR and the judgments to reconsider. Computed in the browser with core/ahp's own
 * functions (the ones the server aggregates with), so the CR moves with every tap, before the save returns.
 */
import { computeAhp } from '../../../../core/ahp/compute-ahp.ts';
import { suggestRepairs } from '../../../../core/ahp/repair-suggestions.ts';
import type { AhpOptions, Matrix, RepairSuggestion } from '../../../../core/ahp/types.ts';

/** The key of the pair (i, j), i < j. */
export function pairKey(i: number, j: number): string {
  return `${i}-${j}`;
}

/** Every pair (i, j) with i < j of n items, row by row: the order the questionnaire asks them in. */
export function pairsOf(n: number): { i: number; j: number }[] {
  const pairs: { i: number; j: number }[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push({ i, j });
  return pairs;
}

/**
 * The reciprocal matrix of n items from the answered entries a_ij (i < j), or null while a pair is missing.
 *
 * @example buildMatrix(2, new Map([['0-1', 3]])) // [[1, 3], [1/3, 1]]
 */
export function buildMatrix(n: number, answers: ReadonlyMap<string, number>): number[][] | null {
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (const { i, j } of pairsOf(n)) {
    const value = answers.get(pairKey(i, j));
    if (value === undefined) return null;
    const upper = matrix[i];
    const lower = matrix[j];
    if (upper === undefined || lower === undefined) return null;
    upper[j] = value;
    lower[i] = 1 / value;
  }
  return matrix;
}

export type NodeConsistency =
  | { readonly state: 'incomplete'; readonly answered: number; readonly total: number }
  | {
      readonly state: 'consistent' | 'inconsistent';
      readonly weights: readonly number[];
      readonly cr: number;
      /** The three judgments that deviate most, when inconsistent (core/ahp suggestRepairs). */
      readonly repairs: readonly RepairSuggestion[];
    };

/**
 * Where a node stands: how many pairs are answered, or its weights, CR and (above the threshold) the three most
 * inconsistent judgments with the values that would agree.
 */
export function nodeConsistency(
  n: number,
  answers: ReadonlyMap<string, number>,
  options: AhpOptions,
): NodeConsistency {
  const total = pairsOf(n).length;
  const matrix: Matrix | null = buildMatrix(n, answers);
  if (matrix === null) {
    const answered = pairsOf(n).filter(({ i, j }) => answers.has(pairKey(i, j))).length;
    return { state: 'incomplete', answered, total };
  }
  // Suggested values accepted as they are (2.56) may sit between the scale's steps: judge them as numbers.
  const result = computeAhp(matrix, { ...options, scale: 'any' });
  if (result.consistent) return { state: 'consistent', weights: result.weights, cr: result.cr, repairs: [] };
  return {
    state: 'inconsistent',
    weights: result.weights,
    cr: result.cr,
    repairs: suggestRepairs(matrix, { ...options, scale: 'any' }, 3),
  };
}
