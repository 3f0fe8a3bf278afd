/**
 * Resolves one weight set of a scorecard file (manual weights or AHP matrices) into local weights.
 * Seed 002 §4.1 derives every weight by AHP (Tables 4.1–4.6); a scheme may also give weights directly.
 */
import {
  type AhpOptions,
  type AhpResult,
  aggregateGroup,
  computeAhp,
  type GroupAhpResult,
  parseJudgmentMatrix,
} from '../ahp/index.ts';
import { isProblemError, type ProblemIssue } from '../errors/problem.ts';
import type { WeightSetFile } from './scorecard-schema.ts';

/** Where a set of weights came from, kept with the result so every figure can be explained. */
export type WeightProvenance =
  | { readonly source: 'manual' }
  | {
      readonly source: 'ahp';
      readonly order: readonly string[];
      readonly result: AhpResult | GroupAhpResult;
    };

export interface ResolvedWeights {
  readonly weights: ReadonlyMap<string, number>;
  readonly provenance: WeightProvenance;
}

/** Manual weights must add up to 1 within this tolerance (seed 002's printed weights are rounded to 4 dp). */
export const MANUAL_WEIGHT_SUM_TOLERANCE = 0.002;

/**
 * Resolves `set` for the children `childIds`, reporting every problem into `issues` (and `warnings` for an
 * inconsistent AHP matrix, which still yields weights). Returns null when the weights cannot be determined.
 *
 * @example resolveWeightSet({ manual: { a: 0.25, b: 0.75 } }, ['a', 'b'], {}, ['weights'], [], [])
 *   // → weights a 0.25, b 0.75, provenance manual
 */
export function resolveWeightSet(
  set: WeightSetFile,
  childIds: readonly string[],
  ahpOptions: AhpOptions,
  path: readonly (string | number)[],
  issues: ProblemIssue[],
  warnings: ProblemIssue[],
): ResolvedWeights | null {
  if ('manual' in set) return resolveManual(set.manual, childIds, [...path, 'manual'], issues);
  const ahpPath = [...path, 'ahp'];
  const { ahp } = set;
  const order = ahp.order ?? childIds;
  if (!checkOrder(order, childIds, [...ahpPath, 'order'], issues)) return null;
  if ((ahp.matrix === undefined) === (ahp.experts === undefined)) {
    issues.push({ path: ahpPath, message: "give exactly one of 'matrix' or 'experts'" });
    return null;
  }
  try {
    let result: AhpResult | GroupAhpResult;
    if (ahp.matrix !== undefined) {
      const matrix = parseJudgmentMatrix(ahp.matrix, [...ahpPath, 'matrix']);
      if (!checkSize(matrix.length, order.length, [...ahpPath, 'matrix'], issues)) return null;
      result = computeAhp(matrix, ahpOptions);
    } else {
      const experts = (ahp.experts ?? []).map((expert, index) => {
        const matrix = parseJudgmentMatrix(expert.matrix, [...ahpPath, 'experts', index, 'matrix']);
        return expert.weight === undefined ? { matrix } : { matrix, weight: expert.weight };
      });
      for (const [index, expert] of experts.entries()) {
        if (
          !checkSize(expert.matrix.length, order.length, [...ahpPath, 'experts', index, 'matrix'], issues)
        ) {
          return null;
        }
      }
      result = aggregateGroup(experts, ahp.aggregation ?? 'aij', ahpOptions);
    }
    if (!result.consistent) {
      warnings.push({
        path: ahpPath,
        message: `judgments are inconsistent: CR = ${result.cr.toFixed(4)} ≥ ${result.threshold} (revise the matrix; see 'healthbsc ahp' for suggestions)`,
      });
    }
    const weights = new Map<string, number>();
    order.forEach((id, index) => {
      weights.set(id, result.weights[index] ?? 0);
    });
    return { weights, provenance: { source: 'ahp', order, result } };
  } catch (error) {
    if (isProblemError(error)) {
      issues.push(...error.problem.issues);
      return null;
    }
    throw error;
  }
}

function resolveManual(
  manual: Readonly<Record<string, number>>,
  childIds: readonly string[],
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): ResolvedWeights | null {
  const before = issues.length;
  for (const id of childIds) {
    if (!(id in manual)) issues.push({ path, message: `no weight for '${id}'` });
  }
  for (const id of Object.keys(manual)) {
    if (!childIds.includes(id))
      issues.push({ path: [...path, id], message: `'${id}' is not one of ${list(childIds)}` });
  }
  const sum = childIds.reduce((acc, id) => acc + (manual[id] ?? 0), 0);
  if (issues.length === before && Math.abs(sum - 1) > MANUAL_WEIGHT_SUM_TOLERANCE) {
    issues.push({ path, message: `weights add up to ${round(sum)}, not 1` });
  }
  if (issues.length > before) return null;
  // Normalise exactly, so that rounding in the file does not leak into scores.
  const weights = new Map(childIds.map((id) => [id, (manual[id] ?? 0) / sum] as const));
  return { weights, provenance: { source: 'manual' } };
}

function checkOrder(
  order: readonly string[],
  childIds: readonly string[],
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): boolean {
  const before = issues.length;
  const seen = new Set<string>();
  order.forEach((id, index) => {
    if (!childIds.includes(id))
      issues.push({ path: [...path, index], message: `'${id}' is not one of ${list(childIds)}` });
    if (seen.has(id)) issues.push({ path: [...path, index], message: `'${id}' appears twice` });
    seen.add(id);
  });
  for (const id of childIds) {
    if (!seen.has(id)) issues.push({ path, message: `'${id}' is missing from the order` });
  }
  return issues.length === before;
}

function checkSize(
  size: number,
  expected: number,
  path: readonly (string | number)[],
  issues: ProblemIssue[],
): boolean {
  if (size === expected) return true;
  issues.push({ path, message: `the matrix is ${size}×${size} but ${expected} items are weighed` });
  return false;
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
