/**
 * The translation keys of the surveys' fixed choices, written out in full so the i18n check (and the typed
 * `t()`) sees every key a choice can show.
 */
export const STATUS_LABELS = {
  open: 'surveys.status.open',
  closed: 'surveys.status.closed',
  applied: 'surveys.status.applied',
} as const;

export const SCALE_LABELS = {
  saaty: 'judgmentScale.names.saaty',
  'five-point': 'judgmentScale.names.fivePoint',
} as const;

export const RI_TABLE_LABELS = {
  seed002: 'surveys.riTables.seed002',
  saaty1980: 'surveys.riTables.saaty1980',
  'alonso-lamata': 'surveys.riTables.alonsoLamata',
} as const;

export const LINK_STATE_LABELS = {
  none: 'surveys.links.state.none',
  active: 'surveys.links.state.active',
  revoked: 'surveys.links.state.revoked',
  expired: 'surveys.links.state.expired',
} as const;

export const AGGREGATION_LABELS = {
  aij: 'surveys.results.aij',
  aip: 'surveys.results.aip',
} as const;

export const INCONSISTENT_LABELS = {
  include: 'surveys.results.include',
  exclude: 'surveys.results.exclude',
} as const;
