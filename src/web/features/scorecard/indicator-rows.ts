/**
 * The scorecard table's rows: each indicator of a perspective with its status, its change since the previous
 * period and since the same period a year before (when the series has them): the change of the actual value,
 * and whether it moved toward the target (the quantified value went up) or away from it; and its actual value
 * over the trend's periods, for the sparkline.
 */

import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { IndicatorStatus } from '../../lib/status.ts';

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
  /** Actual now − actual in the same period a year before; null when either is missing. */
  readonly changeYear: number | null;
  readonly trendYear: Trend;
  /** The actual value in each period of the trend, oldest first (null where there is none). */
  readonly sparkline: readonly (number | null)[];
}

/** What the rows compare with: the same perspective in earlier periods' evaluations. */
export interface PerspectiveHistory {
  readonly yearAgo?: PerspectiveJson | undefined;
  /** The perspective in each period of the trend, oldest first (undefined where that period has no data). */
  readonly trend?: readonly (PerspectiveJson | undefined)[];
}

/**
 * @example indicatorRows(az2016.perspectives[0], az2015.perspectives[0])[0].change // 7.2 − 6.8 = 0.4
 */
export function indicatorRows(
  perspective: PerspectiveJson,
  previous: PerspectiveJson | undefined,
  history: PerspectiveHistory = {},
): IndicatorRow[] {
  const before = byId(previous);
  const yearAgo = byId(history.yearAgo);
  const trend = (history.trend ?? []).map(byId);
  return perspective.indicators.map((indicator) => {
    const earlier = before.get(indicator.id);
    const lastYear = yearAgo.get(indicator.id);
    return {
      key: indicator.id,
      indicator,
      status: indicator.status,
      change: changeOf(indicator, earlier),
      trend: trendOf(indicator, earlier),
      changeYear: changeOf(indicator, lastYear),
      trendYear: trendOf(indicator, lastYear),
      sparkline: trend.map((entries) => entries.get(indicator.id)?.actual ?? null),
    };
  });
}

function byId(perspective: PerspectiveJson | undefined): Map<string, IndicatorJson> {
  return new Map(perspective?.indicators.map((indicator) => [indicator.id, indicator]));
}

function changeOf(now: IndicatorJson, earlier: IndicatorJson | undefined): number | null {
  return now.actual !== null && earlier?.actual !== null && earlier?.actual !== undefined
    ? now.actual - earlier.actual
    : null;
}

function trendOf(now: IndicatorJson, earlier: IndicatorJson | undefined): Trend {
  if (now.quantified === null || earlier === undefined || earlier.quantified === null) return 'unknown';
  // Quantified values are ratios to target: compare them rounded, so float noise does not read as a move.
  const delta = Math.round((now.quantified - earlier.quantified) * 1e9) / 1e9;
  return delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same';
}

/** A period's evaluation in a series; undefined when the series lacks it or it has no data at all. */
export function previousEvaluation(
  series:
    | { readonly items: readonly { readonly period: string; readonly evaluation: EvaluationJson }[] }
    | undefined,
  previousPeriod: string | null,
): EvaluationJson | undefined {
  if (series === undefined || previousPeriod === null) return undefined;
  const item = series.items.find((entry) => entry.period === previousPeriod);
  return item === undefined || item.evaluation.weightCoverage === 0 ? undefined : item.evaluation;
}
