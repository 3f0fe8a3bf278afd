/**
 * Proportional shares of a total between a floor and a cap, with what a bound frees or takes redistributed to the
 * others in proportion, until no share breaks a bound (the "water-filling" of a box-constrained proportional
 * allocation; K. C. Kiwiel, 2008, "Breakpoint searching algorithms for the continuous quadratic knapsack
 * problem", explains why fixing the side with the larger violation first converges to the right answer).
 */

/** Which bound a share ended on, if any. */
export type ShareBound = 'floor' | 'cap';

export interface BoundedShare {
  /** The share before rounding, in the total's unit (a fraction of a minor unit is possible). */
  readonly exact: number;
  readonly bound: ShareBound | null;
}

/** Relative tolerance for comparing a share with a bound (shares are sums of floating products). */
const EPSILON = 1e-9;

/**
 * Shares `total` in proportion to `weights`, each share within `[floor, cap]` (null: no bound). Each round fixes
 * the units on the side that breaks its bounds by more in total (both when equal) and shares what is left among
 * the others; at most n rounds. The caller checks feasibility first (n × floor ≤ total ≤ n × cap).
 * Units whose weight is zero get nothing unless a floor lifts them; the function returns `undefined` when what is
 * left cannot be shared because every free unit's weight is zero.
 *
 * @example boundedShares(1000, [1, 1, 8], 200, 500).map((s) => s.exact) // [250, 250, 500]
 */
export function boundedShares(
  total: number,
  weights: readonly number[],
  floor: number | null,
  cap: number | null,
): BoundedShare[] | undefined {
  const bound: (ShareBound | null)[] = weights.map(() => null);
  const tolerance = EPSILON * Math.max(1, Math.abs(total));
  for (let round = 0; round <= weights.length; round++) {
    let fixed = 0;
    let free = 0;
    for (const [i, w] of weights.entries()) {
      const b = bound[i];
      if (b === 'floor') fixed += floor ?? 0;
      else if (b === 'cap') fixed += cap ?? 0;
      else free += w;
    }
    const remaining = total - fixed;
    const exact = weights.map((w, i) => {
      const b = bound[i];
      if (b === 'floor') return floor ?? 0;
      if (b === 'cap') return cap ?? 0;
      return free > 0 ? (remaining * w) / free : 0;
    });
    let deficit = 0;
    let excess = 0;
    const under: number[] = [];
    const over: number[] = [];
    for (const [i, x] of exact.entries()) {
      if (bound[i] !== null) continue;
      if (floor !== null && x < floor - tolerance) {
        under.push(i);
        deficit += floor - x;
      } else if (cap !== null && x > cap + tolerance) {
        over.push(i);
        excess += x - cap;
      }
    }
    if (under.length === 0 && over.length === 0) {
      const hasFree = bound.some((b) => b === null);
      if (free <= 0 && Math.abs(remaining) > tolerance && hasFree) return undefined;
      if (!hasFree && Math.abs(remaining) > tolerance) return undefined;
      return exact.map((x, i) => ({ exact: x, bound: bound[i] ?? null }));
    }
    if (excess >= deficit) for (const i of over) bound[i] = 'cap';
    if (deficit >= excess) for (const i of under) bound[i] = 'floor';
  }
  return undefined;
}
