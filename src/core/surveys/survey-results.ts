/**
 * A panel's results: each expert's weights and consistency per node, the panel's aggregated weights per node
 * (AIJ or AIP, Forman & Peniwati 1998, EJOR 108:165–169, through core/ahp `aggregateGroup`), the effect of
 * counting or leaving out the inconsistent experts, and the global weights through the hierarchy
 * (`computeGlobalWeights`).
 */
import {
  aggregateGroup,
  computeAhp,
  computeGlobalWeights,
  consensusIndicator,
  judgmentSpread,
  scaleMaximum,
} from '../ahp/index.ts';
import type { HierarchyNode } from '../ahp/types.ts';
import type {
  ExpertNodeResult,
  ExpertResult,
  GlobalWeight,
  InconsistentExperts,
  NodeResult,
  SurveyAggregation,
  SurveyNode,
} from '../contracts/surveys.ts';
import { issue, type ProblemIssue } from '../errors/problem.ts';
import {
  ahpOptionsOf,
  matrixOfJudgments,
  type NodeValues,
  type SurveyAhpSettings,
} from './node-judgments.ts';
import { PERSPECTIVES_NODE } from './survey-nodes.ts';

/** One expert's answers: per node key, the judgments aligned with the node's pairs. */
export interface ExpertAnswers {
  readonly id: number;
  readonly name: string;
  readonly weight: number;
  readonly answers: ReadonlyMap<string, NodeValues>;
}

export interface ResultChoice {
  readonly aggregation: SurveyAggregation;
  readonly inconsistent: InconsistentExperts;
}

export interface ComputedResults {
  readonly experts: ExpertResult[];
  readonly nodes: NodeResult[];
  readonly globalWeights: GlobalWeight[] | null;
  /** S* of the hierarchy: the nodes' S* weighted by each node's global weight (AHP-OS); null without any. */
  readonly consensus: number | null;
  readonly blockers: ProblemIssue[];
}

interface ExpertNode {
  readonly expert: ExpertAnswers;
  readonly matrix: number[][] | null;
  readonly result: ExpertNodeResult;
}

function expertNode(node: SurveyNode, expert: ExpertAnswers, settings: SurveyAhpSettings): ExpertNode {
  const values = expert.answers.get(node.key) ?? node.pairs.map(() => null);
  const matrix = matrixOfJudgments(node.elements.length, node.pairs, values);
  if (matrix === null) {
    return {
      expert,
      matrix: null,
      result: {
        key: node.key,
        complete: false,
        weights: null,
        lambdaMax: null,
        ci: null,
        cr: null,
        consistent: null,
      },
    };
  }
  const r = computeAhp(matrix, ahpOptionsOf(settings));
  return {
    expert,
    matrix: matrix.map((row) => [...row]),
    result: {
      key: node.key,
      complete: true,
      weights: [...r.weights],
      lambdaMax: r.lambdaMax,
      ci: r.ci,
      cr: r.cr,
      consistent: r.consistent,
    },
  };
}

function aggregate(
  members: readonly ExpertNode[],
  aggregation: SurveyAggregation,
  settings: SurveyAhpSettings,
): ReturnType<typeof aggregateGroup> | null {
  const counted = members.filter((m) => m.matrix !== null);
  if (counted.length === 0) return null;
  return aggregateGroup(
    counted.map((m) => ({ matrix: m.matrix ?? [], weight: m.expert.weight })),
    aggregation,
    ahpOptionsOf(settings),
  );
}

/** An expert's judgments of a node count unless they are incomplete, or inconsistent and left out by choice. */
function counts(member: ExpertNode, inconsistent: InconsistentExperts): boolean {
  return member.result.complete && (inconsistent === 'include' || member.result.consistent === true);
}

function nodeResult(
  node: SurveyNode,
  members: readonly ExpertNode[],
  choice: ResultChoice,
  settings: SurveyAhpSettings,
): NodeResult {
  const counted = members.filter((m) => counts(m, choice.inconsistent));
  const group = aggregate(counted, choice.aggregation, settings);
  // Goepel 2018 §4: the geometric standard deviation of each judgment over the counted experts.
  const spread = judgmentSpread(counted.map((m) => m.matrix ?? []));
  const included = aggregate(
    members.filter((m) => counts(m, 'include')),
    choice.aggregation,
    settings,
  );
  const excluded = aggregate(
    members.filter((m) => counts(m, 'exclude')),
    choice.aggregation,
    settings,
  );
  return {
    key: node.key,
    experts: counted.map((m) => m.expert.id),
    weights: group === null ? null : [...group.weights],
    lambdaMax: group?.lambdaMax ?? null,
    ci: group?.ci ?? null,
    cr: group?.cr ?? null,
    consistent: group?.consistent ?? null,
    aggregatedMatrix: group === null ? null : group.aggregatedMatrix.map((row) => [...row]),
    spread:
      group === null
        ? []
        : node.pairs.map(({ i, j }) => ({
            i,
            j,
            geometricMean: group.aggregatedMatrix[i]?.[j] ?? 1,
            geometricSd: spread[i]?.[j] ?? 1,
          })),
    consensus:
      counted.length < 2
        ? null
        : consensusIndicator(
            counted.map((m) => m.result.weights ?? []),
            scaleMaximum(settings.scale),
          ).sStar,
    effect: {
      include: included === null ? null : [...included.weights],
      exclude: excluded === null ? null : [...excluded.weights],
    },
  };
}

/** `p:`, `o:`, `i:` keep ids of different levels apart in the hierarchy (an objective may share a perspective's id). */
function globalWeightsOf(
  nodes: readonly SurveyNode[],
  results: ReadonlyMap<string, NodeResult>,
): GlobalWeight[] | null {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const weightsOf = (key: string) => results.get(key)?.weights ?? null;
  const top = byKey.get(PERSPECTIVES_NODE);
  const topWeights = weightsOf(PERSPECTIVES_NODE);
  if (top === undefined || topWeights === null) return null;
  const leaves: GlobalWeight[] = [];
  const tree: HierarchyNode[] = [];
  for (const [p, perspective] of top.elements.entries()) {
    const node = byKey.get(`perspective:${perspective.id}`);
    const local = weightsOf(`perspective:${perspective.id}`);
    if (node === undefined || local === null) return null;
    const children: HierarchyNode[] = [];
    for (const [k, element] of node.elements.entries()) {
      if (node.level === 'indicators') {
        children.push({ id: `i:${element.id}`, weight: local[k] ?? 0 });
        leaves.push({ perspective: perspective.id, objective: null, indicator: element.id, weight: 0 });
        continue;
      }
      const objectiveNode = byKey.get(`objective:${element.id}`);
      const objectiveWeights = weightsOf(`objective:${element.id}`);
      if (objectiveNode === undefined || objectiveWeights === null) return null;
      children.push({
        id: `o:${element.id}`,
        weight: local[k] ?? 0,
        children: objectiveNode.elements.map((indicator, m) => {
          leaves.push({
            perspective: perspective.id,
            objective: element.id,
            indicator: indicator.id,
            weight: 0,
          });
          return { id: `i:${indicator.id}`, weight: objectiveWeights[m] ?? 0 };
        }),
      });
    }
    tree.push({ id: `p:${perspective.id}`, weight: topWeights[p] ?? 0, children });
  }
  const global = computeGlobalWeights(tree);
  return leaves.map((leaf) => ({ ...leaf, weight: global.get(`i:${leaf.indicator}`) ?? 0 }));
}

/**
 * The hierarchy's consensus: the mean of the nodes' S* weighted by the global weight of what each node breaks
 * down (1 for the perspectives; a perspective's or an objective's global weight below), as AHP-OS reports it.
 */
function hierarchyConsensus(
  nodes: readonly SurveyNode[],
  results: ReadonlyMap<string, NodeResult>,
  leaves: readonly GlobalWeight[],
): number | null {
  const weightOf = (node: SurveyNode): number => {
    if (node.parentElement === null) return 1;
    if (node.level === 'indicators' && node.key.startsWith('objective:')) {
      return leaves.filter((l) => l.objective === node.parentElement).reduce((s, l) => s + l.weight, 0);
    }
    return leaves.filter((l) => l.perspective === node.parentElement).reduce((s, l) => s + l.weight, 0);
  };
  let total = 0;
  let sum = 0;
  for (const node of nodes) {
    const consensus = results.get(node.key)?.consensus;
    if (consensus === null || consensus === undefined) continue;
    const weight = weightOf(node);
    total += weight;
    sum += weight * consensus;
  }
  return total > 0 ? sum / total : null;
}

/**
 * The results of a survey for a choice of aggregation and of what to do with inconsistent experts. An expert
 * counts for a node when they judged every pair of it and, with `inconsistent: 'exclude'`, their CR there is
 * below the threshold. Each node's `effect` gives its weights both ways. A node no expert counts for blocks the
 * global weights (listed in `blockers`).
 *
 * @example
 * // three experts on 3 perspectives with a12 = 1, 2, 4; a13 = 2, 4, 8; a23 = 1, 2, 4: AIJ weights 4/7, 2/7, 1/7
 * computeSurveyResults(nodes, experts, settings, { aggregation: 'aij', inconsistent: 'include' }).nodes[0].weights
 */
export function computeSurveyResults(
  nodes: readonly SurveyNode[],
  experts: readonly ExpertAnswers[],
  settings: SurveyAhpSettings,
  choice: ResultChoice,
): ComputedResults {
  const perNode = nodes.map((node) => experts.map((expert) => expertNode(node, expert, settings)));
  const expertResults: ExpertResult[] = experts.map((expert, e) => {
    const own = perNode.map((members) => members[e]?.result).filter((r) => r !== undefined);
    return {
      id: expert.id,
      name: expert.name,
      weight: expert.weight,
      consistent: own.every((r) => !r.complete || r.consistent === true),
      nodes: own,
    };
  });
  const nodeResults = nodes.map((node, k) => nodeResult(node, perNode[k] ?? [], choice, settings));
  const byKey = new Map(nodeResults.map((r) => [r.key, r]));
  const blockers = nodeResults
    .filter((r) => r.weights === null)
    .map((r) => issue('survey.node-without-answers', { node: r.key }, ['nodes', r.key]));
  const globalWeights = blockers.length > 0 ? null : globalWeightsOf(nodes, byKey);
  return {
    experts: expertResults,
    nodes: nodeResults,
    globalWeights,
    consensus: globalWeights === null ? null : hierarchyConsensus(nodes, byKey, globalWeights),
    blockers,
  };
}
