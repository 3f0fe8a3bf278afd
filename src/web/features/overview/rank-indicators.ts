/**
 * The overview's best and worst indicators: by quantified value (actual against target, 1 = target met), ties
 * broken by global weight (the indicator that counts more comes first), indicators without a value left out.
 */
import type { EvaluationJson } from '../../lib/api/evaluations.ts';

export type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

export interface RankedIndicator {
  readonly indicator: IndicatorJson;
  readonly perspective: EvaluationJson['perspectives'][number];
  readonly quantified: number;
}

/**
 * The `count` best and the `count` worst; an indicator is never in both (with fewer than 2 × count
 * indicators, the worst list is shorter).
 *
 * @example rankIndicators(azHospital2016, 5).worst[0].indicator.id // 'C2' (quantified 0.625, seed 002)
 */
export function rankIndicators(
  evaluation: EvaluationJson,
  count: number,
): { best: RankedIndicator[]; worst: RankedIndicator[] } {
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
  const best = [...all].sort((a, b) => b.quantified - a.quantified || byWeight(a, b)).slice(0, count);
  const chosen = new Set(best.map((entry) => entry.indicator.id));
  const worst = [...all]
    .sort((a, b) => a.quantified - b.quantified || byWeight(a, b))
    .filter((entry) => !chosen.has(entry.indicator.id))
    .slice(0, count);
  return { best, worst };
}
