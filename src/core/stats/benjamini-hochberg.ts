/**
 * The Benjamini–Hochberg step-up adjustment of p-values for the false discovery rate (Benjamini & Hochberg
 * 1995, JRSS B 57:289–300), as R's `p.adjust(p, "BH")`: p₍ᵢ₎·m/i, made monotone from the largest down,
 * capped at 1, by @stdlib's `padjust`.
 */
import padjust from '@stdlib/stats-padjust';
import { badRequest } from '../errors/problem.ts';

/**
 * BH-adjusted p-values, in the order given.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.5]); // [0.04, 0.05333…, 0.05333…, 0.5]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  for (const value of p) if (!(value >= 0 && value <= 1)) throw badRequest('stats.p-out-of-range', { value });
  if (p.length === 0) return [];
  return padjust([...p], 'bh');
}
