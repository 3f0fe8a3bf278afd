/**
 * Forecast to target: the rest of a year forecast from a monthly series, with a prediction interval, and whether
 * the year's target will likely be missed. Holt–Winters with additive seasonality (holt-winters.ts, as R's
 * `HoltWinters`) when the latest run of months without gaps holds two full years; otherwise a straight line by
 * least squares through the months that have data, with the prediction interval of R's
 * `predict.lm(interval = "prediction")`: ŷ ± t₀.₉₇₅,ₙ₋₂ · s · √(1 + 1/n + (t − t̄)²/Sₜₜ).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Direction } from '../indicators/indicator.ts';
import { type ForecastPoint, fitHoltWinters, forecastHoltWinters } from './holt-winters.ts';

export type ForecastMethod = 'holt-winters' | 'linear' | 'none';

export interface SeriesForecast {
  readonly method: ForecastMethod;
  readonly level: number;
  /** The next `horizon` periods after the last point of the series. */
  readonly points: readonly ForecastPoint[];
  /** Holt–Winters' α, β, γ; null for a line. */
  readonly parameters: { readonly alpha: number; readonly beta: number; readonly gamma: number } | null;
}

/** Fewer points with data than this give no line. */
export const MIN_LINEAR_POINTS = 3;

/**
 * The straight-line forecast of the points after the series, from the points that have data.
 *
 * @example forecastLinear([1, 2, 3, 5], 1, 0.95)[0].fit // 6: the line 0 + 1.3t, rounded; see forecast.test.ts
 */
export function forecastLinear(
  values: readonly (number | null)[],
  horizon: number,
  level = 0.95,
): ForecastPoint[] {
  const points = values.flatMap((v, t) => (v === null ? [] : [{ t: t + 1, y: v }]));
  const n = points.length;
  if (n < MIN_LINEAR_POINTS) return [];
  const tBar = points.reduce((a, p) => a + p.t, 0) / n;
  const yBar = points.reduce((a, p) => a + p.y, 0) / n;
  const stt = points.reduce((a, p) => a + (p.t - tBar) ** 2, 0);
  const slope = points.reduce((a, p) => a + (p.t - tBar) * (p.y - yBar), 0) / stt;
  const intercept = yBar - slope * tBar;
  const rss = points.reduce((a, p) => a + (p.y - intercept - slope * p.t) ** 2, 0);
  const s = Math.sqrt(rss / (n - 2));
  const q = tQuantile((1 + level) / 2, n - 2);
  return Array.from({ length: horizon }, (_, k) => {
    const t = values.length + k + 1;
    const fit = intercept + slope * t;
    const half = q * s * Math.sqrt(1 + 1 / n + (t - tBar) ** 2 / stt);
    return { fit, lower: fit - half, upper: fit + half };
  });
}

/** The longest run of values without a gap that ends with the series' last value. */
function trailingRun(values: readonly (number | null)[]): number[] {
  const run: number[] = [];
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v === null || v === undefined) break;
    run.unshift(v);
  }
  return run;
}

/**
 * Forecasts `horizon` periods after a series: Holt–Winters when its latest run without gaps holds two seasons,
 * a line otherwise, nothing with fewer than three points.
 *
 * @example forecastSeries(thirtySixMonths, 6).method // 'holt-winters'
 */
export function forecastSeries(
  values: readonly (number | null)[],
  horizon: number,
  options: { readonly frequency?: number; readonly level?: number } = {},
): SeriesForecast {
  const frequency = options.frequency ?? 12;
  const level = options.level ?? 0.95;
  const run = trailingRun(values);
  if (frequency > 1 && run.length >= 2 * frequency) {
    const fit = fitHoltWinters(run, frequency);
    return {
      method: 'holt-winters',
      level,
      points: forecastHoltWinters(fit, horizon, level),
      parameters: { alpha: fit.alpha, beta: fit.beta, gamma: fit.gamma },
    };
  }
  const points = forecastLinear(values, horizon, level);
  return { method: points.length > 0 ? 'linear' : 'none', level, points, parameters: null };
}

export interface YearOutlook {
  /** The year's value from the months observed and the months forecast. */
  readonly projected: number;
  readonly lower: number;
  readonly upper: number;
  /** The projected value falls on the wrong side of the target for the indicator's direction (outside a band). */
  readonly likelyMissed: boolean;
  /** Even the favourable end of the interval misses the target. */
  readonly surelyMissed: boolean;
}

/**
 * The year's projected value and whether it will likely miss its target. The year is the mean of its months (a
 * rate or a level) or their sum (a volume); the interval adds the forecast months' interval ends, which assumes
 * their errors move together: wider, never narrower, than the interval of independent errors.
 *
 * @example
 * projectYear([10, 10, 10], [{ fit: 10, lower: 8, upper: 12 }], {
 *   aggregate: 'sum', target: 45, direction: { kind: 'higher' },
 * })
 * // { projected: 40, lower: 38, upper: 42, likelyMissed: true, surelyMissed: true }
 */
export function projectYear(
  observed: readonly number[],
  forecast: readonly ForecastPoint[],
  options: {
    readonly aggregate: 'mean' | 'sum';
    /** Unused for a band, whose bounds are the target. */
    readonly target: number;
    readonly direction: Direction;
  },
): YearOutlook | null {
  const months = observed.length + forecast.length;
  if (months === 0) return null;
  const seen = observed.reduce((a, b) => a + b, 0);
  const total = (pick: (p: ForecastPoint) => number) => {
    const sum = seen + forecast.reduce((a, p) => a + pick(p), 0);
    return options.aggregate === 'sum' ? sum : sum / months;
  };
  const projected = total((p) => p.fit);
  const lower = total((p) => p.lower);
  const upper = total((p) => p.upper);
  const d = options.direction;
  const misses = (v: number) => {
    if (d.kind === 'higher') return v < options.target;
    if (d.kind === 'lower') return v > options.target;
    return v < d.lower || v > d.upper;
  };
  // Surely missed: no value of the interval meets the target (for a band: the interval lies wholly outside it).
  let surelyMissed: boolean;
  if (d.kind === 'higher') surelyMissed = misses(upper);
  else if (d.kind === 'lower') surelyMissed = misses(lower);
  else surelyMissed = upper < d.lower || lower > d.upper;
  return { projected, lower, upper, likelyMissed: misses(projected), surelyMissed };
}
