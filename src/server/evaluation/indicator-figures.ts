/**
 * Each indicator's figure of one evaluation with the parts of its ratio (numerator, denominator, factor) on the
 * same data-element values the evaluation read (its pairwise roll-up where it has one): what control charts
 * and funnel plots need beyond the evaluation's JSON (server/monitoring).
 */
import { evaluateFormula } from '../../core/formula/index.ts';
import type { Direction, LocalizedText } from '../../core/indicators/indicator.ts';
import {
  type CompiledScorecard,
  type EvaluationInputs,
  isVolumeIndicator,
  type ScorecardEvaluation,
} from '../../core/scorecard/index.ts';

export interface IndicatorFigure {
  readonly id: string;
  readonly name: LocalizedText;
  readonly decimals: number;
  readonly statistic: 'proportion' | 'rate' | 'mean' | null;
  readonly direction: Direction;
  /** A volume sums over months (its year is the sum of its months); anything else is a level or a rate. */
  readonly volume: boolean;
  readonly actual: number | null;
  readonly target: number | null;
  /** The ratio's parts; null for an expression or on missing data. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly factor: number;
}

/** The figures of every indicator of a scorecard's evaluation. */
export function indicatorFigures(
  scorecard: CompiledScorecard,
  evaluation: ScorecardEvaluation,
  inputs: EvaluationInputs,
  elements: ReadonlyMap<string, { readonly timeAggregation: string }>,
): IndicatorFigure[] {
  const results = new Map(evaluation.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, i]));
  return scorecard.perspectives.flatMap((p) =>
    p.indicators.map((indicator) => {
      const result = results.get(indicator.id);
      const data = inputs.indicatorData?.get(indicator.id) ?? inputs.data;
      const lookup = (code: string): number | null => data.get(code) ?? null;
      const formula = indicator.formula;
      const ratio = formula?.type === 'ratio';
      return {
        id: indicator.id,
        name: indicator.name,
        decimals: indicator.decimals,
        statistic: indicator.statistic ?? null,
        direction: result?.direction ?? indicator.direction,
        volume: isVolumeIndicator(indicator, elements),
        actual: result?.actual ?? null,
        target: result?.target ?? null,
        numerator: ratio ? evaluateFormula(formula.numerator, lookup) : null,
        denominator: ratio ? evaluateFormula(formula.denominator, lookup) : null,
        factor: ratio ? formula.factor : 1,
      };
    }),
  );
}
