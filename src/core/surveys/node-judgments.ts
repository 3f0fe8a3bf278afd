/**
 * One expert's answers to one node: the judgments of its pairs → the judgment matrix → the node's weights,
 * consistency and, above the threshold, the judgments to revisit (core/ahp `computeAhp`, `suggestRepairs`).
 */
import { computeAhp, suggestRepairs } from '../ahp/index.ts';
import type { AhpOptions, Matrix, PriorityMethod, RandomIndexTable } from '../ahp/types.ts';
import type { NodeConsistency, SurveyNode, SurveyScale } from '../contracts/surveys.ts';

/** How a survey's judgments are analysed. */
export interface SurveyAhpSettings {
  readonly scale: SurveyScale;
  readonly riTable: RandomIndexTable;
  readonly threshold: number;
  /** The scorecard's priority method (its `ahp.method`), so applied weights compile to the same numbers. */
  readonly method?: PriorityMethod;
}

/** A node's answers, aligned with `node.pairs`: a_ij, or null when not yet judged. */
export type NodeValues = readonly (number | null)[];

/** core/ahp's options for a survey's settings. */
export function ahpOptionsOf(settings: SurveyAhpSettings): AhpOptions {
  return {
    scale: settings.scale,
    riTable: settings.riTable,
    threshold: settings.threshold,
    ...(settings.method === undefined ? {} : { method: settings.method }),
  };
}

/** How many of a node's pairs are judged. */
export function countAnswered(values: NodeValues): number {
  return values.filter((v) => v !== null).length;
}

/**
 * The judgment matrix of a node from the judgments of its pairs (a_ji = 1/a_ij, a_ii = 1), or null while a
 * pair is unanswered. A node of one element gives [[1]].
 *
 * @example matrixOfJudgments(3, [{ i: 0, j: 1 }, { i: 0, j: 2 }, { i: 1, j: 2 }], [2, 4, 2]) // [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]
 */
export function matrixOfJudgments(n: number, pairs: SurveyNode['pairs'], values: NodeValues): Matrix | null {
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (const [k, { i, j }] of pairs.entries()) {
    const value = values[k];
    if (value === null || value === undefined) return null;
    const upper = matrix[i];
    const lower = matrix[j];
    if (upper !== undefined && lower !== undefined) {
      upper[j] = value;
      lower[i] = 1 / value;
    }
  }
  return matrix;
}

/**
 * A node's weights, λmax, CI and CR for one expert, with the three most inconsistent judgments and their
 * suggested values when CR is not below the threshold (Saaty 2003, EJOR 145:85–91; AHP-OS, Goepel 2018, shows
 * the same three). Null until every pair of the node is judged.
 *
 * @example nodeConsistency(node, [2, 4, 2], { scale: 'saaty', riTable: 'seed002', threshold: 0.1 })?.cr // 0
 */
export function nodeConsistency(
  node: SurveyNode,
  values: NodeValues,
  settings: SurveyAhpSettings,
): NodeConsistency | null {
  const matrix = matrixOfJudgments(node.elements.length, node.pairs, values);
  if (matrix === null) return null;
  const options = ahpOptionsOf(settings);
  const result = computeAhp(matrix, options);
  const repairs = result.consistent
    ? []
    : suggestRepairs(matrix, options, 3).map(
        ({ i, j, current, suggested, crAfter, suggestedOnScale, crAfterOnScale }) => ({
          i,
          j,
          current,
          suggested,
          crAfter,
          suggestedOnScale,
          crAfterOnScale,
        }),
      );
  return {
    weights: [...result.weights],
    lambdaMax: result.lambdaMax,
    ci: result.ci,
    cr: result.cr,
    consistent: result.consistent,
    repairs,
  };
}
