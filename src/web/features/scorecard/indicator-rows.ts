/**
 * The scorecard table's rows: each indicator of a perspective with its status and its change since the previous
 * period (when the series has that period): the change of the actual value, and whether it moved toward the
 * target (the quantified value went up) or away from it.
 */
import type { EvaluationJson } from '../../lib/api/use-evaluation.ts';
import { type IndicatorStatus, statusOf } from '../../lib/status.ts';

type PerspectiveJson = EvaluationJson['perspectives'][number];
type IndicatorJson = PerspectiveJson['indicators'][number];

export type Trend = 'better' | 'worse' | 'same' | 'unknown';

export interface IndicatorRow {
  readonly key: string;
  readonly indicator: IndicatorJson;
  readonly status: IndicatorStatus;
  /** Actual now − actual in the previous period; null when either is missing. */
  readonly change: number | null;
  readonly trend: Trend;
}

/**
 * @example indicatorRows(az2016.perspectives[0], az2015.perspectives[0])[0].change // 7.2 − 6.8 = 0.4
 */
export function indicatorRows(
  perspective: PerspectiveJson,
  previous: PerspectiveJson | undefined,
): IndicatorRow[] {
  const before = new Map(previous?.indicators.map((indicator) => [indicator.id, indicator]));
  return perspective.indicators.map((indicator) => {
    const earlier = before.get(indicator.id);
    const change =
      indicator.actual !== null && earlier?.actual !== null && earlier?.actual !== undefined
        ? indicator.actual - earlier.actual
        : null;
    return {
      key: indicator.id,
      indicator,
      status: statusOf(indicator.quantified),
      change,
      trend: trendOf(indicator, earlier),
    };
  });
}

function trendOf(now: IndicatorJson, earlier: IndicatorJson | undefined): Trend {
  if (now.quantified === null || earlier === undefined || earlier.quantified === null) return 'unknown';
  // Quantified values are ratios to target: compare them rounded, so float noise does not read as a move.
  const delta = Math.round((now.quantified - earlier.quantified) * 1e9) / 1e9;
  return delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same';
}

/** The previous period's evaluation in a two-item series (previous, selected); undefined when there is none. */
export function previousEvaluation(
  series:
    | { readonly items: readonly { readonly period: string; readonly evaluation: EvaluationJson }[] }
    | undefined,
  previousPeriod: string | null,
): EvaluationJson | undefined {
  if (series === undefined || previousPeriod === null) return undefined;
  const item = series.items.find((entry) => entry.period === previousPeriod);
  return item === undefined || item.evaluation.coverage === 0 ? undefined : item.evaluation;
}
