import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { computeAhp, parseJudgmentMatrix, validateMatrix } from './index.ts';

/** The issue of an entry that is not a positive finite number. */
function notPositive(path: readonly (string | number)[], where: string, value: string) {
  return {
    path,
    code: 'ahp.entry-not-positive',
    params: { where, value },
    message: `${where} = ${value} must be a positive finite number`,
  };
}

describe('parseJudgmentMatrix', () => {
  test('accepts numbers and strings holding numbers or fractions such as "1/3" and "2/3"', () => {
    // Seed 002 Table 4.3 writes 1.5 and its reciprocal 0.6667, i.e. 2/3.
    expect(
      parseJudgmentMatrix([
        [1, '1.5'],
        [' 2 / 3 ', 1],
      ]),
    ).toEqual([
      [1, 1.5],
      [2 / 3, 1],
    ]);
  });

  test.each([
    {
      name: 'a value that is not an array',
      input: { rows: 2 },
      issues: [
        {
          path: ['matrix'],
          code: 'ahp.matrix-not-rows',
          params: { where: 'matrix' },
          message: 'matrix must be an array of rows, e.g. [[1, 3], ["1/3", 1]]',
        },
      ],
    },
    {
      name: 'an empty array',
      input: [],
      issues: [
        {
          path: ['matrix'],
          code: 'ahp.matrix-empty',
          params: { where: 'matrix' },
          message: 'matrix must have at least one row',
        },
      ],
    },
    {
      name: 'a non-square matrix (2 rows of 3)',
      input: [
        [1, 2, 3],
        ['1/2', 1, 2],
      ],
      issues: [
        {
          path: ['matrix', 0],
          code: 'ahp.row-length',
          params: { where: 'matrix[0]', length: 3, n: 2 },
          message:
            'matrix[0] has 3 entries but the matrix has 2 rows; a judgment matrix must be square (2×2)',
        },
        {
          path: ['matrix', 1],
          code: 'ahp.row-length',
          params: { where: 'matrix[1]', length: 3, n: 2 },
          message:
            'matrix[1] has 3 entries but the matrix has 2 rows; a judgment matrix must be square (2×2)',
        },
      ],
    },
    {
      name: 'a ragged matrix',
      input: [
        [1, 2, 4],
        ['1/2', 1],
        ['1/4', '1/2', 1],
      ],
      issues: [
        {
          path: ['matrix', 1],
          code: 'ahp.row-length',
          params: { where: 'matrix[1]', length: 2, n: 3 },
          message:
            'matrix[1] has 2 entries but the matrix has 3 rows; a judgment matrix must be square (3×3)',
        },
      ],
    },
    {
      name: 'a row that is not an array',
      input: [[1, 2], 'x'],
      issues: [
        {
          path: ['matrix', 1],
          code: 'ahp.row-not-array',
          params: { where: 'matrix[1]', n: 2 },
          message: 'matrix[1] must be an array of 2 judgments',
        },
      ],
    },
    {
      name: 'non-numeric strings, a null and a division by zero, all at once',
      input: [
        [1, 'three', '1/0'],
        ['1/3', 1, null],
        [1, 2, 1],
      ],
      issues: [
        {
          path: ['matrix', 0, 1],
          code: 'ahp.entry-not-number',
          params: { where: 'matrix[0][1]', value: '"three"' },
          message: 'matrix[0][1] = "three" is not a number or a fraction like "1/3"',
        },
        {
          path: ['matrix', 0, 2],
          code: 'ahp.entry-divides-by-zero',
          params: { where: 'matrix[0][2]', value: '"1/0"' },
          message: 'matrix[0][2] = "1/0" divides by zero',
        },
        {
          path: ['matrix', 1, 2],
          code: 'ahp.entry-not-number',
          params: { where: 'matrix[1][2]', value: 'null' },
          message: 'matrix[1][2] = null is not a number or a fraction like "1/3"',
        },
      ],
    },
  ])('rejects $name, naming every problem with its path', ({ input, issues }) => {
    const problem = problemOf(() => parseJudgmentMatrix(input));
    expect(problem.type).toBe('validation');
    expect(problem.status).toBe(400);
    expect(problem.issues).toEqual(issues);
  });

  test('uses the caller’s path, e.g. inside a scorecard definition', () => {
    const problem = problemOf(() => parseJudgmentMatrix([[1, 'x']], ['perspectives', 2, 'matrix']));
    expect(problem.issues[0]?.path).toEqual(['perspectives', 2, 'matrix', 0]);
  });
});

describe('validateMatrix', () => {
  test.each([
    {
      name: 'a zero entry',
      matrix: [
        [1, 0],
        [1, 1],
      ],
      issues: [notPositive(['matrix', 0, 1], 'matrix[0][1]', '0')],
    },
    {
      name: 'a negative entry',
      matrix: [
        [1, -3],
        [-1 / 3, 1],
      ],
      issues: [
        notPositive(['matrix', 0, 1], 'matrix[0][1]', '-3'),
        notPositive(['matrix', 1, 0], 'matrix[1][0]', '-0.333333'),
      ],
    },
    {
      name: 'an infinite entry',
      matrix: [
        [1, Number.POSITIVE_INFINITY],
        [0, 1],
      ],
      issues: [
        notPositive(['matrix', 0, 1], 'matrix[0][1]', 'Infinity'),
        notPositive(['matrix', 1, 0], 'matrix[1][0]', '0'),
      ],
    },
    {
      name: 'a diagonal entry other than 1',
      matrix: [
        [2, 3],
        [1 / 3, 1],
      ],
      issues: [
        {
          path: ['matrix', 0, 0],
          code: 'ahp.diagonal-not-one',
          params: { where: 'matrix[0][0]', value: '2' },
          message: 'matrix[0][0] = 2 is on the diagonal and must be 1',
        },
      ],
    },
    {
      name: 'a non-reciprocal pair whose reciprocal is a fraction',
      matrix: [
        [1, 3],
        [0.3333, 1],
      ],
      issues: [
        {
          path: ['matrix', 1, 0],
          code: 'ahp.not-reciprocal-fraction',
          params: {
            where: 'matrix[1][0]',
            value: '0.3333',
            other: 'matrix[0][1]',
            otherValue: '3',
            typed: '1/3',
            expected: '0.333333',
          },
          message:
            'matrix[1][0] = 0.3333 is not the reciprocal of matrix[0][1] = 3 (expected 1/3 = 0.333333); write it as "1/3"',
        },
      ],
    },
    {
      name: 'a non-reciprocal pair whose reciprocal is "2/3" (seed 002 Table 4.3)',
      matrix: [
        [1, 1.5],
        [0.6667, 1],
      ],
      issues: [
        {
          path: ['matrix', 1, 0],
          code: 'ahp.not-reciprocal-fraction',
          params: {
            where: 'matrix[1][0]',
            value: '0.6667',
            other: 'matrix[0][1]',
            otherValue: '1.5',
            typed: '2/3',
            expected: '0.666667',
          },
          message:
            'matrix[1][0] = 0.6667 is not the reciprocal of matrix[0][1] = 1.5 (expected 2/3 = 0.666667); write it as "2/3"',
        },
      ],
    },
    {
      name: 'a non-reciprocal pair whose reciprocal is a whole number',
      matrix: [
        [1, 0.25],
        [3, 1],
      ],
      issues: [
        {
          path: ['matrix', 1, 0],
          code: 'ahp.not-reciprocal',
          params: {
            where: 'matrix[1][0]',
            value: '3',
            other: 'matrix[0][1]',
            otherValue: '0.25',
            expected: '4',
          },
          message: 'matrix[1][0] = 3 is not the reciprocal of matrix[0][1] = 0.25 (expected 4)',
        },
      ],
    },
    {
      name: 'an entry off the Saaty scale',
      matrix: [
        [1, 12],
        [1 / 12, 1],
      ],
      issues: [
        {
          path: ['matrix', 0, 1],
          code: 'ahp.outside-saaty-scale',
          params: { where: 'matrix[0][1]', value: '12' },
          message: 'matrix[0][1] = 12 is outside the Saaty 1–9 scale (1/9 to 9)',
        },
        {
          path: ['matrix', 1, 0],
          code: 'ahp.outside-saaty-scale',
          params: { where: 'matrix[1][0]', value: '0.0833333' },
          message: 'matrix[1][0] = 0.0833333 is outside the Saaty 1–9 scale (1/9 to 9)',
        },
      ],
    },
  ])('rejects $name', ({ matrix, issues }) => {
    const problem = problemOf(() => validateMatrix(matrix));
    expect(problem.type).toBe('validation');
    expect(problem.code).toBe('ahp.matrix-problems');
    expect(problem.issues).toEqual(issues);
  });

  test('accepts 1/9 and 9 written as floats on the Saaty scale', () => {
    expect(() =>
      validateMatrix([
        [1, 9],
        [1 / 9, 1],
      ]),
    ).not.toThrow();
  });

  test.each([
    { scale: 'five-point', value: 5, ok: true },
    { scale: 'five-point', value: 1.5, ok: true }, // seed 002 Table 2.1 allows intermediate values
    { scale: 'five-point', value: 6, ok: false },
    { scale: 'saaty', value: 9, ok: true },
    { scale: 'saaty', value: 9.5, ok: false },
    { scale: 'any', value: 250, ok: true },
  ] as const)('on the $scale scale, a judgment of $value is accepted: $ok', ({ scale, value, ok }) => {
    const check = () =>
      validateMatrix(
        [
          [1, value],
          [1 / value, 1],
        ],
        scale,
      );
    if (ok) expect(check).not.toThrow();
    else expect(problemOf(check).issues[0]?.path).toEqual(['matrix', 0, 1]);
  });

  test('the five-point message names the seed 002 scale', () => {
    const problem = problemOf(() =>
      validateMatrix(
        [
          [1, 7],
          [1 / 7, 1],
        ],
        'five-point',
      ),
    );
    expect(problem.issues[0]).toMatchObject({
      code: 'ahp.outside-five-point-scale',
      message: 'matrix[0][1] = 7 is outside the five-point scale of seed 002 Table 2.1 (1/5 to 5)',
    });
  });
});

describe('computeAhp input errors', () => {
  test('a 16×16 matrix is larger than every random-index table and is a bad request', () => {
    const matrix = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    const problem = problemOf(() => computeAhp(matrix));
    expect(problem.type).toBe('bad-request');
    expect(problem.issues).toEqual([
      {
        path: ['matrix'],
        code: 'ahp.outside-random-index-table',
        params: { n: 16, table: 'seed002', max: 15 },
        message:
          'A 16×16 judgment matrix is outside the seed002 random-index table, which covers n = 1 to 15; split the criteria into smaller groups.',
      },
    ]);
  });

  test('a 15×15 matrix of ones is accepted and perfectly consistent', () => {
    const matrix = Array.from({ length: 15 }, () => new Array<number>(15).fill(1));
    const result = computeAhp(matrix);
    expect(result.cr).toBe(0);
    expect(result.weights.every((w) => Math.abs(w - 1 / 15) < 1e-15)).toBe(true);
  });

  test('error paths follow options.path', () => {
    const problem = problemOf(() =>
      computeAhp(
        [
          [1, 3],
          [0.5, 1],
        ],
        { path: ['perspectives', 0, 'judgments'] },
      ),
    );
    expect(problem.issues[0]?.path).toEqual(['perspectives', 0, 'judgments', 1, 0]);
    expect(problem.issues[0]?.message).toMatch(
      /^perspectives\[0\]\.judgments\[1\]\[0\] = 0\.5 is not the reciprocal/,
    );
  });

  test('a threshold that is not a positive number is a bad request', () => {
    const problem = problemOf(() => computeAhp([[1]], { threshold: 0 }));
    expect(problem.issues[0]).toMatchObject({
      path: ['threshold'],
      code: 'ahp.threshold-not-positive',
      params: { value: '0' },
    });
  });

  test('an unknown method from an untyped caller is a bad request naming the allowed values', () => {
    const options: unknown = JSON.parse('{"method": "power"}');
    const problem = problemOf(() => computeAhp([[1]], options ?? {}));
    expect(problem.issues).toEqual([
      {
        path: ['method'],
        code: 'ahp.option-not-allowed',
        params: { key: 'method', value: '"power"', allowed: 'eigenvector, geometric, sum-product' },
        message: 'method = "power" must be one of eigenvector, geometric, sum-product',
      },
    ]);
  });

  test('n = 1 and n = 2 are always consistent with CI = CR = 0', () => {
    expect(computeAhp([[1]])).toMatchObject({ weights: [1], lambdaMax: 1, ci: 0, cr: 0, consistent: true });
    const two = computeAhp([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(two.weights[0]).toBeCloseTo(0.75, 12);
    expect(two).toMatchObject({ ci: 0, cr: 0, ri: 0, consistent: true });
  });
});
