/**
 * Cost-effectiveness between a study's windows: the incremental cost-effectiveness ratio
 * ICER = Δ cost ÷ Δ effect (Drummond et al., 2015, "Methods for the Economic Evaluation of Health Care
 * Programmes", 4th ed., ch. 4), with a percentile bootstrap interval that resamples the months of each window
 * (the same months for cost and effect, so their correlation is kept), from a seeded generator so that a study
 * gives the same interval every time.
 */
import type { StudyIcer } from '../contracts/studies.ts';
import { createMulberry32 } from '../random/prng.ts';
import { monthValue, type StudyCell, type ValueParts } from './analyse-study.ts';
import type { IndicatorShape } from './choose-test.ts';
import type { StudyTimeline } from './windows.ts';

/**
 * A window's value from the parts of some of its months: Σ numerators ÷ Σ denominators × factor over the months
 * that have both (a ratio), the sum of the months (a count), or their mean (a level).
 *
 * @example windowValue([{ numerator: 1, denominator: 4 }, { numerator: 3, denominator: 4 }], ratioShape) // 50 (factor 100)
 */
export function windowValue(months: readonly ValueParts[], shape: IndicatorShape): number | null {
  if (shape.combine === 'ratio') {
    let num = 0;
    let den = 0;
    for (const m of months) {
      if (m.numerator === null || m.denominator === null) continue;
      num += m.numerator;
      den += m.denominator;
    }
    return den === 0 ? null : (num / den) * shape.factor;
  }
  const values = months.map((m) => monthValue(m, shape)).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return shape.combine === 'sum' ? sum : sum / values.length;
}

function quantile(sorted: readonly number[], q: number): number {
  // R's default (type 7): linear between the order statistics.
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/**
 * The ICER of `cost` against `effect` for one unit, with its bootstrap interval at `level`.
 *
 * @example
 * studyIcer(costCell, effectCell, timeline, { level: 0.95, replicates: 2000, seed: 1 })
 * // { cost: 'outpatient_cost_per_visit', effect: 'county_visit_rate', deltaCost: -46.68, deltaEffect: 21.39, icer: -2.18, ci: […], … }
 */
export function studyIcer(
  cost: StudyCell,
  effect: StudyCell,
  timeline: StudyTimeline,
  options: { readonly level: number; readonly replicates: number; readonly seed: number },
): StudyIcer {
  const delta = (cell: StudyCell) =>
    cell.baseline.value === null || cell.followUp.value === null
      ? null
      : cell.followUp.value - cell.baseline.value;
  const deltaCost = delta(cost);
  const deltaEffect = delta(effect);
  const icer =
    deltaCost === null || deltaEffect === null || deltaEffect === 0 ? null : deltaCost / deltaEffect;
  const base = {
    cost: cost.indicator,
    effect: effect.indicator,
    unit: cost.unit,
    deltaCost,
    deltaEffect,
    icer,
  };
  if (icer === null) return { ...base, ci: null, replicates: 0 };
  const followStart = timeline.months.indexOf(timeline.followUp[0] ?? '');
  const windows = [
    { start: 0, length: timeline.baseline.length },
    { start: followStart, length: timeline.followUp.length },
  ];
  const random = createMulberry32(options.seed);
  const draws: number[] = [];
  for (let r = 0; r < options.replicates; r++) {
    const picked = windows.map(({ start, length }) =>
      Array.from({ length }, () => start + Math.floor(random() * length)),
    );
    const resampled = (cell: StudyCell, which: number) =>
      windowValue(
        (picked[which] ?? []).map((i) => cell.months[i] ?? { numerator: null, denominator: null }),
        cell.shape,
      );
    const [c0, c1, e0, e1] = [
      resampled(cost, 0),
      resampled(cost, 1),
      resampled(effect, 0),
      resampled(effect, 1),
    ];
    if (c0 === null || c1 === null || e0 === null || e1 === null || e1 === e0) continue;
    draws.push((c1 - c0) / (e1 - e0));
  }
  if (draws.length < 2) return { ...base, ci: null, replicates: draws.length };
  draws.sort((a, b) => a - b);
  const alpha = (1 - options.level) / 2;
  return { ...base, ci: [quantile(draws, alpha), quantile(draws, 1 - alpha)], replicates: draws.length };
}
