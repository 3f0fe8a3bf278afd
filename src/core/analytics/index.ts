/**
 * Analytics: the in-memory value cube (units × data elements × months in typed arrays) and the aggregation
 * of values up the org tree and over months. Semantics, and why: README.md in this folder.
 */
export type { AllUnitsRequest, PairRequest, UnitRequest } from './aggregate.ts';
export { aggregateAllUnits, aggregateUnitValues } from './aggregate.ts';
export type {
  ElementRule,
  ElementRules,
  MissingValues,
  TimeAggregation,
  UnitAggregation,
} from './element-rule.ts';
export { COMMON_RULES } from './element-rule.ts';
export type { OrgTree, OrgUnitLink, TreeTopology } from './org-tree.ts';
export { buildOrgTree, treeTopology } from './org-tree.ts';
export { PairCoverage, type UnitCoverage, unitCoverage } from './pair-coverage.ts';
export type { CubeShape } from './value-cube.ts';
export {
  type CubeOptions,
  MAX_CUBE_CELLS,
  rowsPerSegment,
  SEGMENT_CELLS,
  segmentLengths,
  ValueCube,
} from './value-cube.ts';
