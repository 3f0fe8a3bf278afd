import { formatPath, invalid, type ProblemIssue } from '../errors/problem.ts';
import { describeScale, isOnScale } from './judgment-scale.ts';
import { formatJudgment, formatNumber } from './number-format.ts';
import type { JudgmentScale, Matrix } from './types.ts';

type Path = readonly (string | number)[];

/** |a_ij · a_ji − 1| above this is not reciprocal: 0.3333 for 1/3 fails, so users type "1/3". */
export const RECIPROCAL_TOLERANCE = 1e-6;
const DIAGONAL_TOLERANCE = 1e-9;

const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const DECIMAL_PATTERN = new RegExp(`^${DECIMAL}$`);
const FRACTION_PATTERN = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`);

function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** A number or a string holding a number or a fraction such as "1/3"; a message when it is neither. */
function parseEntry(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 'is not a number or a fraction like "1/3"';
  const text = value.trim();
  if (DECIMAL_PATTERN.test(text)) return Number(text);
  const fraction = FRACTION_PATTERN.exec(text);
  if (fraction?.[1] !== undefined && fraction[2] !== undefined) {
    const denominator = Number(fraction[2]);
    if (denominator === 0) return 'divides by zero';
    return Number(fraction[1]) / denominator;
  }
  return 'is not a number or a fraction like "1/3"';
}

/**
 * Turns untrusted JSON into a square judgment matrix. Entries may be numbers or strings holding a number or a
 * fraction ("3", "1/3", "2/3", "1.5"), the way judgments are written in seed 002 Tables 2.1 and 4.1–4.6.
 * Checks only the shape and that every entry is numeric; `validateMatrix` checks the AHP rules.
 * Throws `invalid(...)` listing every problem with its path (e.g. `['matrix', 1, 0]`).
 *
 * @example parseJudgmentMatrix([[1, 3], ['1/3', 1]]) // [[1, 3], [0.3333333333333333, 1]]
 */
export function parseJudgmentMatrix(input: unknown, path: Path = ['matrix']): Matrix {
  const where = formatPath(path);
  if (!Array.isArray(input)) {
    throw invalid('The judgment matrix is not valid.', [
      { path, message: `${where} must be an array of rows, e.g. [[1, 3], ["1/3", 1]]` },
    ]);
  }
  if (input.length === 0) {
    throw invalid('The judgment matrix is not valid.', [
      { path, message: `${where} must have at least one row` },
    ]);
  }
  const n = input.length;
  const issues: ProblemIssue[] = [];
  const rows: number[][] = [];
  input.forEach((row: unknown, i) => {
    const rowPath = [...path, i];
    if (!Array.isArray(row)) {
      issues.push({ path: rowPath, message: `${formatPath(rowPath)} must be an array of ${n} judgments` });
      return;
    }
    if (row.length !== n) {
      issues.push({
        path: rowPath,
        message: `${formatPath(rowPath)} has ${row.length} entries but the matrix has ${n} rows; a judgment matrix must be square (${n}×${n})`,
      });
    }
    rows.push(
      row.map((value: unknown, j) => {
        const parsed = parseEntry(value);
        if (typeof parsed === 'string') {
          const entryPath = [...rowPath, j];
          issues.push({
            path: entryPath,
            message: `${formatPath(entryPath)} = ${describeValue(value)} ${parsed}`,
          });
          return Number.NaN;
        }
        return parsed;
      }),
    );
  });
  if (issues.length > 0) throw invalid(`The judgment matrix has ${issues.length} problem(s).`, issues);
  return rows;
}

function shapeIssues(matrix: Matrix, path: Path): ProblemIssue[] {
  const where = formatPath(path);
  if (!Array.isArray(matrix)) return [{ path, message: `${where} must be an array of rows` }];
  if (matrix.length === 0) return [{ path, message: `${where} must have at least one row` }];
  const n = matrix.length;
  const issues: ProblemIssue[] = [];
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      issues.push({
        path: [...path, i],
        message: `${formatPath([...path, i])} must have ${n} entries; a judgment matrix must be square (${n}×${n})`,
      });
    }
  });
  return issues;
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function reciprocalMessage(lower: string, value: number, upper: string, other: number): string {
  const expected = 1 / other;
  const typed = formatJudgment(expected);
  const hint = typed.includes('/') ? ` = ${formatNumber(expected)}); write it as "${typed}"` : ')';
  return `${lower} = ${formatNumber(value)} is not the reciprocal of ${upper} = ${formatNumber(other)} (expected ${typed}${hint}`;
}

/**
 * Checks the rules of a judgment matrix (Saaty 1980 §1; seed 002 §2.2.3): square and non-empty, every entry
 * positive and finite, diagonal = 1, reciprocal (|a_ij·a_ji − 1| ≤ 1e-6, the message gives the expected value),
 * and every off-diagonal entry on the chosen scale (tolerance 1e-9). Throws `invalid(...)` with every problem.
 *
 * @example validateMatrix([[1, 3], [1 / 3, 1]]) // passes
 * @example validateMatrix([[1, 3], [0.3333, 1]]) // throws: matrix[1][0] = 0.3333 is not the reciprocal of …
 */
export function validateMatrix(
  matrix: Matrix,
  scale: JudgmentScale = 'saaty',
  path: Path = ['matrix'],
): void {
  const shape = shapeIssues(matrix, path);
  if (shape.length > 0) throw invalid(`The judgment matrix has ${shape.length} problem(s).`, shape);
  const n = matrix.length;
  const at = (i: number, j: number): unknown => matrix[i]?.[j];
  const issues: ProblemIssue[] = [];
  const name = (i: number, j: number) => formatPath([...path, i, j]);

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = at(i, j);
      if (!isPositiveFinite(value)) {
        const shown = typeof value === 'number' ? formatNumber(value) : describeValue(value);
        issues.push({
          path: [...path, i, j],
          message: `${name(i, j)} = ${shown} must be a positive finite number`,
        });
      } else if (i === j && Math.abs(value - 1) > DIAGONAL_TOLERANCE) {
        issues.push({
          path: [...path, i, j],
          message: `${name(i, j)} = ${formatNumber(value)} is on the diagonal and must be 1`,
        });
      } else if (i !== j && !isOnScale(value, scale)) {
        issues.push({
          path: [...path, i, j],
          message: `${name(i, j)} = ${formatNumber(value)} is outside the ${describeScale(scale)}`,
        });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = at(i, j);
      const lower = at(j, i);
      if (!isPositiveFinite(upper) || !isPositiveFinite(lower)) continue;
      if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        issues.push({
          path: [...path, j, i],
          message: reciprocalMessage(name(j, i), lower, name(i, j), upper),
        });
      }
    }
  }
  if (issues.length > 0) throw invalid(`The judgment matrix has ${issues.length} problem(s).`, issues);
}
