import { describe, expect, test } from 'vitest';
import { SAATY_1990_HOUSE_CRITERIA, SEED_002_MATRICES } from './fixtures.ts';
import { computeAhp, type Matrix, parseJudgmentMatrix, suggestRepairs } from './index.ts';

function replace(matrix: Matrix, i: number, j: number, value: number): number[][] {
  return matrix.map((row, r) =>
    row.map((a, c) => (r === i && c === j ? value : r === j && c === i ? 1 / value : a)),
  );
}

/**
 * A consistent 4×4 matrix built from priorities 8 : 4 : 2 : 1 (a_ij = w_i / w_j), with one judgment entered
 * wrongly: a_14 = 1 instead of 8. Expected values from numpy (eigenvector, seed002 RI(4) = 0.89):
 * CR 0.218419; the most deviant judgment is (0, 3) with ε = 0.390460 (|ln ε| 0.940429), then (1, 3) and
 * (2, 3) tie with ε = 1.956754 (w_2 = 2·w_3 exactly; ties go to the earlier pair); w_1/w_4 = 2.561079 and replacing a_14 by it gives CR 0.062304; the nearest Saaty value is 3,
 * which gives CR 0.045910.
 */
describe('suggestRepairs on one mistyped judgment', () => {
  const mistyped = parseJudgmentMatrix([
    [1, 2, 4, 1],
    ['1/2', 1, 2, 4],
    ['1/4', '1/2', 1, 2],
    [1, '1/4', '1/2', 1],
  ]);

  test('the matrix fails the consistency check (CR 0.2184)', () => {
    const result = computeAhp(mistyped);
    expect(result.cr).toBeCloseTo(0.218419, 6);
    expect(result.consistent).toBe(false);
  });

  test('the top suggestion names the mistyped judgment (0, 3) and its fix brings CR under 0.1', () => {
    const [top, second, third] = suggestRepairs(mistyped);
    expect(top).toMatchObject({ i: 0, j: 3, current: 1 });
    expect(top?.epsilon).toBeCloseTo(0.39046, 5);
    expect(top?.suggested).toBeCloseTo(2.561079, 5);
    expect(top?.crAfter).toBeCloseTo(0.062304, 5);
    expect(top?.suggestedOnScale).toBe(3);
    expect(top?.crAfterOnScale).toBeCloseTo(0.04591, 5);
    expect(second).toMatchObject({ i: 1, j: 3 });
    expect(second?.epsilon).toBeCloseTo(1.956754, 5);
    expect(third).toMatchObject({ i: 2, j: 3 });
    expect(third?.epsilon).toBeCloseTo(1.956754, 5);
  });

  test('applying the suggested value gives exactly the reported CR, which passes the check', () => {
    const [top] = suggestRepairs(mistyped, {}, 1);
    if (top === undefined) throw new Error('expected a suggestion');
    const repaired = computeAhp(replace(mistyped, top.i, top.j, top.suggestedOnScale));
    expect(repaired.cr).toBeCloseTo(top.crAfterOnScale, 12);
    expect(repaired.consistent).toBe(true);
  });
});

/**
 * Saaty 1990 house example (CR 0.169, see textbook.test.ts). numpy: the most deviant judgment is
 * neighborhood vs general condition (a_37 = 6, ε = 5.321357); w_3/w_7 = 1.127532 and CR falls to 0.090010;
 * the nearest Saaty value 1 gives CR 0.087973. Next come (0, 2) size vs neighborhood, ε = 3.261699, and
 * (0, 6) size vs general condition, ε = 0.321420.
 */
describe('suggestRepairs on the Saaty 1990 house criteria', () => {
  const house = parseJudgmentMatrix(SAATY_1990_HOUSE_CRITERIA);

  test('returns the three most deviant judgments, largest |ln ε| first', () => {
    const suggestions = suggestRepairs(house, { riTable: 'saaty1980' });
    expect(suggestions.map(({ i, j }) => [i, j])).toEqual([
      [2, 6],
      [0, 2],
      [0, 6],
    ]);
    expect(suggestions[0]?.epsilon).toBeCloseTo(5.321357, 5);
    expect(suggestions[1]?.epsilon).toBeCloseTo(3.261699, 5);
    expect(suggestions[2]?.epsilon).toBeCloseTo(0.32142, 5);
  });

  test('revising neighborhood vs general condition from 6 to about 1.13 makes the matrix acceptable', () => {
    const [top] = suggestRepairs(house, { riTable: 'saaty1980' });
    expect(top?.current).toBe(6);
    expect(top?.suggested).toBeCloseTo(1.127532, 5);
    expect(top?.crAfter).toBeCloseTo(0.09001, 5);
    expect(top?.suggestedOnScale).toBe(1);
    expect(top?.crAfterOnScale).toBeCloseTo(0.087973, 5);
  });

  test('count limits the number of suggestions', () => {
    expect(suggestRepairs(house, {}, 5)).toHaveLength(5);
    expect(suggestRepairs(house, {}, 0)).toEqual([]);
  });
});

describe('suggestRepairs edge cases', () => {
  test('a consistent matrix gets no suggestions', () => {
    const consistent = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    expect(suggestRepairs(consistent)).toEqual([]);
  });

  test('on the five-point scale the suggestion snaps to the five-point grid', () => {
    // Seed 002 Table 4.1 uses the five-point scale (Table 2.1). numpy: its most deviant judgment is I vs S,
    // a_34 = 4 with ε = 4 · 0.122412 / 0.242994 = 2.015069; w_I / w_S = 1.985044, CR after 0.043098; the
    // nearest five-point value is 2, CR after 0.043287 (from 0.075282).
    const table41 = parseJudgmentMatrix(SEED_002_MATRICES['table-4.1']);
    const [top] = suggestRepairs(table41, { scale: 'five-point' });
    expect(top).toMatchObject({ i: 2, j: 3, current: 4, suggestedOnScale: 2 });
    expect(top?.epsilon).toBeCloseTo(2.015069, 5);
    expect(top?.suggested).toBeCloseTo(1.985044, 5);
    expect(top?.crAfter).toBeCloseTo(0.043098, 5);
    expect(top?.crAfterOnScale).toBeCloseTo(0.043287, 5);
  });

  test('on the `any` scale suggestedOnScale is the suggested value itself', () => {
    const table41 = parseJudgmentMatrix(SEED_002_MATRICES['table-4.1']);
    const [top] = suggestRepairs(table41, { scale: 'any' });
    expect(top?.suggestedOnScale).toBe(top?.suggested);
    expect(top?.crAfterOnScale).toBe(top?.crAfter);
  });
});
