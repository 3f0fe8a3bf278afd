/**
 * The translation keys of the designer's fixed choices, written out in full so the i18n check (and the typed
 * `t()`) sees every key a choice can show.
 */
export const PERSPECTIVE_KIND_LABELS = {
  financial: 'designer.perspective.kinds.financial',
  customer: 'designer.perspective.kinds.customer',
  internal: 'designer.perspective.kinds.internal',
  learning: 'designer.perspective.kinds.learning',
  social: 'designer.perspective.kinds.social',
} as const;

export const INDICATOR_KIND_LABELS = {
  quantitative: 'designer.indicator.kinds.quantitative',
  qualitative: 'designer.indicator.kinds.qualitative',
} as const;

export const ROLE_LABELS = {
  leading: 'designer.indicator.roles.leading',
  lagging: 'designer.indicator.roles.lagging',
} as const;

export const DIRECTION_LABELS = {
  higher: 'designer.indicator.directions.higher',
  lower: 'designer.indicator.directions.lower',
  band: 'designer.indicator.directions.band',
} as const;

export const METHOD_LABELS = {
  default: 'designer.scoring.methods.default',
  ratio: 'designer.scoring.methods.ratio',
  linear: 'designer.scoring.methods.linear',
  band: 'designer.scoring.methods.band',
  thresholds: 'designer.scoring.methods.thresholds',
  rubric: 'designer.scoring.methods.rubric',
} as const;

export const MISSING_DATA_LABELS = {
  renormalize: 'designer.scoring.missing.renormalize',
  zero: 'designer.scoring.missing.zero',
} as const;

export const FORMULA_MODE_LABELS = {
  none: 'designer.formula.modes.none',
  expression: 'designer.formula.modes.expression',
  ratio: 'designer.formula.modes.ratio',
} as const;

export const SCOPE_LABELS = {
  all: 'designer.targets.scopes.all',
  'org-unit': 'designer.targets.scopes.orgUnit',
  group: 'designer.targets.scopes.group',
  level: 'designer.targets.scopes.level',
} as const;

export const TARGET_VALUE_LABELS = {
  target: 'designer.targets.target',
  lower: 'designer.targets.lower',
  upper: 'designer.targets.upper',
  reference: 'designer.targets.reference',
} as const;

export const TARGET_PROBLEM_LABELS = {
  period: 'designer.targets.invalid.period',
  orgUnit: 'designer.targets.invalid.orgUnit',
  group: 'designer.targets.invalid.group',
  level: 'designer.targets.invalid.level',
  value: 'designer.targets.invalid.value',
  band: 'designer.targets.invalid.band',
} as const;

export const WEIGHT_SOURCE_LABELS = {
  manual: 'designer.versions.sources.manual',
  ahp: 'designer.versions.sources.ahp',
  survey: 'designer.versions.sources.survey',
  import: 'designer.versions.sources.import',
} as const;

export const EDITING_LABELS = {
  scorecard: 'designer.structure.editing.scorecard',
  perspective: 'designer.structure.editing.perspective',
  objective: 'designer.structure.editing.objective',
  indicator: 'designer.structure.editing.indicator',
} as const;
