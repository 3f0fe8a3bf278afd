/**
 * Published judgment matrices, entered the way a user copies them: exact fractions as strings ("1/3"), not the
 * rounded decimals the tables print (0.3333). Used by the tests; examples may reuse them.
 */

/** Seed 002 (002_db9e4dc6af8d1a80.txt) Tables 4.1–4.6: the AZ Hospital judgment matrices. */
export const SEED_002_MATRICES = {
  /** Table 4.1, secondary dimensions F, C, I, S, R. */
  'table-4.1': [
    [1, 3, 2, 4, 2],
    ['1/3', 1, 1, 1, 1],
    ['1/2', 1, 1, 4, 2],
    ['1/4', 1, '1/4', 1, 2],
    ['1/2', 1, '1/2', '1/2', 1],
  ],
  /** Table 4.2, financial dimension F1..F6. */
  'table-4.2': [
    [1, 3, 2, 3, 4, 3],
    ['1/3', 1, '1/3', 4, 3, 2],
    ['1/2', 3, 1, 3, 2, 2],
    ['1/3', '1/4', '1/3', 1, '1/2', '1/2'],
    ['1/4', '1/3', '1/2', 2, 1, 2],
    ['1/3', '1/2', '1/2', 2, '1/2', 1],
  ],
  /** Table 4.3, customer dimension C1..C6; 0.6667 is the reciprocal of 1.5, i.e. "2/3". */
  'table-4.3': [
    [1, 3, 3, 2, 3, 3],
    ['1/3', 1, 1, '1/2', 2, 2],
    ['1/3', 1, 1, '1/3', 1.5, 1.5],
    ['1/2', 2, 3, 1, 2, 2],
    ['1/3', '1/2', '2/3', '1/2', 1, '1/2'],
    ['1/3', '1/2', '2/3', '1/2', 2, 1],
  ],
  /** Table 4.4, internal process dimension I1..I9 (printed to 3 dp; 0.333 is "1/3"). */
  'table-4.4': [
    [1, 1, '1/2', 2, 2, 3, '1/3', '1/2', '1/2'],
    [1, 1, 2, 1, 2, 3, '1/4', '1/2', 1],
    [2, '1/2', 1, 1, 1, '1/2', '1/4', 2, 2],
    ['1/2', 1, 1, 1, '1/2', '1/3', '1/3', '1/2', '1/3'],
    ['1/2', '1/2', 1, 2, 1, 1, '1/3', '1/2', 1],
    ['1/3', '1/3', 2, 3, 1, 1, '1/3', '1/2', '1/2'],
    [3, 4, 4, 3, 3, 3, 1, 2, 3],
    [2, 2, '1/2', 2, 2, 2, '1/2', 1, 2],
    [2, 1, '1/2', 3, 1, 2, '1/3', '1/2', 1],
  ],
  /** Table 4.5, learning and growth dimension S1..S4. */
  'table-4.5': [
    [1, 2, '1/2', 1],
    ['1/2', 1, '1/3', 1],
    [2, 3, 1, 3],
    [1, 1, '1/3', 1],
  ],
  /** Table 4.6, social responsibility dimension R1..R6. */
  'table-4.6': [
    [1, 3, 2, 4, 4, 1],
    ['1/3', 1, '1/2', 3, 2, '1/2'],
    ['1/2', 2, 1, 3, 2, 1],
    ['1/4', '1/3', '1/3', 1, '1/4', '1/3'],
    ['1/4', '1/2', '1/2', 4, 1, '1/2'],
    [1, 2, 1, 3, 2, 1],
  ],
} as const satisfies Record<string, readonly (readonly (number | string)[])[]>;

/**
 * Saaty, T.L. (1990) "How to make a decision: the analytic hierarchy process", EJOR 48:9–26, Table 2:
 * criteria for buying a house — size, transportation, neighborhood, age, yard space, modern facilities,
 * general condition, financing.
 */
export const SAATY_1990_HOUSE_CRITERIA = [
  [1, 5, 3, 7, 6, 6, '1/3', '1/4'],
  ['1/5', 1, '1/3', 5, 3, 3, '1/5', '1/7'],
  ['1/3', 3, 1, 6, 3, 4, 6, '1/5'],
  ['1/7', '1/5', '1/6', 1, '1/3', '1/4', '1/7', '1/8'],
  ['1/6', '1/3', '1/3', 3, 1, '1/2', '1/5', '1/6'],
  ['1/6', '1/3', '1/4', 4, 2, 1, '1/5', '1/6'],
  [3, 5, '1/6', 7, 5, 5, 1, '1/2'],
  [4, 7, 5, 8, 6, 6, 2, 1],
] as const;

/**
 * Saaty 1990 Table 3: houses A, B, C compared under each criterion, as the upper triangle (a_AB, a_AC, a_BC).
 * The order follows SAATY_1990_HOUSE_CRITERIA.
 */
export const SAATY_1990_HOUSE_ALTERNATIVES = [
  ['size', 6, 8, 4],
  ['transportation', 7, '1/5', '1/8'],
  ['neighborhood', 8, 6, '1/4'],
  ['age', 1, 1, 1],
  ['yard', 5, 4, '1/3'],
  ['modern facilities', 8, 6, '1/5'],
  ['general condition', '1/2', '1/2', 1],
  ['financing', '1/7', '1/5', 3],
] as const;

/**
 * Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill, §2 (first in Saaty & Khouja 1976):
 * relative wealth of nations — US, USSR, China, France, UK, Japan, West Germany.
 */
export const SAATY_1980_WEALTH_OF_NATIONS = [
  [1, 4, 9, 6, 6, 5, 5],
  ['1/4', 1, 7, 5, 5, 3, 4],
  ['1/9', '1/7', 1, '1/5', '1/5', '1/7', '1/5'],
  ['1/6', '1/5', 5, 1, 1, '1/3', '1/3'],
  ['1/6', '1/5', 5, 1, 1, '1/3', '1/3'],
  ['1/5', '1/3', 7, 3, 3, 1, 2],
  ['1/5', '1/4', 5, 3, 3, '1/2', 1],
] as const;

/** A 3×3 matrix from its upper triangle a12, a13, a23 (numbers or fraction strings). */
export function fromUpperTriangle(a12: number | string, a13: number | string, a23: number | string) {
  const reciprocal = (x: number | string) => (typeof x === 'number' ? `1/${x}` : flip(x));
  return [
    [1, a12, a13],
    [reciprocal(a12), 1, a23],
    [reciprocal(a13), reciprocal(a23), 1],
  ];
}

function flip(fraction: string): string {
  const [numerator, denominator] = fraction.split('/');
  if (denominator === undefined) return `1/${fraction}`;
  return numerator === '1' ? denominator : `${denominator}/${numerator}`;
}
