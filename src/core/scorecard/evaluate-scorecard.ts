/**
 * Evaluates a compiled scorecard on one set of inputs (one org unit, one period).
 *
 * The method is seed 002 §4.2: each indicator's actual value is compared with its target to give a quantified
 * value (Table 4.9; actual/target or target/actual, capped), qualitative indicators are rated 0–100 (Tables
 * 4.10–4.11), perspective score = 100 × Σ wᵢ·qᵢ and total V = Σ W_p·S_p (Table 4.14), rated by bands.
 */
import { evaluateFormula } from '../formula/index.ts';
import type { Direction, IndicatorKind, LocalizedText } from '../indicators/indicator.ts';
import {
  computeComposite,
  type IndicatorStatus,
  type MissingDataPolicy,
  type NoValueReason,
  type Quantified,
  quantify,
  quantifyRubric,
  rate,
  type ScoringMethod,
  statusOf,
} from '../scoring/index.ts';
import type { CompiledIndicator, CompiledIndicatorFormula, CompiledScorecard } from './compile-scorecard.ts';
import type { UnitOfMeasure } from './scorecard-schema.ts';

/** The raw inputs of one evaluation. Missing entries mean "no value". */
export interface EvaluationInputs {
  /** Data-element values by code. */
  readonly data: ReadonlyMap<string, number | null>;
  /** Indicator values reported directly (they take precedence over the formula). */
  readonly actuals: ReadonlyMap<string, number | null>;
  readonly targets: ReadonlyMap<string, number | null>;
  readonly references: ReadonlyMap<string, number | null>;
  /** Qualitative ratings 0–100 by indicator id, one per rater. */
  readonly ratings: ReadonlyMap<string, readonly number[]>;
  /** A unit's own on-target band for a band indicator, replacing the scheme's band (from its target row). */
  readonly bands?: ReadonlyMap<string, { readonly lower: number; readonly upper: number }>;
  /**
   * By indicator id, its data-element values rolled up pairwise (only the children that report every element
   * of its formula count); they replace `data` for that indicator's formula.
   */
  readonly indicatorData?: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  /** By indicator id, which units its pairwise value rests on (analytics `unitCoverage`). */
  readonly unitCoverage?: ReadonlyMap<string, IndicatorUnitCoverage>;
  /**
   * By indicator id, the longer period its values are reported for when the evaluated period is shorter (a
   * month of a yearly element): its missing value then says "reported yearly", not "missing".
   */
  readonly reportedFor?: ReadonlyMap<string, 'quarter' | 'year'>;
}

/**
 * The units an indicator's rolled-up value rests on: the unit's own values, or its children's, naming the
 * children left out (they reported only part of the formula's elements) and the share of the denominator the
 * included ones carry (null: no single denominator element).
 */
export interface IndicatorUnitCoverage {
  readonly source: 'own' | 'children';
  readonly included: readonly string[];
  readonly leftOut: readonly string[];
  readonly denominatorShare: number | null;
}

export interface IndicatorEvaluation {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: IndicatorKind;
  /** Its unit in both languages (`{ en: 'cases', zh: '例' }`). */
  readonly unit?: UnitOfMeasure;
  readonly decimals: number;
  readonly direction: Direction;
  readonly method: ScoringMethod['method'];
  /** False for a monitored indicator: shown with its status, never scored (`score` is null). */
  readonly scored: boolean;
  readonly weight: number;
  readonly globalWeight: number;
  readonly actual: number | null;
  /** Where the actual came from: the formula over data, a directly reported value, or the raters' mean. */
  readonly actualSource: 'formula' | 'reported' | 'ratings' | 'none';
  readonly target: number | null;
  readonly reference: number | null;
  readonly quantified: number | null;
  /** 100 × weight × quantified: the indicator's points in its perspective score (Table 4.14). */
  readonly score: number | null;
  /** On target, to watch, off track or without data, by the indicator's status thresholds. */
  readonly status: IndicatorStatus;
  readonly reason?: NoValueReason;
  readonly raters?: number;
  /** Which units a rolled-up ratio rests on (pairwise completeness); absent for a unit's own values. */
  readonly unitCoverage?: IndicatorUnitCoverage;
}

export interface PerspectiveEvaluation {
  readonly id: string;
  readonly name: LocalizedText;
  readonly weight: number;
  readonly score: number | null;
  readonly coverage: number;
  readonly indicators: readonly IndicatorEvaluation[];
}

export interface ScorecardEvaluation {
  readonly scorecard: string;
  /** The weighted total; null without data, and null when `insufficientData`. */
  readonly total: number | null;
  /** The rating band's English label, e.g. "Very good" (seed 002 Table 4.10); null without a total. */
  readonly rating: string | null;
  readonly ratingCode: string | null;
  readonly ratingLabel: LocalizedText | null;
  /** Share of the total weight backed by data (0–1): the contract's `weightCoverage`. */
  readonly coverage: number;
  /** The scheme's minimum coverage (0–1) for a total to be given. */
  readonly minimumCoverage: number;
  /** True when the coverage is below the minimum: no total and no rating, only the coverage. */
  readonly insufficientData: boolean;
  readonly missingData: MissingDataPolicy;
  readonly perspectives: readonly PerspectiveEvaluation[];
}

/**
 * Computes every indicator's actual and quantified value, the perspective scores, the total and its rating.
 *
 * @example evaluateScorecard(compileScorecard(azHospital), inputs).total // ≈ 92.57 for seed 002's AZ Hospital
 */
export function evaluateScorecard(
  scorecard: CompiledScorecard,
  inputs: EvaluationInputs,
): ScorecardEvaluation {
  const evaluated = scorecard.perspectives.map((perspective) => ({
    perspective,
    indicators: perspective.indicators.map((indicator) => evaluateIndicator(indicator, inputs)),
  }));
  const composite = computeComposite(
    evaluated.map(({ perspective, indicators }) => ({
      id: perspective.id,
      weight: perspective.weight,
      // A monitored indicator stays out of the composite: no score, and no share of the coverage.
      indicators: indicators
        .filter(({ indicator }) => indicator.scored)
        .map(({ indicator, quantified }) => ({
          id: indicator.id,
          weight: indicator.weight,
          quantified: quantified.value,
          inEffect: indicator.inEffect,
        })),
    })),
    scorecard.missingData,
  );
  const insufficientData = isInsufficientData(composite.coverage, scorecard.minimumCoverage);
  const total = insufficientData ? null : composite.total;
  const band = total === null ? null : rate(total, scorecard.ratingBands);
  return {
    scorecard: scorecard.code,
    total,
    rating: band ? band.label.en : null,
    ratingCode: band ? band.code : null,
    ratingLabel: band ? band.label : null,
    coverage: composite.coverage,
    minimumCoverage: scorecard.minimumCoverage,
    insufficientData,
    missingData: composite.policy,
    perspectives: evaluated.map(({ perspective, indicators }, pi) => {
      const result = composite.perspectives[pi];
      const scores = new Map(result?.indicators.map((i) => [i.id, i.score]));
      return {
        id: perspective.id,
        name: perspective.name,
        weight: perspective.weight,
        score: result?.score ?? null,
        coverage: result?.coverage ?? 0,
        indicators: indicators.map(({ indicator, actual, actualSource, quantified, raters, direction }) => ({
          id: indicator.id,
          name: indicator.name,
          kind: indicator.kind,
          unit: indicator.unit,
          decimals: indicator.decimals,
          direction: direction ?? indicator.direction,
          method: indicator.scoring.method,
          scored: indicator.scored,
          weight: indicator.weight,
          globalWeight: indicator.globalWeight,
          actual,
          actualSource,
          target: inputs.targets.get(indicator.id) ?? null,
          reference: inputs.references.get(indicator.id) ?? null,
          quantified: quantified.value,
          score: scores.get(indicator.id) ?? null,
          status: statusOf(quantified.value, indicator.statusThresholds),
          reason: quantified.reason,
          raters,
          ...coverageOf(indicator.id, inputs),
        })),
      };
    }),
  };
}

function coverageOf(id: string, inputs: EvaluationInputs): { readonly unitCoverage?: IndicatorUnitCoverage } {
  const coverage = inputs.unitCoverage?.get(id);
  return coverage && coverage.source === 'children' ? { unitCoverage: coverage } : {};
}

/**
 * Whether a total rests on too little data to be given: its weight coverage is below the scheme's minimum.
 * A minimum of 0 never withholds a total (a scheme without data at all has no total anyway).
 *
 * @example isInsufficientData(0.35, 0.6) // true: 35 % of the weight has data, 60 % is required
 * @example isInsufficientData(0.6, 0.6) // false: exactly the minimum is enough
 * @example isInsufficientData(0, 0) // false
 */
export function isInsufficientData(weightCoverage: number, minimumCoverage: number): boolean {
  // Coverage is a sum of weights; a hair below the minimum from rounding (0.6 as 0.5999999999) still meets it.
  return minimumCoverage > 0 && weightCoverage < minimumCoverage - 1e-9;
}

interface EvaluatedIndicator {
  readonly indicator: CompiledIndicator;
  readonly actual: number | null;
  readonly actualSource: IndicatorEvaluation['actualSource'];
  readonly quantified: Quantified;
  readonly raters?: number;
  /** The direction used, when a unit's own band replaced the scheme's. */
  readonly direction?: Direction;
}

function evaluateIndicator(indicator: CompiledIndicator, inputs: EvaluationInputs): EvaluatedIndicator {
  if (!indicator.inEffect) {
    return {
      indicator,
      actual: null,
      actualSource: 'none',
      quantified: { value: null, reason: 'not-in-effect' },
    };
  }
  if (indicator.kind === 'qualitative') {
    const ratings = inputs.ratings.get(indicator.id) ?? [];
    const quantified = quantifyRubric(ratings);
    return {
      indicator,
      actual: quantified.value === null ? null : quantified.value * 100,
      actualSource: ratings.length > 0 ? 'ratings' : 'none',
      quantified,
      raters: ratings.length,
    };
  }
  const reported = inputs.actuals.get(indicator.id);
  let actual: number | null;
  let actualSource: IndicatorEvaluation['actualSource'];
  if (reported !== undefined && reported !== null) {
    actual = reported;
    actualSource = 'reported';
  } else {
    const data = inputs.indicatorData?.get(indicator.id) ?? inputs.data;
    actual = indicator.formula ? computeIndicatorValue(indicator.formula, data) : null;
    actualSource = actual === null ? 'none' : 'formula';
  }
  const longer = actual === null ? inputs.reportedFor?.get(indicator.id) : undefined;
  if (longer) {
    return {
      indicator,
      actual,
      actualSource,
      quantified: { value: null, reason: longer === 'year' ? 'reported-yearly' : 'reported-quarterly' },
    };
  }
  const band = indicator.direction.kind === 'band' ? inputs.bands?.get(indicator.id) : undefined;
  const direction: Direction = band
    ? { kind: 'band', lower: band.lower, upper: band.upper }
    : indicator.direction;
  const quantified = quantify({
    actual,
    target: inputs.targets.get(indicator.id) ?? null,
    direction,
    method: indicator.scoring,
  });
  return { indicator, actual, actualSource, quantified, direction };
}

/**
 * An indicator's value from data-element values: the expression, or numerator ÷ denominator × factor.
 * A zero denominator or a missing input gives null ("no value"), never Infinity or NaN.
 *
 * @example computeIndicatorValue(ratio('occupied', 'available', 100), new Map([['occupied', 90], ['available', 100]])) // 90
 */
export function computeIndicatorValue(
  formula: CompiledIndicatorFormula,
  data: ReadonlyMap<string, number | null>,
): number | null {
  const lookup = (code: string): number | null => data.get(code) ?? null;
  if (formula.type === 'expression') return evaluateFormula(formula.expression, lookup);
  const numerator = evaluateFormula(formula.numerator, lookup);
  const denominator = evaluateFormula(formula.denominator, lookup);
  if (numerator === null || denominator === null || denominator === 0) return null;
  const value = (numerator / denominator) * formula.factor;
  return Number.isFinite(value) ? value : null;
}

/**
 * The parts an indicator's value is computed from, as a publication keeps them: a ratio's numerator and
 * denominator (each before the factor), or an expression's value as the numerator with no denominator.
 *
 * @example computeIndicatorParts(ratio('occupied', 'available', 100), new Map([['occupied', 90], ['available', 100]]))
 *   // { numerator: 90, denominator: 100 }
 */
export function computeIndicatorParts(
  formula: CompiledIndicatorFormula | null,
  data: ReadonlyMap<string, number | null>,
): { readonly numerator: number | null; readonly denominator: number | null } {
  if (formula === null) return { numerator: null, denominator: null };
  const lookup = (code: string): number | null => data.get(code) ?? null;
  if (formula.type === 'expression') {
    return { numerator: evaluateFormula(formula.expression, lookup), denominator: null };
  }
  return {
    numerator: evaluateFormula(formula.numerator, lookup),
    denominator: evaluateFormula(formula.denominator, lookup),
  };
}
