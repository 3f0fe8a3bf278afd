/**
 * Data quality, pure (see ./README.md): validation rules between data elements and outlier checks against a
 * unit's history and its peers.
 */
export {
  checkHistory,
  checkOutlier,
  checkPeers,
  DEFAULT_ABSOLUTE_BOUND_SHARE,
  DEFAULT_OUTLIER_THRESHOLD,
  MAX_HISTORY,
  MIN_HISTORY,
  MIN_PEERS,
  MODIFIED_Z_FACTOR,
  median,
  medianAbsoluteDeviation,
  type OutlierCheck,
  type OutlierOptions,
} from './outliers.ts';
export {
  checkRules,
  compare,
  type QualityRule,
  type RuleImportance,
  type RuleOperator,
  type RuleViolation,
  readsElement,
} from './validation-rules.ts';
