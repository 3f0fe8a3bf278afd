/**
 * The translation keys of the explanation's enumerations (written out, so `npm run check:i18n` sees each key
 * used and a new value of the contract fails the type check until it has words).
 */
import type { ExplanationJson } from '../../../core/contracts/explain.ts';

type Explanation = ExplanationJson;

export const AGGREGATION_KEYS = {
  sum: 'scorecard.explain.agg.sum',
  average: 'scorecard.explain.agg.average',
  last: 'scorecard.explain.agg.last',
  max: 'scorecard.explain.agg.max',
} as const satisfies Record<Explanation['formula']['inputs'][number]['timeAggregation'], string>;

export const ACTUAL_SOURCE_KEYS = {
  formula: 'scorecard.explain.actualSource.formula',
  reported: 'scorecard.explain.actualSource.reported',
  ratings: 'scorecard.explain.actualSource.ratings',
  none: 'scorecard.explain.actualSource.none',
} as const satisfies Record<Explanation['actualSource'], string>;

export const SCOPE_KEYS = {
  all: 'scorecard.explain.scope.all',
  'org-unit': 'scorecard.explain.scope.orgUnit',
  group: 'scorecard.explain.scope.group',
  level: 'scorecard.explain.scope.level',
} as const satisfies Record<NonNullable<Explanation['target']['scope']>, string>;

export const WEIGHT_METHOD_KEYS = {
  manual: 'scorecard.explain.weightMethod.manual',
  ahp: 'scorecard.explain.weightMethod.ahp',
} as const satisfies Record<Explanation['weight']['method'], string>;

export const METHOD_KEYS = {
  ratio: 'scorecard.explain.method.ratio',
  linear: 'scorecard.explain.method.linear',
  band: 'scorecard.explain.method.band',
  thresholds: 'scorecard.explain.method.thresholds',
  rubric: 'scorecard.explain.method.rubric',
} as const satisfies Record<Explanation['scoring']['method'], string>;

export const DIRECTION_KEYS = {
  higher: 'scorecard.explain.direction.higher',
  lower: 'scorecard.explain.direction.lower',
  band: 'scorecard.explain.direction.band',
} as const satisfies Record<Explanation['scoring']['direction'], string>;

export const BAND_FROM_KEYS = {
  scorecard: 'scorecard.explain.bandFrom.scorecard',
  target: 'scorecard.explain.bandFrom.target',
} as const satisfies Record<NonNullable<Explanation['scoring']['bandFrom']>, string>;

/** Why an indicator has no value (core/scoring NoValueReason); an unknown reason is shown as sent. */
export const REASON_KEYS: Readonly<Record<string, ReasonKey | undefined>> = {
  'missing-actual': 'scorecard.explain.reasons.missingActual',
  'missing-target': 'scorecard.explain.reasons.missingTarget',
  'undefined-ratio': 'scorecard.explain.reasons.undefinedRatio',
  'no-matching-rule': 'scorecard.explain.reasons.noMatchingRule',
  'no-ratings': 'scorecard.explain.reasons.noRatings',
  'not-in-effect': 'scorecard.explain.reasons.notInEffect',
  'reported-quarterly': 'scorecard.explain.reasons.reportedQuarterly',
  'reported-yearly': 'scorecard.explain.reasons.reportedYearly',
};

type ReasonKey =
  | 'scorecard.explain.reasons.missingActual'
  | 'scorecard.explain.reasons.missingTarget'
  | 'scorecard.explain.reasons.undefinedRatio'
  | 'scorecard.explain.reasons.noMatchingRule'
  | 'scorecard.explain.reasons.noRatings'
  | 'scorecard.explain.reasons.notInEffect'
  | 'scorecard.explain.reasons.reportedQuarterly'
  | 'scorecard.explain.reasons.reportedYearly';
