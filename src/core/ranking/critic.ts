import { invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import { checkMatrixInput, column } from './check-input.ts';
import type { Criterion, DecisionMatrix, Path } from './types.ts';

/** Min–max normalisation oriented by direction: 1 for the best unit, 0 for the worst (Diakoulaki et al. 1995). */
export function minMaxOriented(values: readonly number[], criterion: Criterion): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const range = max - min;
  if (range === 0) return values.map(() => 0);
  return values.map((x) => (criterion.direction === 'higher' ? (x - min) / range : (max - x) / range));
}

function mean(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** Sample standard deviation (divisor n − 1). */
function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, x) => s + (x - m) ** 2, 0) / (values.length - 1));
}

/** Pearson correlation of two columns of equal length, both with spread. */
function pearson(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? Number.NaN;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995, "Determining objective weights in multiple criteria
 * problems: the CRITIC method", Computers & Operations Research 22(7):763–770): normalise each criterion by
 * min–max, r_ij = (x_ij − min)/(max − min) for `higher` and (max − x_ij)/(max − min) for `lower`; C_j = σ_j ·
 * Σ_k (1 − ρ_jk) with σ the sample standard deviation and ρ Pearson's correlation; w_j = C_j / Σ C.
 * A criterion that varies more and agrees less with the others carries more weight. A criterion with the same
 * value for every unit has no correlation and is refused.
 *
 * @example
 * // Tuş & Aytaç Adalı (2019), Opsearch 56(2):528–538, five software packages × six criteria:
 * criticWeights([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2],
 *   [800, 2, 4, 3, 3, 4]], higher6);
 * // → [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
 */
export function criticWeights(
  matrix: DecisionMatrix,
  criteria: readonly Criterion[],
  path: { matrix?: Path; criteria?: Path } = {},
): number[] {
  const matrixPath = path.matrix ?? ['matrix'];
  checkMatrixInput(matrix, criteria, {
    method: 'CRITIC',
    matrixPath,
    ...(path.criteria ? { criteriaPath: path.criteria } : {}),
  });
  const issues: ProblemIssue[] = [];
  const normalised = criteria.map((criterion, j) => {
    const values = column(matrix, j);
    if (Math.max(...values) === Math.min(...values)) {
      issues.push(issue('ranking.column-constant', { column: j + 1, method: 'CRITIC' }, [...matrixPath]));
    }
    return minMaxOriented(values, criterion);
  });
  if (issues.length > 0) throw invalid('ranking.input-invalid', { count: issues.length }, issues);
  const information = normalised.map((r, j) => {
    const conflict = normalised.reduce((s, other, k) => s + (k === j ? 0 : 1 - pearson(r, other)), 0);
    return sampleSd(r) * conflict;
  });
  const total = information.reduce((s, c) => s + c, 0);
  if (!(total > 0)) {
    throw invalid('ranking.input-invalid', { count: 1 }, [
      issue('ranking.no-information', { method: 'CRITIC' }, [...matrixPath]),
    ]);
  }
  return information.map((c) => c / total);
}
