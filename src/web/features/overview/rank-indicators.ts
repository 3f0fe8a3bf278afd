/**
 * The overview's best indicators and those needing attention: by quantified value (actual against target, 1 =
 * target met), ties broken by global weight (the indicator that counts more comes first), indicators without a
 * value left out. Only an indicator off track or on watch (its status from the API) needs attention (issue 17:
 * the list named on-target items), and such an indicator is never among the best.
 */
import type { EvaluationJson } from '../../lib/api/evaluations.ts';

export type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

export interface RankedIndicator {
  readonly indicator: IndicatorJson;
  readonly perspective: EvaluationJson['perspectives'][number];
  readonly quantified: number;
}

/**
 * The `count` best (not off track, not on watch) and the `count` needing attention (off track or on watch), worst
 * first; `withValue` counts the indicators that have a value, so that an empty list can say why it is empty.
 *
 * @example rankIndicators(azHospital2016, 5).worst[0].indicator.id // 'C2' (quantified 0.625, seed 002)
 */
export function rankIndicators(
  evaluation: EvaluationJson,
  count: number,
): { best: RankedIndicator[]; worst: RankedIndicator[]; withValue: number } {
  const all: RankedIndicator[] = [];
  for (const perspective of evaluation.perspectives) {
    for (const indicator of perspective.indicators) {
      if (indicator.quantified !== null && Number.isFinite(indicator.quantified)) {
        all.push({ indicator, perspective, quantified: indicator.quantified });
      }
    }
  }
  const byWeight = (a: RankedIndicator, b: RankedIndicator) =>
    b.indicator.globalWeight - a.indicator.globalWeight;
  const needsAttention = (entry: RankedIndicator) => ATTENTION.has(entry.indicator.status);
  const best = all
    .filter((entry) => !needsAttention(entry))
    .sort((a, b) => b.quantified - a.quantified || byWeight(a, b))
    .slice(0, count);
  const worst = all
    .filter(needsAttention)
    .sort((a, b) => a.quantified - b.quantified || byWeight(a, b))
    .slice(0, count);
  return { best, worst, withValue: all.length };
}

const ATTENTION: ReadonlySet<IndicatorJson['status']> = new Set(['off-track', 'watch']);
