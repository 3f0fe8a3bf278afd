export {
  applyProfile,
  type CompiledProfile,
  compileProfile,
  createProfileMapper,
  type MappedOrgUnit,
  type MappedValue,
  type ProfileResult,
  type ProfileRow,
  type ProfileRowError,
} from './apply-profile.ts';
export { readPeriodCell } from './period-formats.ts';
