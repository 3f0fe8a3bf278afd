/**
 * The body of `POST /api/ahp/sensitivity` for the comparison's cohort: the scorecard's top-level (perspective)
 * weight set as a one-node hierarchy, and each ranked unit's perspective scores as the leaves' scores. An AHP
 * weight set is posted with its own judgments (one matrix or the experts' matrices); manual weights become the
 * consistent matrix wᵢ/wⱼ, so the draws perturb them by the same share of a scale step. Perspectives with zero
 * weight are left out (they add nothing to a total), and so are units missing a perspective score.
 */
import type { RankedUnit } from '../../lib/api/rankings.ts';
import type { SensitivityBody } from '../../lib/api/sensitivity.ts';

/** The part of a scorecard file's `weights.perspectives` read here (docs/scorecard-format.md, "Weights"). */
export type PerspectiveWeightSet =
  | { readonly manual: Readonly<Record<string, number>> }
  | {
      readonly ahp: {
        readonly order?: readonly string[] | undefined;
        readonly matrix?: readonly (readonly (number | string)[])[] | undefined;
        readonly experts?:
          | readonly {
              readonly matrix: readonly (readonly (number | string)[])[];
              readonly weight?: number | undefined;
            }[]
          | undefined;
        readonly aggregation?: 'aij' | 'aip' | undefined;
      };
    };

export const SENSITIVITY_DRAWS = 1000;
export const SENSITIVITY_SEED = 1;

export interface SensitivityPlan {
  readonly body: SensitivityBody;
  /** The perspective ids, in the order of the matrix rows (the API's leaves and criteria). */
  readonly perspectives: readonly string[];
  /** The units posted, in the order of `scores` (the API's units). */
  readonly units: readonly RankedUnit[];
}

/** Null when there is nothing to vary: fewer than two perspectives or two units with complete scores. */
export function buildSensitivityPlan(
  weightSet: PerspectiveWeightSet | undefined,
  declared: readonly string[],
  items: readonly RankedUnit[],
  options: { readonly draws?: number; readonly seed?: number } = {},
): SensitivityPlan | null {
  const judged = judgedTopLevel(weightSet, declared);
  if (judged === null || judged.perspectives.length < 2) return null;
  const { perspectives } = judged;
  const units: RankedUnit[] = [];
  const scores: number[][] = [];
  for (const item of items) {
    if (item.rank === null) continue;
    const row = perspectives.map(
      (id) => item.evaluation.perspectives.find((p) => p.id === id)?.score ?? null,
    );
    if (row.some((score) => score === null)) continue;
    units.push(item);
    scores.push(row.map((score) => score ?? 0));
  }
  if (units.length < 2) return null;
  return {
    perspectives,
    units,
    body: {
      hierarchy: { ...judged.node },
      scores,
      units: units.map((unit) => unit.orgUnit),
      ...(judged.aggregation === undefined ? {} : { aggregation: judged.aggregation }),
      draws: options.draws ?? SENSITIVITY_DRAWS,
      seed: options.seed ?? SENSITIVITY_SEED,
    },
  };
}

type Matrix = (number | string)[][];

/** A weight set as a hierarchy node: its elements in matrix order and the node (judgments, or manual weights as wᵢ/wⱼ). */
export function judgedTopLevel(
  weightSet: PerspectiveWeightSet | undefined,
  declared: readonly string[],
): {
  perspectives: string[];
  node: { matrix: Matrix } | { experts: { matrix: Matrix; weight?: number }[] };
  aggregation?: 'aij' | 'aip';
} | null {
  if (weightSet === undefined) return null;
  if ('manual' in weightSet) {
    const perspectives = declared.filter((id) => (weightSet.manual[id] ?? 0) > 0);
    const w = perspectives.map((id) => weightSet.manual[id] ?? 0);
    return { perspectives, node: { matrix: w.map((wi) => w.map((wj) => wi / wj)) } };
  }
  const { ahp } = weightSet;
  const perspectives = [...(ahp.order ?? declared)];
  const copy = (m: readonly (readonly (number | string)[])[]): Matrix => m.map((row) => [...row]);
  const aggregation = ahp.aggregation === undefined ? {} : { aggregation: ahp.aggregation };
  if (ahp.matrix !== undefined) return { perspectives, node: { matrix: copy(ahp.matrix) }, ...aggregation };
  if (ahp.experts !== undefined) {
    const experts = ahp.experts.map((e) => ({
      matrix: copy(e.matrix),
      ...(e.weight === undefined ? {} : { weight: e.weight }),
    }));
    return { perspectives, node: { experts }, ...aggregation };
  }
  return null;
}
