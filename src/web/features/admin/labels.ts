/**
 * Translation keys of the values the API sends as codes (roles, unit types, value types…), spelled out so the
 * i18n check sees each key used and a new value in a contract fails the type check until it has a label.
 */
import type { Role } from '../../../core/access/principal.ts';

export const ROLE_KEYS = {
  admin: 'admin.roles.admin',
  strategist: 'admin.roles.strategist',
  steward: 'admin.roles.steward',
  entry: 'admin.roles.entry',
  approver: 'admin.roles.approver',
  viewer: 'admin.roles.viewer',
} as const satisfies Record<Role, string>;

export const UNIT_TYPE_KEYS = {
  group: 'admin.orgUnits.types.group',
  hospital: 'admin.orgUnits.types.hospital',
  department: 'admin.orgUnits.types.department',
  unit: 'admin.orgUnits.types.unit',
} as const;

export const UNIT_ROLE_KEYS = {
  none: 'admin.orgUnits.roles.none',
  head: 'admin.orgUnits.roles.head',
  branch: 'admin.orgUnits.roles.branch',
} as const;

export const VALUE_TYPE_KEYS = {
  number: 'admin.dataElements.valueTypes.number',
  integer: 'admin.dataElements.valueTypes.integer',
  percentage: 'admin.dataElements.valueTypes.percentage',
  money: 'admin.dataElements.valueTypes.money',
} as const;

export const AGGREGATION_KEYS = {
  sum: 'admin.dataElements.aggregations.sum',
  average: 'admin.dataElements.aggregations.average',
  last: 'admin.dataElements.aggregations.last',
  max: 'admin.dataElements.aggregations.max',
} as const;

export const PERIOD_TYPE_KEYS = {
  month: 'admin.periods.types.month',
  quarter: 'admin.periods.types.quarter',
  year: 'admin.periods.types.year',
} as const;
