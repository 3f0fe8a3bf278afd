/**
 * Outlier checks of one value, against the unit's own history and against its peers (the same element at
 * sibling units), by the modified z-score of Iglewicz and Hoaglin (1993, "How to Detect and Handle Outliers",
 * ASQC Basic References in Quality Control 16): M = 0.6745 (x − median) / MAD, where MAD is the median absolute
 * deviation from the median; |M| > 3.5 is a likely outlier. The median and MAD are not pulled by the outlier
 * itself, as a mean and standard deviation are.
 *
 * Where the MAD is 0 (half or more of the values are equal, as a bed count that never changes), M is not
 * defined; the check then falls back to an absolute bound on |x − median| and says so (`method:
 * 'absolute-bound'`).
 */

/** Iglewicz and Hoaglin's constant: 0.6745 is the 0.75 quantile of the standard normal distribution. */
export const MODIFIED_Z_FACTOR = 0.6745;
/** Iglewicz and Hoaglin's recommended threshold of |M|. */
export const DEFAULT_OUTLIER_THRESHOLD = 3.5;
/** The fewest history values a history check uses (fewer: no check), and the most (the latest kept). */
export const MIN_HISTORY = 12;
export const MAX_HISTORY = 36;
/** The fewest peers a peer check uses. */
export const MIN_PEERS = 4;
/**
 * The bound on |x − median| where the MAD is 0 and the element sets none: half the median's size, at least 1.
 * A value off by more than half of what it always is deserves a look; a count of 0 that becomes 2 does not.
 */
export const DEFAULT_ABSOLUTE_BOUND_SHARE = 0.5;

export interface OutlierOptions {
  /** |M| above this is an outlier (default 3.5). */
  readonly threshold?: number;
  /** The bound on |x − median| used where the MAD is 0 (default: half of |median|, at least 1). */
  readonly absoluteBound?: number;
}

/** The outcome of one check: the statistic and whether it flags the value. */
export interface OutlierCheck {
  /** `modified-z` as Iglewicz and Hoaglin; `absolute-bound` where the MAD was 0. */
  readonly method: 'modified-z' | 'absolute-bound';
  readonly value: number;
  readonly median: number;
  readonly mad: number;
  /** The modified z-score; null with the absolute bound. */
  readonly score: number | null;
  /** The threshold of |score|, or the absolute bound on |x − median|. */
  readonly limit: number;
  readonly outlier: boolean;
  /** How many values it was compared with. */
  readonly count: number;
}

/**
 * The median of finite numbers (the mean of the two middle ones for an even count); NaN for none.
 *
 * @example median([1, 3, 2, 4]) // 2.5
 */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median absolute deviation from the median (unscaled, as Iglewicz and Hoaglin use it).
 *
 * @example medianAbsoluteDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 0.5 (median 4.5; deviations .5 ×5, 2.5, 2.5, 4.5)
 */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Checks `value` against `sample` (values it should resemble, not including itself): the modified z-score
 * where the MAD is above 0, the absolute bound otherwise.
 *
 * @example
 * checkOutlier(1000, [100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 100])
 * // { method: 'modified-z', median: 100, mad: 1, score: 607.05, limit: 3.5, outlier: true, … }
 */
export function checkOutlier(
  value: number,
  sample: readonly number[],
  options: OutlierOptions = {},
): OutlierCheck {
  const values = sample.filter(Number.isFinite);
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  const count = values.length;
  if (mad > 0) {
    const score = (MODIFIED_Z_FACTOR * (value - m)) / mad;
    const limit = options.threshold ?? DEFAULT_OUTLIER_THRESHOLD;
    return {
      method: 'modified-z',
      value,
      median: m,
      mad,
      score,
      limit,
      outlier: Math.abs(score) > limit,
      count,
    };
  }
  const limit = options.absoluteBound ?? Math.max(Math.abs(m) * DEFAULT_ABSOLUTE_BOUND_SHARE, 1);
  return {
    method: 'absolute-bound',
    value,
    median: m,
    mad,
    score: null,
    limit,
    outlier: Math.abs(value - m) > limit,
    count,
  };
}

/**
 * Checks a value against the same unit's earlier values of the element (oldest first): the latest 36 are
 * used, and fewer than 12 make no check (null) — a short history says little about what is usual.
 *
 * @example checkHistory(1000, twelveMonthsAround100) // outlier: true (a visit count 10× its usual size)
 */
export function checkHistory(
  value: number,
  history: readonly number[],
  options: OutlierOptions = {},
): OutlierCheck | null {
  const usable = history.filter(Number.isFinite).slice(-MAX_HISTORY);
  if (usable.length < MIN_HISTORY) return null;
  return checkOutlier(value, usable, options);
}

/**
 * Checks a unit's rate or per-capita value against its peers' (the same element at sibling units, the unit
 * itself left out). Raw counts are not compared: a large hospital is not an outlier for having more visits.
 * Fewer than 4 peers make no check (null).
 *
 * @example checkPeers(0.45, [0.05, 0.06, 0.04, 0.05, 0.07]) // outlier: true (median 0.05, MAD 0.01, M ≈ 26.98)
 */
export function checkPeers(
  value: number,
  peers: readonly number[],
  options: OutlierOptions = {},
): OutlierCheck | null {
  const usable = peers.filter(Number.isFinite);
  if (usable.length < MIN_PEERS) return null;
  return checkOutlier(value, usable, options);
}
