/**
 * An indicator's traffic-light status, from its quantified value (actual against target, 1 = target met):
 * `met` at the `met` threshold and above, `watch` from the `watch` threshold, `off-track` below it, `no-data`
 * without a quantified value. The scorecard table, the heatmap, alerts, reports and rankings all read it from
 * the evaluation, so they always agree.
 *
 * The defaults are the web issue's red/amber/green rule (green when the target is met, amber within 10 % of it);
 * a scorecard may set its own for the whole scheme and override them per indicator.
 */
import { badRequest } from '../errors/problem.ts';

export type IndicatorStatus = 'met' | 'watch' | 'off-track' | 'no-data';

export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['met', 'watch', 'off-track', 'no-data'];

export interface StatusThresholds {
  /** Quantified value from which the target counts as met. */
  readonly met: number;
  /** Quantified value from which an indicator below `met` is to be watched; below it, off track. */
  readonly watch: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { met: 1, watch: 0.9 };

/**
 * @example statusOf(1) // 'met'
 * @example statusOf(0.9) // 'watch'
 * @example statusOf(0.8) // 'off-track'
 * @example statusOf(0.8, { met: 0.95, watch: 0.8 }) // 'watch'
 * @example statusOf(null) // 'no-data'
 */
export function statusOf(
  quantified: number | null | undefined,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): IndicatorStatus {
  if (typeof quantified !== 'number' || !Number.isFinite(quantified)) return 'no-data';
  if (quantified >= thresholds.met) return 'met';
  if (quantified >= thresholds.watch) return 'watch';
  return 'off-track';
}

/**
 * Checks a pair of thresholds: both finite, `watch` ≤ `met`.
 *
 * @example validateStatusThresholds({ met: 1, watch: 0.9 }) // passes
 */
export function validateStatusThresholds(
  thresholds: StatusThresholds,
  path: readonly (string | number)[] = [],
): void {
  if (
    !Number.isFinite(thresholds.met) ||
    !Number.isFinite(thresholds.watch) ||
    thresholds.watch > thresholds.met
  ) {
    throw badRequest('scoring.status-thresholds', { met: thresholds.met, watch: thresholds.watch }, path);
  }
}
