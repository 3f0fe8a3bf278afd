/**
 * Scoring: quantified values, rating bands and the composite score (seed 002 §4.2, Tables 4.8–4.14).
 * How each method works, and how to add one: README.md in this folder.
 */
export type {
  CompositeResult,
  IndicatorInput,
  IndicatorResult,
  MissingDataPolicy,
  PerspectiveInput,
  PerspectiveResult,
} from './composite.ts';
export { computeComposite } from './composite.ts';
export { quantify } from './quantify.ts';
export type { ExplainableIndicator, RankCandidate, RankPlace } from './rank-units.ts';
export { cohortOf, groupAboveMembers, rankUnits } from './rank-units.ts';
export type { RatingBand } from './rating-bands.ts';
export { rate, SEED002_RATING_BANDS, validateRatingBands } from './rating-bands.ts';
export { quantifyRubric, RUBRIC_MAX } from './rubric.ts';
export type {
  NoValueReason,
  Quantified,
  QuantifyInput,
  ScoringMethod,
  ThresholdRule,
} from './scoring-method.ts';
export { DEFAULT_CAP, NO_VALUE_REASONS } from './scoring-method.ts';
export type { IndicatorStatus, StatusThresholds } from './status.ts';
export {
  DEFAULT_STATUS_THRESHOLDS,
  INDICATOR_STATUSES,
  statusOf,
  validateStatusThresholds,
} from './status.ts';
export { validateScoringMethod } from './validate-scoring-method.ts';
