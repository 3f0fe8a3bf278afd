/**
 * The demo medical group (seed 000's urban medical group, Zhejiang, 2021–2024): a pure, seeded generator of
 * its org units, data elements, indicators and monthly values. See ./README.md.
 */
export {
  annualValue,
  compareWithSeed000,
  type Seed000Comparison,
  scopeOrgUnits,
} from './compare-seed-000.ts';
export type { DemoDataElementCode } from './data-elements.ts';
export {
  buildDemoDepartmentScorecard,
  buildDemoDepartmentTargets,
  DEMO_DEPARTMENT_INDICATORS,
  DEMO_DEPARTMENT_SCORECARD_CODE,
} from './department-scorecard.ts';
export { DEFAULT_DEMO_SEED, generateMedicalGroupDemo } from './generate.ts';
export type { DemoIndicatorCode } from './indicators.ts';
export { DEMO_PERIODS } from './periods.ts';
export { createMulberry32 } from './prng.ts';
export {
  buildDemoScorecard,
  buildDemoTargets,
  DEMO_MINIMUM_COVERAGE,
  DEMO_SCORECARD_CODE,
  type DemoTarget,
} from './scorecard.ts';
export { SEED_000_TARGETS, type Seed000Target, type TargetScope } from './targets.ts';
export type {
  DemoDataElement,
  DemoIndicatorDefinition,
  DemoOrgUnit,
  DemoValue,
  MedicalGroupDemo,
} from './types.ts';
