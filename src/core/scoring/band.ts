import type { BandMethod, Quantified } from './scoring-method.ts';
import { valued } from './scoring-method.ts';

/** The edges of a target band, from a `band` direction. */
export interface Band {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The band method, for indicators kept inside a target band (seed 002 F5, budget expenditure execution rate,
 * "on target" at 103.2 % against 100 %: 002_db9e4dc6af8d1a80.txt Table 4.9, and the seeds' README).
 * 1 inside `[lower, upper]` (edges included), falling linearly to 0 at `tolerance` outside either edge:
 * 1 − distance ÷ tolerance, never below 0. The target number is not used: the band is the target.
 *
 * @example scoreBand(107.5, { lower: 95, upper: 105 }, { method: 'band', tolerance: 5 })
 * // { value: 0.5 } (2.5 points past the upper edge, half of the tolerance)
 */
export function scoreBand(actual: number, band: Band, method: BandMethod): Quantified {
  const distance = actual < band.lower ? band.lower - actual : actual > band.upper ? actual - band.upper : 0;
  return valued(Math.max(0, 1 - distance / method.tolerance));
}
