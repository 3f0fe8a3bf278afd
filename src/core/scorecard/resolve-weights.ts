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
import { isProblemError, issue, type ProblemIssue } from '../errors/problem.ts';
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
 * `unscored` names siblings that are monitored, not scored (`scored: false`): they are not among `childIds`, and
 * a weight or an AHP row for one is refused as such rather than as an unknown id.
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
  unscored: ReadonlySet<string> = new Set(),
): ResolvedWeights | null {
  const foreign = (id: string, at: readonly (string | number)[]): ProblemIssue =>
    unscored.has(id)
      ? issue('scorecard.weight-on-unscored', { id }, at)
      : issue('scorecard.not-weighed', { id, ids: list(childIds) }, at);
  if ('manual' in set) return resolveManual(set.manual, childIds, [...path, 'manual'], issues, foreign);
  const ahpPath = [...path, 'ahp'];
  const { ahp } = set;
  const order = ahp.order ?? childIds;
  if (!checkOrder(order, childIds, [...ahpPath, 'order'], issues, foreign)) return null;
  if ((ahp.matrix === undefined) === (ahp.experts === undefined)) {
    issues.push(issue('scorecard.ahp-matrix-or-experts', {}, ahpPath));
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
      warnings.push(
        issue(
          'scorecard.ahp-inconsistent',
          { cr: result.cr.toFixed(4), threshold: result.threshold },
          ahpPath,
        ),
      );
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
  foreign: (id: string, at: readonly (string | number)[]) => ProblemIssue,
): ResolvedWeights | null {
  const before = issues.length;
  for (const id of childIds) {
    if (!(id in manual)) issues.push(issue('scorecard.missing-weight', { id }, path));
  }
  for (const id of Object.keys(manual)) {
    if (!childIds.includes(id)) issues.push(foreign(id, [...path, id]));
  }
  const sum = childIds.reduce((acc, id) => acc + (manual[id] ?? 0), 0);
  if (issues.length === before && Math.abs(sum - 1) > MANUAL_WEIGHT_SUM_TOLERANCE) {
    issues.push(issue('scorecard.weights-sum', { sum: round(sum) }, path));
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
  foreign: (id: string, at: readonly (string | number)[]) => ProblemIssue,
): boolean {
  const before = issues.length;
  const seen = new Set<string>();
  order.forEach((id, index) => {
    if (!childIds.includes(id)) issues.push(foreign(id, [...path, index]));
    if (seen.has(id)) issues.push(issue('scorecard.order-duplicate', { id }, [...path, index]));
    seen.add(id);
  });
  for (const id of childIds) {
    if (!seen.has(id)) issues.push(issue('scorecard.order-missing', { id }, path));
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
  issues.push(issue('scorecard.matrix-size', { size, expected }, path));
  return false;
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
