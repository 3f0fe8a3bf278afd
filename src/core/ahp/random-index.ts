import { badRequest } from '../errors/problem.ts';
import type { RandomIndexTable } from './types.ts';

interface RandomIndexSource {
  readonly name: string;
  readonly source: string;
  /** `values[n - 1]` is RI for an n×n matrix, n = 1..15. */
  readonly values: readonly number[];
}

/**
 * Random consistency indices RI(n): the mean CI of random reciprocal matrices of order n.
 * CR = CI / RI(n). The three published tables differ by the number of random matrices drawn.
 *
 * - `seed002`: the table seed 002 used (002_db9e4dc6af8d1a80.txt, Tables 4.1–4.6: RI(4)=0.89, RI(5)=1.12,
 *   RI(6)=1.26, RI(9)=1.46 reproduce every printed CR). It is the table common in the Chinese AHP literature,
 *   credited in public code to Hong Zhiguo (洪志国), "层次分析法中高阶平均随机一致性指标(RI)的计算",
 *   计算机工程与应用 2002(12):45–47.
 * - `saaty1980`: Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill (500 matrices per order).
 * - `alonso-lamata`: Alonso, J.A. & Lamata, M.T. (2006) "Consistency in the analytic hierarchy process:
 *   a new approach", Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445–459 (100,000 matrices).
 *
 * @example RANDOM_INDEX_TABLES.saaty1980.values[2] // 0.58, RI for n = 3
 */
export const RANDOM_INDEX_TABLES: Readonly<Record<RandomIndexTable, RandomIndexSource>> = Object.freeze({
  seed002: Object.freeze({
    name: 'Seed 002 (Chinese AHP literature)',
    source:
      'Table used by seed 002 (Tables 4.1–4.6); Hong Zhiguo, Computer Engineering and Applications 2002(12):45–47',
    values: Object.freeze([
      0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59,
    ]),
  }),
  saaty1980: Object.freeze({
    name: 'Saaty (1980)',
    source: 'Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill, New York',
    values: Object.freeze([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]),
  }),
  'alonso-lamata': Object.freeze({
    name: 'Alonso & Lamata (2006)',
    source:
      'Alonso, J.A. & Lamata, M.T. (2006) Consistency in the analytic hierarchy process: a new approach. ' +
      'Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445–459',
    values: Object.freeze([
      0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713,
      1.5838,
    ]),
  }),
});

/**
 * The random index RI(n) from one of `RANDOM_INDEX_TABLES` (default `seed002`).
 * Throws `badRequest` when n is not an integer in 1..15.
 *
 * @example randomIndex(5) // 1.12 (seed 002, Table 4.1)
 * @example randomIndex(6, 'saaty1980') // 1.24
 */
export function randomIndex(
  n: number,
  table: RandomIndexTable = 'seed002',
  path: readonly (string | number)[] = ['matrix'],
): number {
  const { values } = RANDOM_INDEX_TABLES[table];
  const value = Number.isInteger(n) && n >= 1 ? values[n - 1] : undefined;
  if (value === undefined) {
    throw badRequest('ahp.outside-random-index-table', { n, table, max: values.length }, path);
  }
  return value;
}
