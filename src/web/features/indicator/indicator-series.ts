/**
 * One indicator pulled out of the scorecard's evaluations: where it sits (its perspective), its values period by
 * period (the data table and the time series), and its value in each child unit (the comparison). The API
 * evaluates whole scorecards; these pure functions pick the one indicator out of them.
 */

import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { SeriesJson } from '../../lib/api/series.ts';
import type { IndicatorStatus } from '../../lib/status.ts';

export type PerspectiveJson = EvaluationJson['perspectives'][number];
export type IndicatorJson = PerspectiveJson['indicators'][number];

/** The scheme's direction as `GET /api/indicators` sends it (core/scorecard/scorecard-schema.ts). */
export type DirectionJson = 'higher' | 'lower' | { readonly band: readonly [number, number] };

export interface FoundIndicator {
  readonly perspective: PerspectiveJson;
  readonly indicator: IndicatorJson;
}

/**
 * The indicator with this id and its perspective; null when the scorecard has no such indicator.
 *
 * @example findIndicator(az2016, 'F1')?.perspective.id // 'F'
 */
export function findIndicator(evaluation: EvaluationJson, id: string): FoundIndicator | null {
  for (const perspective of evaluation.perspectives) {
    const indicator = perspective.indicators.find((candidate) => candidate.id === id);
    if (indicator !== undefined) return { perspective, indicator };
  }
  return null;
}

/** The on-target band [lower, upper] of a band direction; null for higher or lower. */
export function bandOf(direction: DirectionJson | undefined): readonly [number, number] | null {
  return direction !== undefined && typeof direction === 'object' ? direction.band : null;
}

export interface PeriodRow {
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly reference: number | null;
  readonly quantified: number | null;
  /** 100 × weight × quantified: the indicator's points in its perspective. */
  readonly score: number | null;
  readonly status: IndicatorStatus;
}

/**
 * The indicator's row in each period of a series, in the series' order; a period whose evaluation lacks the
 * indicator (a scorecard changed meanwhile) has no values.
 *
 * @example periodRows(series, 'F1').map((row) => row.period) // ['2012', …, '2016']
 */
export function periodRows(series: SeriesJson, id: string): PeriodRow[] {
  return series.items.map((item) => {
    const indicator = findIndicator(item.evaluation, id)?.indicator;
    return {
      period: item.period,
      actual: indicator?.actual ?? null,
      target: indicator?.target ?? null,
      reference: indicator?.reference ?? null,
      quantified: indicator?.quantified ?? null,
      score: indicator?.score ?? null,
      status: indicator?.status ?? 'no-data',
    };
  });
}

/** Whether any period of the series has an actual value (else the chart and table show the empty state). */
export function hasAnyActual(rows: readonly PeriodRow[]): boolean {
  return rows.some((row) => row.actual !== null);
}

export interface ChildValue {
  readonly orgUnit: string;
  readonly name: { readonly en: string; readonly zh?: string | undefined };
  /** `head` or `branch` in a medical group; null otherwise. */
  readonly role: string | null;
  readonly actual: number | null;
  readonly target: number | null;
  readonly quantified: number | null;
  readonly status: IndicatorStatus;
}

/**
 * Each child unit's value of the indicator, best first: by quantified value (1 = on target, so this is
 * "closest to target" whatever the direction), then by actual value in the indicator's better direction;
 * units without a value last, then by code.
 *
 * @example childValues(ranking.items, 'outpatient_cost_per_visit', 'lower')[0].orgUnit // the unit on target with the lowest cost
 */
export function childValues(
  items: readonly {
    readonly orgUnit: string;
    readonly name: { readonly en: string; readonly zh?: string | undefined };
    readonly role: string | null;
    readonly evaluation: EvaluationJson;
  }[],
  id: string,
  direction: DirectionJson | undefined,
): ChildValue[] {
  const values = items.map((item) => {
    const indicator = findIndicator(item.evaluation, id)?.indicator;
    return {
      orgUnit: item.orgUnit,
      name: item.name,
      role: item.role,
      actual: indicator?.actual ?? null,
      target: indicator?.target ?? null,
      quantified: indicator?.quantified ?? null,
      status: indicator?.status ?? 'no-data',
    };
  });
  const sign = direction === 'lower' ? 1 : -1;
  return values.sort(
    (a, b) =>
      compareNullsLast(a.quantified, b.quantified, -1) ||
      compareNullsLast(a.actual, b.actual, sign) ||
      a.orgUnit.localeCompare(b.orgUnit),
  );
}

/** `sign` −1 sorts descending, 1 ascending; null always last. */
function compareNullsLast(a: number | null, b: number | null, sign: 1 | -1): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return sign * (a - b);
}
