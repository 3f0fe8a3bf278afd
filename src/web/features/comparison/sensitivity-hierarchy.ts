/**
 * The body of `POST /api/ahp/sensitivity` over the whole hierarchy (issue "Expert weighting" §4): the
 * perspectives' weight set at the top and, under each perspective, its indicators' weight set, so that a draw
 * perturbs every judgment and gives every indicator's global weight and each unit's total Σ w_l·score_l. The
 * weights are the scorecard's as they held for the period evaluated (the caller passes the file of the weight
 * version the evaluation used): AHP judgments where the weights came from AHP (a survey or the file's matrices),
 * manual weights as the consistent ratio matrix otherwise. A perspective weighed through objectives, whose
 * indicator set this page does not rebuild, takes its indicators' weights as the evaluation used them.
 */
import type { RankedUnit } from '../../lib/api/rankings.ts';
import type { SensitivityBody } from '../../lib/api/sensitivity.ts';
import {
  judgedTopLevel,
  type PerspectiveWeightSet,
  SENSITIVITY_DRAWS,
  SENSITIVITY_SEED,
} from './sensitivity-request.ts';

/** The part of a scorecard file read here: its weights and which indicators each perspective holds. */
export interface HierarchyWeights {
  readonly perspectives: PerspectiveWeightSet;
  readonly indicators: Readonly<Record<string, PerspectiveWeightSet>>;
  readonly objectives?: Readonly<Record<string, unknown>> | undefined;
}

export interface DeclaredPerspective {
  readonly id: string;
  readonly indicators: readonly string[];
}

export interface HierarchyLeaf {
  readonly perspective: string;
  readonly indicator: string;
}

export interface HierarchyPlan {
  readonly body: SensitivityBody;
  /** The perspectives, in the order of the top matrix. */
  readonly perspectives: readonly string[];
  /** The leaves (indicators) depth-first, in the order of the API's weights and of each unit's scores. */
  readonly leaves: readonly HierarchyLeaf[];
  readonly units: readonly RankedUnit[];
}

type Node = SensitivityBody['hierarchy'];

/** The indicators' weights of perspective `id` as the first unit's evaluation used them. */
function evaluatedWeights(items: readonly RankedUnit[], id: string): Record<string, number> | null {
  const perspective = items[0]?.evaluation.perspectives.find((p) => p.id === id);
  if (perspective === undefined) return null;
  return Object.fromEntries(perspective.indicators.map((indicator) => [indicator.id, indicator.weight]));
}

/**
 * Null when there is nothing to vary: fewer than two perspectives, or fewer than two ranked units with a score
 * for every indicator of the hierarchy.
 *
 * @example
 * buildHierarchyPlan(
 *   { perspectives: { manual: { F: 0.5, C: 0.5 } }, indicators: { F: { manual: { F1: 0.75, F2: 0.25 } }, C: { manual: { C1: 1 } } } },
 *   [{ id: 'F', indicators: ['F1', 'F2'] }, { id: 'C', indicators: ['C1'] }], items,
 * )?.body.hierarchy
 * // { matrix: [[1, 1], [1, 1]], children: [{ matrix: [[1, 3], [1/3, 1]] }, { matrix: [[1]] }] }
 */
export function buildHierarchyPlan(
  weights: HierarchyWeights | undefined,
  declared: readonly DeclaredPerspective[],
  items: readonly RankedUnit[],
  options: { readonly draws?: number; readonly seed?: number } = {},
): HierarchyPlan | null {
  if (weights === undefined) return null;
  const top = judgedTopLevel(
    weights.perspectives,
    declared.map((p) => p.id),
  );
  if (top === null || top.perspectives.length < 2) return null;
  const children: Node[] = [];
  const leaves: HierarchyLeaf[] = [];
  for (const perspective of top.perspectives) {
    const indicators = declared.find((p) => p.id === perspective)?.indicators ?? [];
    const own = weights.objectives?.[perspective] === undefined ? weights.indicators[perspective] : undefined;
    const evaluated = evaluatedWeights(items, perspective);
    const child =
      (own === undefined ? null : judgedTopLevel(own, indicators)) ??
      (evaluated === null ? null : judgedTopLevel({ manual: evaluated }, indicators));
    if (child === null || child.perspectives.length === 0) return null;
    children.push(child.perspectives.length === 1 ? { matrix: [[1]] } : { ...child.node });
    for (const indicator of child.perspectives) leaves.push({ perspective, indicator });
  }
  const units: RankedUnit[] = [];
  const scores: number[][] = [];
  for (const item of items) {
    if (item.rank === null) continue;
    const row = leaves.map(
      (leaf) =>
        item.evaluation.perspectives
          .find((p) => p.id === leaf.perspective)
          ?.indicators.find((i) => i.id === leaf.indicator)?.score ?? null,
    );
    if (row.some((score) => score === null)) continue;
    units.push(item);
    scores.push(row.map((score) => score ?? 0));
  }
  if (units.length < 2) return null;
  return {
    perspectives: top.perspectives,
    leaves,
    units,
    body: {
      hierarchy: { ...top.node, children },
      scores,
      units: units.map((unit) => unit.orgUnit),
      ...(top.aggregation === undefined ? {} : { aggregation: top.aggregation }),
      draws: options.draws ?? SENSITIVITY_DRAWS,
      seed: options.seed ?? SENSITIVITY_SEED,
    },
  };
}
