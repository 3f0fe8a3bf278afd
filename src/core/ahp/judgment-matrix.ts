import { formatPath, invalid, issue, type ProblemIssue } from '../errors/problem.ts';
import { isOnScale } from './judgment-scale.ts';
import { formatJudgment, formatNumber } from './number-format.ts';
import type { JudgmentScale, Matrix } from './types.ts';

type Path = readonly (string | number)[];

/** |a_ij · a_ji − 1| above this is not reciprocal: 0.3333 for 1/3 fails, so users type "1/3". */
export const RECIPROCAL_TOLERANCE = 1e-6;
const DIAGONAL_TOLERANCE = 1e-9;

const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const DECIMAL_PATTERN = new RegExp(`^${DECIMAL}$`);
const FRACTION_PATTERN = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`);

/** A value as the input wrote it, short and in no language: `"1/0"`, `true`, `[…]`, `{…}`. */
function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  return String(value);
}

type EntryFault = 'ahp.entry-not-number' | 'ahp.entry-divides-by-zero';

/** A number or a string holding a number or a fraction such as "1/3"; the fault's code when it is neither. */
function parseEntry(value: unknown): number | EntryFault {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 'ahp.entry-not-number';
  const text = value.trim();
  if (DECIMAL_PATTERN.test(text)) return Number(text);
  const fraction = FRACTION_PATTERN.exec(text);
  if (fraction?.[1] !== undefined && fraction[2] !== undefined) {
    const denominator = Number(fraction[2]);
    if (denominator === 0) return 'ahp.entry-divides-by-zero';
    return Number(fraction[1]) / denominator;
  }
  return 'ahp.entry-not-number';
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
    throw invalid('ahp.matrix-invalid', {}, [issue('ahp.matrix-not-rows', { where }, path)]);
  }
  if (input.length === 0) {
    throw invalid('ahp.matrix-invalid', {}, [issue('ahp.matrix-empty', { where }, path)]);
  }
  const n = input.length;
  const issues: ProblemIssue[] = [];
  const rows: number[][] = [];
  input.forEach((row: unknown, i) => {
    const rowPath = [...path, i];
    if (!Array.isArray(row)) {
      issues.push(issue('ahp.row-not-array', { where: formatPath(rowPath), n }, rowPath));
      return;
    }
    if (row.length !== n) {
      issues.push(issue('ahp.row-length', { where: formatPath(rowPath), length: row.length, n }, rowPath));
    }
    rows.push(
      row.map((value: unknown, j) => {
        const parsed = parseEntry(value);
        if (typeof parsed !== 'number') {
          const entryPath = [...rowPath, j];
          issues.push(
            issue(parsed, { where: formatPath(entryPath), value: describeValue(value) }, entryPath),
          );
          return Number.NaN;
        }
        return parsed;
      }),
    );
  });
  if (issues.length > 0) throw invalid('ahp.matrix-problems', { count: issues.length }, issues);
  return rows;
}

function shapeIssues(matrix: Matrix, path: Path): ProblemIssue[] {
  const where = formatPath(path);
  if (!Array.isArray(matrix)) return [issue('ahp.matrix-not-array', { where }, path)];
  if (matrix.length === 0) return [issue('ahp.matrix-empty', { where }, path)];
  const n = matrix.length;
  const issues: ProblemIssue[] = [];
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      issues.push(issue('ahp.row-not-square', { where: formatPath([...path, i]), n }, [...path, i]));
    }
  });
  return issues;
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The code for an entry off a scale (`any` has no bounds, so no entry is ever off it). */
const OUTSIDE_SCALE = {
  saaty: 'ahp.outside-saaty-scale',
  'five-point': 'ahp.outside-five-point-scale',
  any: 'ahp.outside-saaty-scale',
} as const satisfies Record<JudgmentScale, string>;

/** An entry that is not the reciprocal of its mirror, with the value to type instead ("1/3" when it is a fraction). */
function reciprocalIssue(
  path: Path,
  where: string,
  value: number,
  other: string,
  otherValue: number,
): ProblemIssue {
  const expected = 1 / otherValue;
  const typed = formatJudgment(expected);
  const shown = { where, value: formatNumber(value), other, otherValue: formatNumber(otherValue) };
  return typed.includes('/')
    ? issue('ahp.not-reciprocal-fraction', { ...shown, typed, expected: formatNumber(expected) }, path)
    : issue('ahp.not-reciprocal', { ...shown, expected: typed }, path);
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
  if (shape.length > 0) throw invalid('ahp.matrix-problems', { count: shape.length }, shape);
  const n = matrix.length;
  const at = (i: number, j: number): unknown => matrix[i]?.[j];
  const issues: ProblemIssue[] = [];
  const name = (i: number, j: number) => formatPath([...path, i, j]);

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = at(i, j);
      if (!isPositiveFinite(value)) {
        const shown = typeof value === 'number' ? formatNumber(value) : describeValue(value);
        issues.push(issue('ahp.entry-not-positive', { where: name(i, j), value: shown }, [...path, i, j]));
      } else if (i === j && Math.abs(value - 1) > DIAGONAL_TOLERANCE) {
        const params = { where: name(i, j), value: formatNumber(value) };
        issues.push(issue('ahp.diagonal-not-one', params, [...path, i, j]));
      } else if (i !== j && !isOnScale(value, scale)) {
        const params = { where: name(i, j), value: formatNumber(value) };
        issues.push(issue(OUTSIDE_SCALE[scale], params, [...path, i, j]));
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = at(i, j);
      const lower = at(j, i);
      if (!isPositiveFinite(upper) || !isPositiveFinite(lower)) continue;
      if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        issues.push(reciprocalIssue([...path, j, i], name(j, i), lower, name(i, j), upper));
      }
    }
  }
  if (issues.length > 0) throw invalid('ahp.matrix-problems', { count: issues.length }, issues);
}
