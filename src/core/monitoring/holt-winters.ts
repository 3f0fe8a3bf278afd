/**
 * Holt–Winters exponential smoothing with additive seasonality, as R's `stats::HoltWinters(x)` computes it, and
 * its forecasts with prediction intervals as `predict(fit, h, prediction.interval = TRUE)`.
 *
 * Start values as R takes them: a classical additive decomposition (`decompose`) of the first two seasons gives
 * the seasonal figure; a straight line through its centred moving-average trend gives the start level (its
 * intercept) and trend (its slope); smoothing starts at the second season. α, β and γ minimise the sum of
 * squared one-step errors over [0, 1]³ from R's start (0.3, 0.1, 0.1). R uses L-BFGS-B with finite-difference
 * gradients of step 10⁻³ and stops at a relative reduction of about 2·10⁻⁹; this port uses a projected BFGS
 * (minimize-box.ts) with finer gradients, so it lands on the same minimum at least as precisely: the fixtures
 * (scripts/monitoring-fixtures.R) check its sum of squares is never above R's and its forecasts agree with R's.
 *
 * Source: R Core Team, R 4.x `src/library/stats/R/HoltWinters.R` and `src/library/stats/src/HoltWinters.c`;
 * Holt C.C. (1957/2004), Winters P.R. (1960), "Forecasting sales by exponentially weighted moving averages".
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { minimizeBox } from './minimize-box.ts';

export interface HoltWintersFit {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly sse: number;
  /** Level, trend and the seasonal terms for the next f periods, after the last observation. */
  readonly level: number;
  readonly trend: number;
  readonly seasonal: readonly number[];
  /** One-step-ahead errors from the start of the second season (R's `residuals(fit)`). */
  readonly residuals: readonly number[];
  readonly frequency: number;
}

interface StartValues {
  readonly level: number;
  readonly trend: number;
  readonly seasonal: readonly number[];
}

/** R's `decompose(x[1:2f])` figure and the line through its trend (HoltWinters.R). */
function startValues(x: readonly number[], f: number): StartValues {
  const window = x.slice(0, 2 * f);
  const half = Math.floor(f / 2);
  // Centred moving average: weights 1/f, halved at both ends when f is even (R's `decompose` filter).
  const weights =
    f % 2 === 0
      ? [0.5, ...Array.from({ length: f - 1 }, () => 1), 0.5].map((w) => w / f)
      : Array.from({ length: f }, () => 1 / f);
  const trend: (number | null)[] = window.map((_, t) => {
    if (t - half < 0 || t + half >= window.length) return null;
    return weights.reduce((a, w, j) => a + w * (window[t - half + j] ?? 0), 0);
  });
  const figure = Array.from({ length: f }, (_, i) => {
    const season = [i, i + f]
      .map((t) => {
        const tr = trend[t];
        return tr === null || tr === undefined ? null : (window[t] ?? 0) - tr;
      })
      .filter((v): v is number => v !== null);
    return season.reduce((a, b) => a + b, 0) / season.length;
  });
  const mean = figure.reduce((a, b) => a + b, 0) / f;
  const dat = trend.filter((v): v is number => v !== null);
  // Least squares line through (1, dat₁) … (m, datₘ).
  const m = dat.length;
  const tBar = (m + 1) / 2;
  const yBar = dat.reduce((a, b) => a + b, 0) / m;
  let sxy = 0;
  let sxx = 0;
  for (const [k, y] of dat.entries()) {
    sxy += (k + 1 - tBar) * (y - yBar);
    sxx += (k + 1 - tBar) ** 2;
  }
  const slope = sxy / sxx;
  return { level: yBar - slope * tBar, trend: slope, seasonal: figure.map((v) => v - mean) };
}

/** The smoothing recursion of R's HoltWinters.c (additive, with trend and season). */
function smooth(
  x: readonly number[],
  f: number,
  start: StartValues,
  alpha: number,
  beta: number,
  gamma: number,
) {
  let level = start.level;
  let trend = start.trend;
  const season = [...start.seasonal];
  const residuals: number[] = [];
  let sse = 0;
  for (let i = f; i < x.length; i++) {
    const s = season[i - f] ?? 0;
    const xi = x[i] ?? 0;
    const error = xi - (level + trend + s);
    sse += error * error;
    residuals.push(error);
    const nextLevel = alpha * (xi - s) + (1 - alpha) * (level + trend);
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    level = nextLevel;
    season.push(gamma * (xi - level) + (1 - gamma) * s);
  }
  return { level, trend, seasonal: season.slice(season.length - f), residuals, sse };
}

/**
 * Fits additive Holt–Winters to a series with seasons of `frequency` points (12 for months); needs at least
 * two full seasons.
 *
 * @example fitHoltWinters(monthlyValues, 12).alpha // as R's HoltWinters(ts(monthlyValues, frequency = 12))$alpha
 */
export function fitHoltWinters(x: readonly number[], frequency: number): HoltWintersFit {
  if (frequency < 2 || x.length < 2 * frequency) {
    throw new RangeError(`Holt–Winters needs two seasons of ${frequency} points; got ${x.length}`);
  }
  const start = startValues(x, frequency);
  const sse = (p: readonly number[]) => smooth(x, frequency, start, p[0] ?? 0, p[1] ?? 0, p[2] ?? 0).sse;
  const best = minimizeBox(sse, [0.3, 0.1, 0.1], [0, 0, 0], [1, 1, 1]);
  const [alpha = 0, beta = 0, gamma = 0] = best.x;
  const fit = smooth(x, frequency, start, alpha, beta, gamma);
  return { alpha, beta, gamma, frequency, ...fit };
}

export interface ForecastPoint {
  readonly fit: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Forecasts `horizon` periods ahead with a prediction interval, as R's `predict.HoltWinters`: the variance at
 * step h is var(residuals) × (1 + Σⱼ₌₁ʰ⁻¹ ψⱼ²), ψⱼ = α(1 + jβ) + [j mod f = 0] γ(1 − α).
 *
 * @example forecastHoltWinters(fitHoltWinters(monthlyValues, 12), 6, 0.95)[0].fit // next month's forecast
 */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number, level = 0.95): ForecastPoint[] {
  const r = fit.residuals;
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  const variance = r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1);
  const z = normalQuantile((1 + level) / 2, 0, 1);
  const out: ForecastPoint[] = [];
  let psiSquares = 0;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      const psi =
        fit.alpha * (1 + j * fit.beta) + (j % fit.frequency === 0 ? fit.gamma * (1 - fit.alpha) : 0);
      psiSquares += psi * psi;
    }
    const value = fit.level + h * fit.trend + (fit.seasonal[(h - 1) % fit.frequency] ?? 0);
    const half = z * Math.sqrt(variance * (1 + psiSquares));
    out.push({ fit: value, lower: value - half, upper: value + half });
  }
  return out;
}
