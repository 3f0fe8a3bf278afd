import {
  badRequest,
  formatPath,
  invalid,
  isProblemError,
  issue,
  type ProblemIssue,
} from '../errors/problem.ts';
import { analyseMatrix, type ResolvedOptions, resolveOptions, resultForWeights } from './compute-ahp.ts';
import { validateMatrix } from './judgment-matrix.ts';
import type {
  AhpOptions,
  AhpResult,
  ExpertJudgment,
  GroupAggregation,
  GroupAhpResult,
  Matrix,
} from './types.ts';

function checkExperts(experts: readonly ExpertJudgment[], options: ResolvedOptions): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const n = experts[0]?.matrix.length;
  const first = formatPath([...options.path, 0, 'matrix']);
  experts.forEach((expert, k) => {
    const path = [...options.path, k, 'matrix'];
    try {
      validateMatrix(expert.matrix, options.scale, path);
      if (expert.matrix.length !== n) {
        const where = formatPath(path);
        issues.push(
          issue('ahp.expert-size-mismatch', { where, size: expert.matrix.length, first, n: n ?? 0 }, path),
        );
      }
    } catch (error) {
      if (!isProblemError(error)) throw error;
      issues.push(...error.problem.issues);
    }
    const weight = expert.weight ?? 1;
    if (!Number.isFinite(weight) || weight <= 0) {
      const path = [...options.path, k, 'weight'];
      issues.push(
        issue('ahp.expert-weight-not-positive', { where: formatPath(path), weight: String(weight) }, path),
      );
    }
  });
  return issues;
}

/** Weighted geometric mean of positive numbers, via logarithms; `shares` sum to 1. */
function weightedGeometricMean(values: readonly number[], shares: readonly number[]): number {
  return Math.exp(values.reduce((sum, v, k) => sum + (shares[k] ?? 0) * Math.log(v), 0));
}

/**
 * Element-wise weighted geometric mean of the experts' matrices. Only the upper triangle is averaged and the
 * lower one set to its reciprocal, so the result is exactly reciprocal (the geometric mean is the only
 * aggregation that keeps reciprocity: Aczél & Saaty 1983, J. Math. Psych. 27:93–102).
 */
function aggregateMatrices(matrices: readonly Matrix[], shares: readonly number[]): Matrix {
  const n = matrices[0]?.length ?? 0;
  const result = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = weightedGeometricMean(
        matrices.map((m) => m[i]?.[j] ?? Number.NaN),
        shares,
      );
      const upper = result[i];
      const lower = result[j];
      if (upper !== undefined && lower !== undefined) {
        upper[j] = mean;
        lower[i] = 1 / mean;
      }
    }
  }
  return result;
}

/**
 * Group AHP: combines several experts' judgment matrices on the same elements (Forman & Peniwati 1998,
 * "Aggregating individual judgments and priorities with the AHP", EJOR 108:165–169).
 * - `aij` (aggregation of individual judgments, default): each judgment is the weighted geometric mean of the
 *   experts' judgments (Aczél & Saaty 1983); the aggregated matrix is analysed with `computeAhp`'s method.
 * - `aip` (aggregation of individual priorities): each expert's priority vector is derived on its own and the
 *   vectors are combined by weighted geometric mean, then normalised. λmax, CI and CR are then those of the AIP
 *   weights against the AIJ matrix (λ = mean((Aw)_i / w_i)), which `aggregatedMatrix` holds for reference.
 * Expert weights default to 1 and are normalised. Every matrix is validated; all problems are reported at once.
 *
 * @example
 * // three experts, a12 = 1, 2, 4 and a13 = 2, 4, 8 and a23 = 1, 2, 4: AIJ gives a12 = 2, a13 = 4, a23 = 2,
 * // a consistent matrix with weights 4/7, 2/7, 1/7.
 * aggregateGroup([{ matrix: e1 }, { matrix: e2 }, { matrix: e3 }], 'aij').weights // [0.5714, 0.2857, 0.1429]
 */
export function aggregateGroup(
  experts: readonly ExpertJudgment[],
  aggregation: GroupAggregation = 'aij',
  options?: AhpOptions,
): GroupAhpResult {
  // Here `options.path` locates the experts array; matrices sit at [...path, k, 'matrix'].
  const resolved = resolveOptions({ ...options, path: options?.path ?? ['experts'] });
  if (experts.length === 0) throw badRequest('ahp.no-experts', {}, resolved.path);
  const issues = checkExperts(experts, resolved);
  if (issues.length > 0) throw invalid('ahp.experts-invalid', { count: issues.length }, issues);

  const rawWeights = experts.map((e) => e.weight ?? 1);
  const total = rawWeights.reduce((sum, w) => sum + w, 0);
  const shares = rawWeights.map((w) => w / total);
  const individual: AhpResult[] = experts.map((e, k) =>
    analyseMatrix(e.matrix, { ...resolved, path: [...resolved.path, k, 'matrix'] }),
  );
  const aggregatedMatrix = aggregateMatrices(
    experts.map((e) => e.matrix),
    shares,
  );

  let result: AhpResult;
  if (aggregation === 'aij') {
    result = analyseMatrix(aggregatedMatrix, resolved);
  } else {
    const n = aggregatedMatrix.length;
    const combined = Array.from({ length: n }, (_, i) =>
      weightedGeometricMean(
        individual.map((r) => r.weights[i] ?? Number.NaN),
        shares,
      ),
    );
    const sum = combined.reduce((s, x) => s + x, 0);
    result = resultForWeights(
      aggregatedMatrix,
      combined.map((x) => x / sum),
      resolved,
    );
  }
  return { ...result, aggregation, aggregatedMatrix, experts: individual };
}
