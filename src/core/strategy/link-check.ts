/**
 * Checks a cause → effect link of the strategy map against the data: the Pearson correlation between the
 * cause's series and the effect's series shifted by 0–6 periods, the lag where it is highest, its 95 %
 * confidence interval by Fisher's z transformation (Fisher 1921, "On the probable error of a coefficient of
 * correlation deduced from a small sample"; the interval R's `cor.test` prints), and the number of periods
 * the pair rests on.
 *
 * The series are quantified values (1 = target met, higher is better whatever the indicator's direction),
 * so a link the data supports shows as a positive correlation: a better cause goes with a better effect
 * `lag` periods later. The rule, stated once here and shown with every link:
 * - `too-few-periods`: fewer than `minPeriods` (default 8) periods where both series have a value at the
 *   best lag;
 * - `ci-includes-zero`: the 95 % interval includes 0;
 * - `opposite`: the interval lies below 0 (better cause, worse effect);
 * - `supported`: the interval lies above 0.
 * Picking the best of seven lags favours chance: the check is a screen for links the data contradicts or
 * cannot judge, not a proof of cause. A link the data does not support is marked, never dropped.
 */

/** Why a link is, or is not, supported by the data (see the module comment). */
export type LinkSupport = 'supported' | 'ci-includes-zero' | 'opposite' | 'too-few-periods';

export interface LagCorrelation {
  /** Periods the effect follows the cause by. */
  readonly lag: number;
  /** Periods where both have a value. */
  readonly n: number;
  /** Pearson's r; null with fewer than 3 pairs or a constant series. */
  readonly r: number | null;
}

export interface LinkCheck {
  /** The lag with the highest r; null when no lag has one. */
  readonly lag: number | null;
  readonly r: number | null;
  /** 95 % interval of r (Fisher z); null with fewer than 4 pairs. */
  readonly ci: readonly [number, number] | null;
  readonly n: number;
  readonly support: LinkSupport;
  /** r at every lag checked, 0 first. */
  readonly lags: readonly LagCorrelation[];
}

export interface LinkCheckOptions {
  /** The longest lag tried (default 6). */
  readonly maxLag?: number;
  /** The fewest paired periods for a verdict (default 8). */
  readonly minPeriods?: number;
}

/** The 0.975 quantile of the standard normal distribution (R: `qnorm(0.975)`). */
const Z_975 = 1.959963984540054;

/**
 * Pearson's correlation of the pairs where both values are finite; null with fewer than 3 pairs or when
 * either side is constant.
 *
 * @example pearson([1, 2, 3, 4], [2, 4, 5, 9]) // { r: 0.9648…, n: 4 } (R: cor(x, y))
 */
export function pearson(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
): { r: number | null; n: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const a = x[i];
    const b = y[i];
    if (typeof a === 'number' && Number.isFinite(a) && typeof b === 'number' && Number.isFinite(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
  const n = xs.length;
  if (n < 3) return { r: null, n };
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { r: null, n };
  // Rounding can push |r| a hair past 1 for an exact line.
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}

/**
 * The 95 % confidence interval of a correlation by Fisher's z: tanh(atanh(r) ± 1.96 / √(n − 3)); null
 * with fewer than 4 pairs.
 *
 * @example fisherInterval(0.5, 20) // [0.0738…, 0.7718…] (R: cor.test(x, y)$conf.int for such a pair)
 */
export function fisherInterval(r: number, n: number): [number, number] | null {
  if (n < 4) return null;
  if (Math.abs(r) >= 1) return [r, r];
  const z = Math.atanh(r);
  const half = Z_975 / Math.sqrt(n - 3);
  return [Math.tanh(z - half), Math.tanh(z + half)];
}

/**
 * Checks a link: r between `cause[t]` and `effect[t + lag]` for every lag from 0 to `maxLag`, the best lag
 * (highest r; the shorter on a tie), its interval and the verdict of the module comment. Both series are
 * aligned on the same periods, oldest first; null is a period without a value.
 *
 * @example checkLink([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).lag // 0
 */
export function checkLink(
  cause: readonly (number | null)[],
  effect: readonly (number | null)[],
  options: LinkCheckOptions = {},
): LinkCheck {
  const maxLag = options.maxLag ?? 6;
  const minPeriods = options.minPeriods ?? 8;
  const lags: LagCorrelation[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    const { r, n } = pearson(cause.slice(0, Math.max(0, cause.length - lag)), effect.slice(lag));
    lags.push({ lag, n, r });
  }
  let best: LagCorrelation | undefined;
  for (const candidate of lags) {
    if (candidate.r === null) continue;
    if (best === undefined || best.r === null || candidate.r > best.r) best = candidate;
  }
  if (best === undefined || best.r === null) {
    const n = Math.max(0, ...lags.map((l) => l.n));
    return { lag: null, r: null, ci: null, n, support: 'too-few-periods', lags };
  }
  const ci = fisherInterval(best.r, best.n);
  return { lag: best.lag, r: best.r, ci, n: best.n, support: supportOf(ci, best.n, minPeriods), lags };
}

function supportOf(ci: readonly [number, number] | null, n: number, minPeriods: number): LinkSupport {
  if (ci === null || n < minPeriods) return 'too-few-periods';
  if (ci[0] > 0) return 'supported';
  if (ci[1] < 0) return 'opposite';
  return 'ci-includes-zero';
}
