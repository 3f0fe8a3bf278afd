import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { badRequest } from '../errors/problem.ts';
import { checkMatrixInput, column, normaliseWeights } from './check-input.ts';
import { averageRanks, rankDescending } from './ranks.ts';
import type { Criterion, DecisionMatrix, Path, RsrOptions, RsrResult } from './types.ts';

const DEFAULT_CUTPOINTS = [4, 6] as const;

function checkCutpoints(cutpoints: readonly number[]): void {
  const ok =
    cutpoints.length > 0 &&
    cutpoints.every((c, k) => Number.isFinite(c) && (k === 0 || c > (cutpoints[k - 1] ?? Number.NaN)));
  if (!ok) throw badRequest('ranking.cutpoints-invalid', { value: JSON.stringify(cutpoints) }, ['cutpoints']);
}

/**
 * Probit of each RSR value by Tian's cumulative-frequency convention: group equal RSR values, give each group
 * its mean position (cumulative frequency − (f − 1)/2), p = mean position / n, the last group corrected to
 * 1 − 1/(4n) so that Φ⁻¹ stays finite; probit = 5 + Φ⁻¹(p).
 */
function probits(rsr: readonly number[]): number[] {
  const n = rsr.length;
  const positions = averageRanks(rsr);
  const top = Math.max(...rsr);
  return rsr.map((value, i) => {
    const p = value === top ? 1 - 1 / (4 * n) : (positions[i] ?? 0) / n;
    return 5 + quantile(p, 0, 1);
  });
}

/**
 * Rank-sum ratio, RSR (Tian Fengtiao 1988; 孙振球 主编《医学统计学》, 人民卫生出版社, chapter on comprehensive
 * evaluation): rank every criterion over the units (for `higher` the smallest value gets 1 and the largest n, for
 * `lower` the reverse; ties take their average rank), RSR_i = Σ_j w_j R_ij / n with w_j = 1/m unless `weights`
 * are given (weighted RSR, WRSR, weights normalised to sum 1). Each unit's probit comes from the cumulative
 * frequency of the RSR values (see `probits`), and the class from the probit and the cut points (default
 * < 4, 4–6, ≥ 6): class 1 is the best (highest probit). `ranking[i]` is unit i's rank by RSR, 1 = best.
 *
 * @example
 * // two criteria, three units: ranks (1,3) (2,1) (3,2) → RSR 4/6, 3/6, 5/6
 * rankSumRatio([[1, 30], [2, 10], [3, 20]], [higher, higher]).rsr; // [0.6667, 0.5, 0.8333]
 */
export function rankSumRatio(
  matrix: DecisionMatrix,
  criteria: readonly Criterion[],
  options: RsrOptions = {},
  path: { matrix?: Path; criteria?: Path; weights?: Path } = {},
): RsrResult {
  checkMatrixInput(matrix, criteria, {
    method: 'RSR',
    ...(path.matrix ? { matrixPath: path.matrix } : {}),
    ...(path.criteria ? { criteriaPath: path.criteria } : {}),
  });
  const cutpoints = options.cutpoints ?? DEFAULT_CUTPOINTS;
  checkCutpoints(cutpoints);
  const m = criteria.length;
  const n = matrix.length;
  const w = options.weights
    ? normaliseWeights(options.weights, m, path.weights ?? ['weights'])
    : criteria.map(() => 1 / m);
  const ranks = criteria.map((criterion, j) => {
    const values = column(matrix, j);
    return averageRanks(criterion.direction === 'higher' ? values : values.map((x) => -x));
  });
  const rsr = matrix.map((_, i) => ranks.reduce((s, r, j) => s + (w[j] ?? 0) * (r[i] ?? 0), 0) / n);
  const probit = probits(rsr);
  const classes = cutpoints.length + 1;
  const cls = probit.map((p) => classes - cutpoints.filter((c) => p >= c).length);
  return { rsr, ranking: rankDescending(rsr), probit, class: cls };
}
