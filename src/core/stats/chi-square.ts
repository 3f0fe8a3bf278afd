/**
 * Pearson's χ² test of independence in an r × c table, as R's `chisq.test(table, correct)`: expected counts
 * from the margins, Yates' continuity correction on 2 × 2 tables only (min(0.5, |O − E|)), (r − 1)(c − 1)
 * degrees of freedom.
 */
import { badRequest } from '../errors/problem.ts';
import { chiSquareUpper } from './distributions.ts';

export interface ChiSquareResult {
  /** R's X². */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/**
 * The χ² test of a contingency table of counts (Pearson 1900; Yates 1934, "Contingency tables involving small
 * numbers and the χ² test", JRSS Suppl. 1:217–235). `correct` defaults to true as in R and applies to 2 × 2.
 *
 * @example
 * chiSquareTest([[12, 5], [7, 9]]); // statistic 1.4560…, df 1, p 0.22757…
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: { correct?: boolean } = {},
): ChiSquareResult {
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  if (rows < 2 || cols < 2) throw badRequest('stats.table-too-small', { rows, cols });
  for (const [i, row] of table.entries()) {
    if (row.length !== cols) throw badRequest('stats.table-ragged', { row: i + 1, length: row.length, cols });
    for (const cell of row) if (!(cell >= 0)) throw badRequest('stats.cell-negative', { value: cell });
  }
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (rowSums.some((s) => s === 0) || colSums.some((s) => s === 0))
    throw badRequest('stats.table-empty-margin', {});
  const expected = (i: number, j: number): number => ((rowSums[i] ?? 0) * (colSums[j] ?? 0)) / total;
  let yates = 0;
  if (options.correct !== false && rows === 2 && cols === 2) {
    yates = 0.5;
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) yates = Math.min(yates, Math.abs((table[i]?.[j] ?? 0) - expected(i, j)));
  }
  let statistic = 0;
  // Column-major, as R sums a matrix.
  for (let j = 0; j < cols; j++)
    for (let i = 0; i < rows; i++) {
      const e = expected(i, j);
      statistic += (Math.abs((table[i]?.[j] ?? 0) - e) - yates) ** 2 / e;
    }
  const df = (rows - 1) * (cols - 1);
  return { statistic, df, p: chiSquareUpper(statistic, df) };
}
