/**
 * "Explain this score" (issue 5): how one indicator of one evaluation got its number — the formula and the
 * data-element values it read, the numerator and denominator of a ratio, which target row applied and for which
 * period, the weights and the scoring method with its parameters. Pure: the evaluation engine hands it the same
 * inputs `evaluateScorecard` used, so every figure here is the one the scorecard shows.
 */
import { evaluateFormula, periodOffsetKey, periodOffsets } from '../formula/index.ts';
import type { Direction, LocalizedText } from '../indicators/indicator.ts';
import { shiftPeriod } from '../periods/index.ts';
import { resolveCap } from '../scoring/scoring-method.ts';
import type { TargetRow, TargetTrace } from '../targets/index.ts';
import type { CompiledIndicator, CompiledScorecard } from './compile-scorecard.ts';
import type {
  EvaluationInputs,
  IndicatorEvaluation,
  IndicatorUnitCoverage,
  ScorecardEvaluation,
} from './evaluate-scorecard.ts';
import type { DataElementFile, UnitOfMeasure } from './scorecard-schema.ts';

/** One data element a formula reads, with the value the engine aggregated for the unit and period. */
export interface ExplainedInput {
  readonly code: string;
  readonly name: LocalizedText;
  readonly aggregation: 'sum' | 'average';
  readonly timeAggregation: DataElementFile['timeAggregation'];
  readonly value: number | null;
  /**
   * For an earlier-period read (`code.periodOffset(n)`): `n`, and the period read; `code` is then the read as
   * written in braces (`{code}.periodOffset(-1)`), so each input has its own key.
   */
  readonly offset?: number;
  readonly period?: string;
}

/** The formula as written, and its parts' values. */
export interface ExplainedFormula {
  /** `none`: no formula (a reported-only or qualitative indicator). */
  readonly type: 'expression' | 'ratio' | 'none';
  /** The human-readable formula text of the scorecard file, when it has one. */
  readonly text: string | null;
  readonly expression: string | null;
  readonly numerator: string | null;
  readonly denominator: string | null;
  readonly factor: number | null;
  readonly numeratorValue: number | null;
  readonly denominatorValue: number | null;
  /** What the formula gives on the inputs (null on a missing input or a zero denominator). */
  readonly value: number | null;
  readonly inputs: readonly ExplainedInput[];
}

/** Where the target came from: the stored target row that applied, or none. */
export interface ExplainedTarget {
  readonly value: number | null;
  readonly reference: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly origin: 'stored' | 'none';
  /** The row's scope: every unit, one org unit, a group of units, or a level of the tree. */
  readonly scope: 'all' | 'org-unit' | 'group' | 'level' | null;
  /** The period the row was set for (the evaluated period, or the quarter or year containing it). */
  readonly period: string | null;
  /** The periods looked at, most specific first, up to the one that had a row. */
  readonly periodsTried: readonly string[];
  /** True when the row is a quarter's or year's target applied to a shorter period. */
  readonly fallback: boolean;
  /** The row's free-text source (a guideline, a board decision), as stored. */
  readonly source: string | null;
}

/** The scoring method and every parameter it used. */
export interface ExplainedScoring {
  readonly method: IndicatorEvaluation['method'];
  readonly direction: Direction['kind'];
  /** The on-target band of a band indicator; `bandFrom` says whether the unit's target row set it. */
  readonly band: { readonly lower: number; readonly upper: number } | null;
  readonly bandFrom: 'scorecard' | 'target' | null;
  /** Upper bound of the quantified value (ratio, linear); null means none. */
  readonly cap: number | null;
  readonly floor: number | null;
  readonly tolerance: number | null;
  readonly rules: readonly {
    readonly min: number | null;
    readonly max: number | null;
    readonly score: number;
  }[];
}

export interface IndicatorExplanation {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: IndicatorEvaluation['kind'];
  readonly unit: UnitOfMeasure | null;
  readonly decimals: number;
  readonly perspective: { readonly id: string; readonly name: LocalizedText; readonly weight: number };
  readonly formula: ExplainedFormula;
  readonly actual: number | null;
  readonly actualSource: IndicatorEvaluation['actualSource'];
  readonly raters: number | null;
  readonly target: ExplainedTarget;
  readonly weight: {
    readonly local: number;
    readonly global: number;
    /** How the perspective's indicator weights were set. */
    readonly method: 'manual' | 'ahp';
  };
  readonly scoring: ExplainedScoring;
  readonly quantified: number | null;
  readonly score: number | null;
  readonly reason: string | null;
  /** Which units a rolled-up ratio rests on; null for a unit's own values. */
  readonly unitCoverage: IndicatorUnitCoverage | null;
}

export interface ExplainIndicatorArgs {
  readonly scorecard: CompiledScorecard;
  readonly evaluation: ScorecardEvaluation;
  readonly inputs: EvaluationInputs;
  readonly indicatorId: string;
  /** The target resolution for this indicator, unit and period (`TargetIndex.trace`). */
  readonly target: TargetTrace;
  readonly period: string;
}

/**
 * Explains one indicator of an evaluation, or returns null when the scorecard has no such indicator.
 *
 * @example explainIndicator({ scorecard, evaluation, inputs, indicatorId: 'OCC', target, period: '2024-03' })
 *   ?.formula.numeratorValue // Σ occupied bed days of the unit's subtree over March
 */
export function explainIndicator(args: ExplainIndicatorArgs): IndicatorExplanation | null {
  const perspective = args.scorecard.perspectives.find((p) =>
    p.indicators.some((i) => i.id === args.indicatorId),
  );
  const indicator = perspective?.indicators.find((i) => i.id === args.indicatorId);
  const result = args.evaluation.perspectives
    .flatMap((p) => p.indicators)
    .find((i) => i.id === args.indicatorId);
  if (!perspective || !indicator || !result) return null;
  return {
    id: indicator.id,
    name: indicator.name,
    kind: indicator.kind,
    unit: indicator.unit ?? null,
    decimals: indicator.decimals,
    perspective: { id: perspective.id, name: perspective.name, weight: perspective.weight },
    // The values the evaluation used: an indicator's pairwise roll-up where it has one.
    formula: explainFormula(
      indicator,
      args.scorecard,
      args.inputs.indicatorData?.get(indicator.id) ?? args.inputs.data,
      args.period,
    ),
    actual: result.actual,
    actualSource: result.actualSource,
    raters: result.raters ?? null,
    target: explainTarget(args.target, args.period, result),
    weight: {
      local: indicator.weight,
      global: indicator.globalWeight,
      method: perspective.indicatorWeights.source,
    },
    scoring: explainScoring(indicator, result.direction, args.target.row),
    quantified: result.quantified,
    score: result.score,
    reason: result.reason ?? null,
    unitCoverage: result.unitCoverage ?? null,
  };
}

/** The formula's parts evaluated on the same data-element values `computeIndicatorValue` reads. */
function explainFormula(
  indicator: CompiledIndicator,
  scorecard: CompiledScorecard,
  data: ReadonlyMap<string, number | null>,
  period: string,
): ExplainedFormula {
  const lookup = (code: string): number | null => data.get(code) ?? null;
  const formula = indicator.formula;
  const base = { text: indicator.formulaText ?? null };
  if (!formula) {
    return {
      ...base,
      type: 'none',
      expression: null,
      numerator: null,
      denominator: null,
      factor: null,
      numeratorValue: null,
      denominatorValue: null,
      value: null,
      inputs: [],
    };
  }
  const parts =
    formula.type === 'expression' ? [formula.expression] : [formula.numerator, formula.denominator];
  const codes = [...new Set(parts.flatMap((p) => p.references))];
  const describe = (code: string) => {
    const element = scorecard.dataElements.find((d) => d.code === code);
    return {
      name: element?.name ?? { en: code },
      aggregation: element?.aggregation ?? 'sum',
      timeAggregation: element?.timeAggregation ?? 'sum',
    };
  };
  const current = codes.map((code): ExplainedInput => ({ code, ...describe(code), value: lookup(code) }));
  // Earlier periods read with `.periodOffset(n)`: listed after the current ones, each with the period it read.
  const offsets = [
    ...new Map(
      parts.flatMap((p) => periodOffsets(p.ast)).map((r) => [periodOffsetKey(r.code, r.offset), r]),
    ).entries(),
  ];
  const earlier = offsets.map(
    ([key, read]): ExplainedInput => ({
      code: key,
      ...describe(read.code),
      value: lookup(key),
      offset: read.offset,
      period: shiftedPeriod(period, read.offset),
    }),
  );
  const inputs = [...current, ...earlier];
  if (formula.type === 'expression') {
    return {
      ...base,
      type: 'expression',
      expression: formula.expression.source,
      numerator: null,
      denominator: null,
      factor: null,
      numeratorValue: null,
      denominatorValue: null,
      value: evaluateFormula(formula.expression, lookup),
      inputs,
    };
  }
  const numeratorValue = evaluateFormula(formula.numerator, lookup);
  const denominatorValue = evaluateFormula(formula.denominator, lookup);
  const ratio =
    numeratorValue === null || denominatorValue === null || denominatorValue === 0
      ? null
      : (numeratorValue / denominatorValue) * formula.factor;
  return {
    ...base,
    type: 'ratio',
    expression: null,
    numerator: formula.numerator.source,
    denominator: formula.denominator.source,
    factor: formula.factor,
    numeratorValue,
    denominatorValue,
    value: ratio !== null && Number.isFinite(ratio) ? ratio : null,
    inputs,
  };
}

/** `period` moved by `offset` periods of its own type; the period itself when that leaves the calendar. */
function shiftedPeriod(period: string, offset: number): string {
  try {
    return shiftPeriod(period, offset);
  } catch {
    return period;
  }
}

function explainTarget(trace: TargetTrace, period: string, result: IndicatorEvaluation): ExplainedTarget {
  const row = trace.row;
  return {
    value: result.target,
    reference: result.reference,
    lower: row?.lower ?? null,
    upper: row?.upper ?? null,
    origin: row ? 'stored' : 'none',
    scope: row ? scopeOf(row) : null,
    period: row?.periodId ?? null,
    periodsTried: trace.periods,
    fallback: row !== null && row.periodId !== period,
    source: row?.source ?? null,
  };
}

/** The kind of scope a target row was set for (at most one of its scope columns is set). */
export function scopeOf(row: TargetRow): 'all' | 'org-unit' | 'group' | 'level' {
  if (row.orgUnitId !== null) return 'org-unit';
  if (row.groupId !== null) return 'group';
  if (row.level !== null) return 'level';
  return 'all';
}

function explainScoring(
  indicator: CompiledIndicator,
  direction: Direction,
  row: TargetRow | null,
): ExplainedScoring {
  const method = indicator.scoring;
  const fromTarget =
    indicator.direction.kind === 'band' && row !== null && row.lower !== null && row.upper !== null;
  return {
    method: method.method,
    direction: direction.kind,
    band: direction.kind === 'band' ? { lower: direction.lower, upper: direction.upper } : null,
    bandFrom: direction.kind === 'band' ? (fromTarget ? 'target' : 'scorecard') : null,
    cap: method.method === 'ratio' || method.method === 'linear' ? resolveCap(method.cap) : null,
    floor: method.method === 'linear' ? method.floor : null,
    tolerance: method.method === 'band' ? method.tolerance : null,
    rules:
      method.method === 'thresholds'
        ? method.rules.map((r) => ({ min: r.min ?? null, max: r.max ?? null, score: r.score }))
        : [],
  };
}
