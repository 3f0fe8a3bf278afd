import { formatPath, invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import type { Criterion, DecisionMatrix, Path } from './types.ts';

export interface MatrixInputOptions {
  /** Where the matrix sits (default ['matrix']) and where the criteria sit (default ['criteria']). */
  readonly matrixPath?: Path;
  readonly criteriaPath?: Path;
  /** The method's name, for the words of the problems (entropy, CRITIC, TOPSIS, RSR). */
  readonly method: string;
  /** Refuse negative values (entropy takes logarithms of shares of a column's total). */
  readonly nonNegative?: boolean;
}

/**
 * Checks a decision matrix and its criteria whole (at least two units, one criterion, rectangular, finite
 * values, known directions; non-negative when asked) and throws one `invalid` problem listing every issue.
 */
export function checkMatrixInput(
  matrix: DecisionMatrix,
  criteria: readonly Criterion[],
  options: MatrixInputOptions,
): void {
  const matrixPath = options.matrixPath ?? ['matrix'];
  const criteriaPath = options.criteriaPath ?? ['criteria'];
  const issues: ProblemIssue[] = [];
  if (matrix.length < 2) issues.push(issue('ranking.too-few-units', { count: matrix.length }, matrixPath));
  if (criteria.length === 0) issues.push(issue('ranking.no-criteria', {}, criteriaPath));
  criteria.forEach((criterion, j) => {
    const direction: unknown = criterion?.direction;
    if (direction !== 'higher' && direction !== 'lower') {
      const path = [...criteriaPath, j, 'direction'];
      const value = JSON.stringify(direction) ?? String(direction);
      issues.push(issue('ranking.direction-invalid', { where: formatPath(path), value }, path));
    }
  });
  matrix.forEach((row, i) => {
    const rowPath = [...matrixPath, i];
    if (row.length !== criteria.length) {
      issues.push(
        issue(
          'ranking.row-length',
          { where: formatPath(rowPath), length: row.length, criteria: criteria.length },
          rowPath,
        ),
      );
    }
    row.forEach((value, j) => {
      const path = [...rowPath, j];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(
          issue('ranking.value-not-finite', { where: formatPath(path), value: String(value) }, path),
        );
      } else if (options.nonNegative && value < 0) {
        issues.push(
          issue('ranking.value-negative', { where: formatPath(path), value, method: options.method }, path),
        );
      }
    });
  });
  if (issues.length > 0) throw invalid('ranking.input-invalid', { count: issues.length }, issues);
}

/**
 * Checks criterion weights (one per criterion, finite, ≥ 0, not all zero) and returns them normalised to sum 1.
 */
export function normaliseWeights(
  weights: readonly number[],
  criteria: number,
  path: Path = ['weights'],
): number[] {
  const issues: ProblemIssue[] = [];
  if (weights.length !== criteria) {
    issues.push(issue('ranking.weights-length', { length: weights.length, criteria }, path));
  }
  weights.forEach((w, j) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      const where = [...path, j];
      issues.push(issue('ranking.weight-invalid', { where: formatPath(where), value: String(w) }, where));
    }
  });
  if (issues.length === 0 && weights.reduce((s, w) => s + w, 0) <= 0) {
    issues.push(issue('ranking.weights-zero', {}, path));
  }
  if (issues.length > 0) throw invalid('ranking.input-invalid', { count: issues.length }, issues);
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Column j of a matrix. */
export function column(matrix: DecisionMatrix, j: number): number[] {
  return matrix.map((row) => row[j] ?? Number.NaN);
}
