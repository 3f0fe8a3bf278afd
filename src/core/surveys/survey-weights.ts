/**
 * A survey's result as a scorecard weights block (format @2): each node becomes the AHP weight set of its
 * siblings, holding the counted experts' matrices and weights and the aggregation, so the scorecard derives
 * the same weights the survey reported and keeps the judgments they came from.
 */
import type { InconsistentExperts, NodeResult, SurveyAggregation, SurveyNode } from '../contracts/surveys.ts';
import type { WeightSetFile } from '../scorecard/schema-parts.ts';
import type { WeightsFile } from '../scorecard/scorecard-schema.ts';
import { matrixOfJudgments } from './node-judgments.ts';
import { PERSPECTIVES_NODE } from './survey-nodes.ts';
import type { ExpertAnswers } from './survey-results.ts';

export interface SurveyWeightsInput {
  readonly nodes: readonly SurveyNode[];
  /** The results of the chosen aggregation: which experts counted for each node. */
  readonly results: readonly NodeResult[];
  readonly experts: readonly ExpertAnswers[];
  readonly aggregation: SurveyAggregation;
  readonly inconsistent: InconsistentExperts;
}

function weightSetOf(
  node: SurveyNode,
  result: NodeResult | undefined,
  input: SurveyWeightsInput,
): WeightSetFile {
  const order = node.elements.map((e) => e.id);
  if (order.length === 1) return { manual: { [order[0] ?? '']: 1 } };
  const counted = new Set(result?.experts ?? []);
  const experts = input.experts
    .filter((e) => counted.has(e.id))
    .map((e) => ({
      matrix: (matrixOfJudgments(order.length, node.pairs, e.answers.get(node.key) ?? []) ?? []).map(
        (row) => [...row],
      ),
      weight: e.weight,
    }));
  if (experts.length === 1 && experts[0] !== undefined) {
    return { ahp: { order, matrix: experts[0].matrix } };
  }
  return { ahp: { order, experts, aggregation: input.aggregation } };
}

/**
 * The weights block of a survey's result: `perspectives` from the perspectives' node, `objectives.<perspective>`
 * and `indicators.<objective>` for a perspective surveyed by objectives, else `indicators.<perspective>`. A
 * node of one element gets the manual weight 1.
 *
 * @example surveyWeightsFile({ nodes, results, experts, aggregation: 'aij', inconsistent: 'include' }).perspectives
 * // { ahp: { order: ['F', 'C', 'I', 'S', 'R'], experts: [{ matrix, weight: 1 }, …], aggregation: 'aij' } }
 */
export function surveyWeightsFile(input: SurveyWeightsInput): WeightsFile {
  const results = new Map(input.results.map((r) => [r.key, r]));
  let perspectives: WeightSetFile = { manual: {} };
  const objectives: Record<string, WeightSetFile> = {};
  const indicators: Record<string, WeightSetFile> = {};
  for (const node of input.nodes) {
    const set = weightSetOf(node, results.get(node.key), input);
    if (node.key === PERSPECTIVES_NODE) perspectives = set;
    else if (node.level === 'objectives' && node.parentElement !== null) objectives[node.parentElement] = set;
    else if (node.parentElement !== null) indicators[node.parentElement] = set;
  }
  return Object.keys(objectives).length > 0
    ? { perspectives, objectives, indicators }
    : { perspectives, indicators };
}
