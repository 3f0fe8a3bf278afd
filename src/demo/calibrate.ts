/**
 * Calibration: after the noisy series are drawn, the 2024 numerators are rescaled (as integers) so that the
 * 2021 → 2024 change of each seed-000 indicator lands on the published figure. 2021 is left as drawn, so
 * the calibration only moves 2024 by the small amount the noise moved it (about ±1 %).
 */
import { internal } from '../core/errors/problem.ts';
import { pooledZ } from '../core/stats/index.ts';
import { FIRST_YEAR, LAST_YEAR, monthsOfYear } from './periods.ts';

/** A set of monthly series (one per org unit), indexed by month 0…47. Mutated in place by calibration. */
export type SeriesSet = readonly number[][];

/**
 * The sum of a set of series over the months of one year.
 *
 * @example
 * sumYear([[1, 2, …], [3, 4, …]], 2021); // Σ of both series' first 12 months
 */
export function sumYear(series: SeriesSet, year: number): number {
  let total = 0;
  for (const values of series) for (const t of monthsOfYear(year)) total += values[t] ?? 0;
  return total;
}

interface Cell {
  readonly series: number;
  readonly month: number;
  readonly raw: number;
  readonly cap: number;
  value: number;
}

/**
 * Rescales the given months of a set of integer series so that they sum to `target` exactly, keeping their
 * proportions (largest-remainder rounding) and, when `caps` is given, each cell at most its cap (the excess
 * goes to the cells with room, in proportion to that room).
 *
 * @example
 * const s = [[10, 20, 30]];
 * rescaleToTotal(s, [0, 1, 2], 66); // s is now [[11, 22, 33]]
 */
export function rescaleToTotal(
  series: SeriesSet,
  months: readonly number[],
  target: number,
  caps?: SeriesSet,
): void {
  if (!Number.isInteger(target) || target < 0)
    throw internal('demo.target-not-count', { target: String(target) });
  const cells: Cell[] = [];
  let current = 0;
  for (const values of series) for (const t of months) current += values[t] ?? 0;
  // A broken invariant of the demo model (never the caller's fault), hence internal problems here.
  if (current <= 0) throw internal('demo.series-sum-zero');
  let capTotal = 0;
  series.forEach((values, s) => {
    for (const t of months) {
      const raw = ((values[t] ?? 0) * target) / current;
      const cap = caps ? (caps[s]?.[t] ?? 0) : Number.POSITIVE_INFINITY;
      capTotal += cap;
      cells.push({ series: s, month: t, raw, cap, value: Math.min(Math.floor(raw), cap) });
    }
  });
  if (capTotal < target) throw internal('demo.target-above-caps', { target, total: capTotal });
  let remaining = target - cells.reduce((sum, c) => sum + c.value, 0);
  // Floating error can make Σ floor(raw) exceed the target by a unit: take it back from the smallest remainders.
  const byRemainder = (a: Cell, b: Cell) => b.raw - b.value - (a.raw - a.value);
  for (const cell of [...cells].sort(byRemainder).reverse()) {
    if (remaining >= 0) break;
    if (cell.value > 0) {
      cell.value -= 1;
      remaining += 1;
    }
  }
  while (remaining > 0) {
    const open = cells.filter((c) => c.value < c.cap);
    const room = open.reduce((sum, c) => sum + Math.min(c.cap - c.value, remaining), 0);
    let given = 0;
    for (const cell of open) {
      const add = Math.floor((remaining * Math.min(cell.cap - cell.value, remaining)) / room);
      cell.value += add;
      given += add;
    }
    remaining -= given;
    for (const cell of open.sort(byRemainder)) {
      if (remaining === 0) break;
      if (cell.value < cell.cap) {
        cell.value += 1;
        remaining -= 1;
      }
    }
  }
  for (const cell of cells) {
    const values = series[cell.series];
    if (values) values[cell.month] = cell.value;
  }
}

/**
 * Sets the 2024 numerators so that (ΣN₂₀₂₄/ΣD₂₀₂₄) = (ΣN₂₀₂₁/ΣD₂₀₂₁) × (1 + change), the change of an
 * annual ratio as seed 000 reports it. With `capped`, no month's numerator exceeds its denominator.
 *
 * @example
 * calibrateRatioChange(branchRevenue, branchVisits, -0.2068, false); // branches' cost per visit −20.68 %
 */
export function calibrateRatioChange(
  numerators: SeriesSet,
  denominators: SeriesSet,
  change: number,
  capped: boolean,
): void {
  const ratio2021 = sumYear(numerators, FIRST_YEAR) / sumYear(denominators, FIRST_YEAR);
  const target = Math.round(ratio2021 * (1 + change) * sumYear(denominators, LAST_YEAR));
  rescaleToTotal(numerators, monthsOfYear(LAST_YEAR), target, capped ? denominators : undefined);
}

/**
 * Sets the 2024 numerators of a proportion so that the pooled two-proportion z statistic of 2021 vs 2024
 * equals `z` (seed 000 reports only a p-value for hypertension management, p = 0.145). The counts compared
 * are the annual sums divided by `countDivisor`: 12 for month-end registers (people, not person-months).
 *
 * @example
 * calibratePooledZ(managed, registered, 1.4574, 12); // p = 0.145, two-sided
 */
export function calibratePooledZ(
  numerators: SeriesSet,
  denominators: SeriesSet,
  z: number,
  countDivisor: number,
): void {
  const d2021 = sumYear(denominators, FIRST_YEAR);
  const d2024 = sumYear(denominators, LAST_YEAR);
  const p1 = sumYear(numerators, FIRST_YEAR) / d2021;
  const n1 = d2021 / countDivisor;
  const n2 = d2024 / countDivisor;
  // Bisection: the pooled z grows with p₂ on [0, 1]; 100 halvings reach the resolution of a double.
  let low = z >= 0 ? p1 : 0;
  let high = z >= 0 ? 1 : p1;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (pooledZ(p1, n1, mid, n2) < z) low = mid;
    else high = mid;
  }
  const target = Math.round(((low + high) / 2) * d2024);
  rescaleToTotal(numerators, monthsOfYear(LAST_YEAR), target, denominators);
}
