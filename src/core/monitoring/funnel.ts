/**
 * Funnel plots for comparing units with their peers: each unit's proportion (or rate) against its denominator,
 * with 95 % and 99.8 % control limits around the group's figure, drawn as a function of the denominator.
 *
 * Limits are exact, as Spiegelhalter D.J. (2005), "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24:1185–1202, Appendix A.1.1 gives them: for a probability p the p-quantile r of the
 * binomial (n, θ) — or the Poisson (θn) for a rate — is interpolated between the discrete steps,
 * α = (F(r) − p) ÷ (F(r) − F(r − 1)), and the limit is (r − α) ÷ n. This keeps the limits smooth in n and
 * correct for small denominators, where the normal approximation θ ± z√(θ(1 − θ)/n) is not.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { poissonCdf } from '../stats/poisson-cdf.ts';

export type FunnelKind = 'proportion' | 'rate';

export interface FunnelUnit {
  readonly id: string;
  /** Events (numerator). */
  readonly count: number;
  /** Cases (proportion) or exposure (rate); units with none are left out. */
  readonly denominator: number;
}

export type FunnelBand = 'below-99.8' | 'below-95' | 'within' | 'above-95' | 'above-99.8';

export interface FunnelLimits {
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelPoint extends FunnelUnit {
  /** count ÷ denominator × factor. */
  readonly value: number;
  readonly limits: FunnelLimits;
  readonly band: FunnelBand;
  /** The share (0–100) of the other units whose figure is lower, ties counting half; null for a lone unit. */
  readonly percentile: number | null;
}

export interface Funnel {
  readonly kind: FunnelKind;
  /** The group's figure Σ counts ÷ Σ denominators × factor; null when no unit has a denominator. */
  readonly target: number | null;
  readonly units: readonly FunnelPoint[];
  /** The limits along the denominator axis, from the smallest denominator to the largest, for drawing. */
  readonly curve: readonly ({ readonly denominator: number } & FunnelLimits)[];
}

/** Smallest r with F(r) ≥ p, searched from the normal approximation. */
function discreteQuantile(cdf: (r: number) => number, p: number, mean: number, sd: number): number {
  let r = Math.max(0, Math.floor(mean + normalQuantile(p, 0, 1) * sd));
  while (r > 0 && cdf(r - 1) >= p) r--;
  while (cdf(r) < p) r++;
  return r;
}

/**
 * The exact funnel limit for probability p at denominator n around θ (Spiegelhalter 2005, Appendix A.1.1),
 * as a proportion (or rate per unit of exposure).
 *
 * @example funnelLimit('proportion', 0.1, 100, 0.975) // 0.16…, the upper 95 % limit of 10 % at n = 100
 */
export function funnelLimit(kind: FunnelKind, theta: number, n: number, p: number): number {
  if (kind === 'proportion') {
    // The binomial needs a whole number of trials: a curve's in-between denominators are rounded.
    const m = Math.max(1, Math.round(n));
    const cdf = (r: number) => (r < 0 ? 0 : binomialCdf(r, m, theta));
    const r = discreteQuantile(cdf, p, m * theta, Math.sqrt(m * theta * (1 - theta)));
    const alpha = (cdf(r) - p) / (cdf(r) - cdf(r - 1));
    return Math.min(1, Math.max(0, (r - alpha) / m));
  }
  const lambda = theta * n;
  const cdf = (r: number) => (r < 0 ? 0 : poissonCdf(r, lambda));
  const r = discreteQuantile(cdf, p, lambda, Math.sqrt(lambda));
  const alpha = (cdf(r) - p) / (cdf(r) - cdf(r - 1));
  return Math.max(0, (r - alpha) / n);
}

function limitsAt(kind: FunnelKind, theta: number, n: number, factor: number): FunnelLimits {
  const at = (p: number) => funnelLimit(kind, theta, n, p) * factor;
  return { lower95: at(0.025), upper95: at(0.975), lower998: at(0.001), upper998: at(0.999) };
}

function bandOf(value: number, l: FunnelLimits): FunnelBand {
  if (value > l.upper998) return 'above-99.8';
  if (value > l.upper95) return 'above-95';
  if (value < l.lower998) return 'below-99.8';
  if (value < l.lower95) return 'below-95';
  return 'within';
}

/** How many points the drawn curve has. */
const CURVE_POINTS = 40;

/**
 * A funnel plot of units around their group's figure θ = Σ counts ÷ Σ denominators: each unit's figure, its
 * limits at its own denominator, the band it falls in and its percentile among the others; and the curve.
 *
 * @example
 * funnelPlot([{ id: 'A', count: 30, denominator: 100 }, { id: 'B', count: 10, denominator: 100 }], 'proportion')
 * // target 0.2; A (0.3) is 'above-95' (upper 95 % limit 0.28), B (0.1) 'below-95'
 */
export function funnelPlot(units: readonly FunnelUnit[], kind: FunnelKind, factor = 1): Funnel {
  const counted = units.filter((u) => u.denominator > 0);
  const total = counted.reduce((a, u) => a + u.denominator, 0);
  if (counted.length === 0 || !(total > 0)) return { kind, target: null, units: [], curve: [] };
  const theta = counted.reduce((a, u) => a + u.count, 0) / total;
  const values = counted.map((u) => (u.count / u.denominator) * factor);
  const points = counted.map((u, i) => {
    const value = values[i] ?? 0;
    const limits = limitsAt(kind, theta, u.denominator, factor);
    const lower = values.filter((v) => v < value).length;
    const same = values.filter((v) => v === value).length - 1;
    return {
      ...u,
      value,
      limits,
      band: bandOf(value, limits),
      percentile: counted.length > 1 ? (100 * (lower + same / 2)) / (counted.length - 1) : null,
    };
  });
  const smallest = Math.min(...counted.map((u) => u.denominator));
  const largest = Math.max(...counted.map((u) => u.denominator));
  const curve = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    // Evenly spaced on a log scale: the funnel narrows fastest at small denominators.
    const n = smallest === largest ? smallest : smallest * (largest / smallest) ** (i / (CURVE_POINTS - 1));
    curve.push({ denominator: n, ...limitsAt(kind, theta, n, factor) });
    if (smallest === largest) break;
  }
  return { kind, target: theta * factor, units: points, curve };
}
