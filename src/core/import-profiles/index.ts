export {
  applyProfile,
  type CompiledProfile,
  compileProfile,
  createProfileMapper,
  type MappedOrgUnit,
  type MappedValue,
  type MapperOptions,
  type ProfileResult,
  type ProfileRow,
  type ProfileRowError,
} from './apply-profile.ts';
export {
  type ColumnInspection,
  type ColumnType,
  elementCodeOf,
  type InspectedColumn,
  inspectColumns,
} from './inspect-columns.ts';
export { readPeriodCell } from './period-formats.ts';
