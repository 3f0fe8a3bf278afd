/**
 * Rounding shares to whole rounding units so that they add up exactly to the total: the largest remainder method
 * (Hamilton's method; M. L. Balinski & H. P. Young, 2001, "Fair Representation", ch. 2). Each share is rounded
 * down to a whole number of units; the units left over go one each to the shares with the largest remainders.
 */

export interface RoundingItem {
  /** Breaks ties: among equal remainders, the item whose key sorts first (code-point order) gets the unit. */
  readonly key: string;
  /** The exact share, in minor units. */
  readonly exact: number;
  /** A share that sits exactly on a bound (a floor or a cap, whole units) is never raised. */
  readonly pinned: boolean;
}

/** Remainders closer than this (in units) count as equal, so that a tie is decided by the key, never by noise. */
const TIE = 1e-9;

/**
 * The shares rounded to multiples of `unit` adding up to `total` (a multiple of `unit`), in minor units, in the
 * order given. Ties in remainder go to the item whose key sorts first; the rule is deterministic and independent
 * of the input order.
 *
 * @example roundByLargestRemainder(100, 1, [{ key: 'A', exact: 33.4, pinned: false }, { key: 'B', exact: 33.3, pinned: false }, { key: 'C', exact: 33.3, pinned: false }]) // [34, 33, 33]
 */
export function roundByLargestRemainder(
  total: number,
  unit: number,
  items: readonly RoundingItem[],
): number[] {
  const quotas = items.map((item) => item.exact / unit);
  const whole = quotas.map((q) => Math.floor(q + TIE));
  const remainders = quotas.map((q, i) => Math.max(0, q - (whole[i] ?? 0)));
  let left = total / unit - whole.reduce((a, b) => a + b, 0);
  const order = items
    .map((item, i) => ({ i, key: item.key, r: remainders[i] ?? 0, pinned: item.pinned }))
    .filter((x) => !x.pinned);
  // Most remainder first; equal remainders by key.
  order.sort((a, b) => (Math.abs(a.r - b.r) > TIE ? b.r - a.r : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { i } of order) {
    if (left <= 0) break;
    whole[i] = (whole[i] ?? 0) + 1;
    left -= 1;
  }
  // Floating sums can leave the whole parts one unit over the total: take it back from the smallest remainders.
  for (const { i } of [...order].reverse()) {
    if (left >= 0) break;
    if ((whole[i] ?? 0) > 0) {
      whole[i] = (whole[i] ?? 0) - 1;
      left += 1;
    }
  }
  return whole.map((w) => w * unit);
}
