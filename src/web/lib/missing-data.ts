/**
 * What is missing, in words (issue 17: "say what is missing"). An indicator without a quantified value comes
 * with the engine's reason (core/scoring/scoring-method.ts `NoValueReason`: `missing-actual`, `missing-target`,
 * …); the scorecard's status column names it ("No target") instead of "No data" beside an actual value, and the
 * overview says whether a unit × period lacks actual values, targets or both.
 */
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

/** The short words of each reason, for a status cell. */
export const SHORT_REASON_KEYS = {
  'missing-actual': 'missingData.short.missingActual',
  'missing-target': 'missingData.short.missingTarget',
  'undefined-ratio': 'missingData.short.undefinedRatio',
  'no-matching-rule': 'missingData.short.noMatchingRule',
  'no-ratings': 'missingData.short.noRatings',
  'not-in-effect': 'missingData.short.notInEffect',
  'reported-quarterly': 'missingData.short.reportedQuarterly',
  'reported-yearly': 'missingData.short.reportedYearly',
} as const;

export type ShortReasonKey = (typeof SHORT_REASON_KEYS)[keyof typeof SHORT_REASON_KEYS];

/**
 * The words for an indicator's "no data" status: its reason's when it has one the catalog knows (a newer
 * server's reason falls back to "No data"); null for an indicator with a status of its own.
 *
 * @example noDataKey({ status: 'no-data', reason: 'missing-target' }) // 'missingData.short.missingTarget'
 */
export function noDataKey(indicator: Pick<IndicatorJson, 'status' | 'reason'>): ShortReasonKey | null {
  if (indicator.status !== 'no-data' || indicator.reason === undefined) return null;
  return (SHORT_REASON_KEYS as Readonly<Record<string, ShortReasonKey>>)[indicator.reason] ?? null;
}

/** What an evaluation with no total lacks: actual values, targets, or both. */
export type MissingKind = 'nothing' | 'actuals' | 'targets' | 'scores';

/**
 * Why a unit × period has no total: no actual value and no target (`nothing`), targets but no actual value
 * (`actuals`), actual values but no target where the method needs one (`targets`), or values and targets that
 * still score nothing (`scores`: the methods' other reasons).
 *
 * @example missingKind(evaluationWithValuesButNoTargets) // 'targets'
 */
export function missingKind(evaluation: EvaluationJson): MissingKind {
  const indicators = evaluation.perspectives.flatMap((perspective) => perspective.indicators);
  const hasActual = indicators.some((indicator) => indicator.actual !== null);
  const hasTarget = indicators.some((indicator) => indicator.target !== null);
  if (!hasActual) return hasTarget ? 'actuals' : 'nothing';
  if (indicators.some((indicator) => indicator.actual !== null && indicator.reason === 'missing-target')) {
    return 'targets';
  }
  return 'scores';
}

export const MISSING_KIND_KEYS = {
  nothing: 'missingData.overview.nothing',
  actuals: 'missingData.overview.actuals',
  targets: 'missingData.overview.targets',
  scores: 'missingData.overview.scores',
} as const satisfies Record<MissingKind, string>;
