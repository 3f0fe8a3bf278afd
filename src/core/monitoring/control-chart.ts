/**
 * Shewhart control charts with limits from a baseline period: the p-chart for proportions (Laney's p′ when the
 * baseline is over-dispersed), the u-chart for rates (events over exposure) and the XmR (individuals) chart for
 * anything else. The run rules live in control-rules.ts; this file computes the centre line, the 1σ width of
 * every point and the 3σ limits.
 *
 * Sources: Montgomery, "Introduction to Statistical Quality Control", 7th ed., §7.2 (p-chart with variable
 * sample size), §7.3.3 (u-chart), §6.4 (individuals and moving range, d2 = 1.128); Laney D.B. (2002),
 * "Improved control charts for attributes", Quality Engineering 14(4):531–537 (p′); Mohammed M.A., Laney D.
 * (2006), "Overdispersion in health care performance data: Laney's approach", Qual Saf Health Care 15:383–384.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { type ControlSignal, detectSignals } from './control-rules.ts';

export type ControlChartType = 'p' | 'u' | 'xmr';

/** One point of a series: a value, or a count over a denominator (p and u charts). Null: no data. */
export interface ChartInput {
  readonly value: number | null;
  /** Events (p: the numerator; u: the count). */
  readonly count?: number | null;
  /** Cases (p) or exposure (u). */
  readonly denominator?: number | null;
}

/** d2 for moving ranges of two points: E|X₁ − X₂| = 1.128 σ. */
export const D2 = 1.128;
/** The over-dispersion test's level: Laney's p′ is used when the baseline's Pearson χ² has p below it. */
export const OVERDISPERSION_ALPHA = 0.05;
/** Fewer baseline points than this give no limits (status `insufficient-data`). */
export const MIN_BASELINE_POINTS = 6;

export interface ControlChartOptions {
  readonly type: ControlChartType;
  /** How many points, from the first, make the baseline the limits are computed from (default: all). */
  readonly baseline?: number;
  /** Display scale of p and u (a proportion × 100 is a percentage). Default 1. */
  readonly factor?: number;
  /** Laney's adjustment for p and u charts: `auto` (by the over-dispersion test, default), `always`, `never`. */
  readonly laney?: 'auto' | 'always' | 'never';
}

export interface ChartPoint {
  /** The plotted value (× factor for p and u), null without data. */
  readonly value: number | null;
  readonly sigma: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface ControlChart {
  /** `p′`/`u′` are the p and u charts with Laney's σz adjustment. */
  readonly type: ControlChartType | "p'" | "u'";
  readonly centre: number | null;
  readonly baselinePoints: number;
  /** Laney's σz (the spread of the baseline's z-scores by moving range); null for XmR. */
  readonly sigmaZ: number | null;
  /** The baseline's Pearson χ² dispersion test p-value (p and u charts). */
  readonly dispersionP: number | null;
  readonly points: readonly ChartPoint[];
  readonly status: 'in-control' | 'special-cause' | 'insufficient-data';
  readonly signals: readonly ControlSignal[];
}

interface Parts {
  readonly rate: number | null;
  readonly n: number | null;
}

function partsOf(input: ChartInput): Parts {
  const count = input.count ?? null;
  const n = input.denominator ?? null;
  if (count === null || n === null || !(n > 0)) return { rate: null, n: null };
  return { rate: count / n, n };
}

function meanMovingRange(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < present.length; i++) sum += Math.abs((present[i] ?? 0) - (present[i - 1] ?? 0));
  return sum / (present.length - 1);
}

function emptyChart(type: ControlChart['type'], inputs: readonly ChartInput[], baselinePoints: number) {
  return {
    type,
    centre: null,
    baselinePoints,
    sigmaZ: null,
    dispersionP: null,
    points: inputs.map(() => ({ value: null, sigma: null, lower: null, upper: null })),
    status: 'insufficient-data' as const,
    signals: [],
  };
}

function finish(chart: Omit<ControlChart, 'status' | 'signals'>): ControlChart {
  const signals = detectSignals(chart.points, chart.centre ?? 0);
  return { ...chart, status: signals.length > 0 ? 'special-cause' : 'in-control', signals };
}

function xmrChart(inputs: readonly ChartInput[], baseline: number): ControlChart {
  const base = inputs.slice(0, baseline).map((i) => i.value);
  const present = base.filter((v): v is number => v !== null);
  const mr = meanMovingRange(base);
  if (present.length < MIN_BASELINE_POINTS || mr === null) return emptyChart('xmr', inputs, present.length);
  const centre = present.reduce((a, b) => a + b, 0) / present.length;
  const sigma = mr / D2;
  return finish({
    type: 'xmr',
    centre,
    baselinePoints: present.length,
    sigmaZ: null,
    dispersionP: null,
    points: inputs.map((i) => ({
      value: i.value,
      sigma,
      lower: centre - 3 * sigma,
      upper: centre + 3 * sigma,
    })),
  });
}

function attributeChart(
  inputs: readonly ChartInput[],
  options: ControlChartOptions & { readonly type: 'p' | 'u' },
  baseline: number,
): ControlChart {
  const factor = options.factor ?? 1;
  const parts = inputs.map(partsOf);
  const base = parts.slice(0, baseline).filter((p) => p.rate !== null && p.n !== null);
  const type = options.type;
  if (base.length < MIN_BASELINE_POINTS) return emptyChart(type, inputs, base.length);
  const totalCount = base.reduce((a, p) => a + (p.rate ?? 0) * (p.n ?? 0), 0);
  const totalN = base.reduce((a, p) => a + (p.n ?? 0), 0);
  const centre = totalCount / totalN;
  // 1σ of a point with denominator n: binomial for p, Poisson for u.
  const sigmaOf = (n: number) => Math.sqrt(type === 'p' ? (centre * (1 - centre)) / n : centre / n);
  if (!(sigmaOf(1) > 0)) return emptyChart(type, inputs, base.length);
  const z = base.map((p) => ((p.rate ?? 0) - centre) / sigmaOf(p.n ?? 1));
  const pearson = z.reduce((a, v) => a + v * v, 0);
  const dispersionP = 1 - chisquareCdf(pearson, base.length - 1);
  const sigmaZ = (meanMovingRange(z) ?? 0) / D2;
  const laney = options.laney ?? 'auto';
  // Laney's σz only widens limits an over-dispersed baseline makes too narrow; it is not applied to shrink them.
  const useLaney =
    laney === 'always' || (laney === 'auto' && dispersionP < OVERDISPERSION_ALPHA && sigmaZ > 1);
  const scale = useLaney ? sigmaZ : 1;
  const floor = 0;
  const ceiling = type === 'p' ? 1 : Number.POSITIVE_INFINITY;
  return finish({
    type: useLaney ? (type === 'p' ? "p'" : "u'") : type,
    centre: centre * factor,
    baselinePoints: base.length,
    sigmaZ,
    dispersionP,
    points: parts.map((p) => {
      if (p.rate === null || p.n === null) return { value: null, sigma: null, lower: null, upper: null };
      const sigma = sigmaOf(p.n) * scale;
      return {
        value: p.rate * factor,
        sigma: sigma * factor,
        lower: Math.max(floor, centre - 3 * sigma) * factor,
        upper: Math.min(ceiling, centre + 3 * sigma) * factor,
      };
    }),
  });
}

/**
 * A control chart of a series with limits from its first `baseline` points, and its status by the run rules
 * (control-rules.ts). Needs at least six baseline points with data.
 *
 * p: centre p̄ = Σx ÷ Σn over the baseline, limits p̄ ± 3√(p̄(1 − p̄)/nᵢ) clipped to [0, 1]; u: ū = Σc ÷ Σt,
 * limits ū ± 3√(ū/tᵢ), floor 0. When the baseline's Pearson χ² = Σzᵢ² on k − 1 degrees of freedom has
 * p < 0.05 (over-dispersion) and Laney's σz (mean moving range of the zᵢ ÷ 1.128) exceeds 1, the limits are
 * widened by σz (p′, u′). XmR: centre the baseline mean, limits ± 2.66 × mean moving range (3 × MR̄ ÷ 1.128).
 *
 * @example
 * controlChart([3, 5, 4, 6, 5, 4, 12].map((v) => ({ value: v })), { type: 'xmr', baseline: 6 })
 * // centre 4.5, MR̄ 1.4, upper 4.5 + 3 × 1.4 / 1.128 = 8.223; status 'special-cause', rule 'beyond-limits' at 6
 */
export function controlChart(inputs: readonly ChartInput[], options: ControlChartOptions): ControlChart {
  const baseline = Math.min(inputs.length, options.baseline ?? inputs.length);
  if (options.type === 'xmr') return xmrChart(inputs, baseline);
  return attributeChart(inputs, { ...options, type: options.type }, baseline);
}
