/**
 * The demo group's department scorecard: what a clinical department is scored on, from the figures a
 * department has. Seed 002 §5.2 (3) (002_db9e4dc6af8d1a80.txt, "Tailor performance evaluations to specific
 * departments") warns against scoring every department on the hospital's indicators ("the security office does
 * not perform surgeries"); on the group's scheme a department has data for 37.5 % of the weight (its revenue,
 * costs and cases), and its total would rest on that. Its own scheme uses only its own figures: outpatient and
 * inpatient revenue, visits and discharges (./data-elements.ts, level `department`).
 *
 * Choices, as the group's scheme states its own (./scorecard.ts): two perspectives of equal weight (seed 000
 * gives none), indicators equally weighted inside each, the same target rules (volumes 5 % above the same
 * period of the previous year, costs held at the 2021 level).
 */
import type { ScorecardFileInput } from '../core/scorecard/index.ts';
import { DEMO_INDICATORS } from './indicators.ts';
import {
  buildDemoTargets,
  DEMO_MINIMUM_COVERAGE,
  type DemoTarget,
  dataElementFile,
  indicatorFile,
} from './scorecard.ts';
import type { DemoIndicatorDefinition, MedicalGroupDemo } from './types.ts';

export const DEMO_DEPARTMENT_SCORECARD_CODE = 'UMG-DEPT-BSC';

const SOURCE = 'seed 002 §5.2 (002_db9e4dc6af8d1a80.txt): department-specific metrics';

const fromGroup = (code: string): DemoIndicatorDefinition => {
  const indicator = DEMO_INDICATORS.find((i) => i.code === code);
  if (indicator === undefined) throw new Error(`No demo indicator ${code}`);
  return indicator;
};

/** The department scheme's indicators: the group's three financial ones, and the two volumes apart. */
export const DEMO_DEPARTMENT_INDICATORS: readonly DemoIndicatorDefinition[] = [
  fromGroup('medical_revenue'),
  fromGroup('outpatient_cost_per_visit'),
  fromGroup('inpatient_cost_per_discharge'),
  {
    code: 'outpatient_volume',
    name: { en: 'Outpatient and emergency visits', zh: '门急诊人次' },
    perspective: 'internal',
    numerator: 'outpatient_visits',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'visits',
  },
  {
    code: 'inpatient_volume',
    name: { en: 'Inpatient discharges', zh: '出院人次' },
    perspective: 'internal',
    numerator: 'inpatient_discharges',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'discharges',
  },
];

const PERSPECTIVES = [
  { id: 'F', kind: 'financial', name: { en: 'Financial', zh: '财务维度' } },
  { id: 'I', kind: 'internal', name: { en: 'Internal process', zh: '内部流程维度' } },
] as const;

/**
 * The department scorecard document.
 *
 * @example compileScorecard(buildDemoDepartmentScorecard(generateMedicalGroupDemo())).perspectives.length // 2
 */
export function buildDemoDepartmentScorecard(demo: MedicalGroupDemo): ScorecardFileInput {
  const perspectives = PERSPECTIVES.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    indicators: DEMO_DEPARTMENT_INDICATORS.filter((i) => i.perspective === p.kind).map((i) =>
      indicatorFile(i, SOURCE),
    ),
  }));
  const equal = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
  return {
    format: 'healthbsc/scorecard@2',
    code: DEMO_DEPARTMENT_SCORECARD_CODE,
    name: { en: 'Yunhu Urban Medical Group department scorecard', zh: '云湖市城市医疗集团科室计分卡' },
    description:
      'Clinical departments scored on their own figures (revenue, costs per visit and per discharge, visits, discharges), not on the group scheme.',
    source: SOURCE,
    scoring: {
      method: { method: 'ratio', cap: 1 },
      missingData: 'renormalize',
      minimumCoverage: DEMO_MINIMUM_COVERAGE,
    },
    dataElements: demo.dataElements.filter((e) => e.level === 'department').map(dataElementFile),
    perspectives,
    weights: {
      perspectives: { manual: equal(perspectives.map((p) => p.id)) },
      indicators: Object.fromEntries(
        perspectives.map((p) => [p.id, { manual: equal(p.indicators.map((i) => i.id)) }]),
      ),
    },
  };
}

/**
 * The department scheme's targets, for departments only, by the group scheme's rules.
 *
 * @example buildDemoDepartmentTargets(demo).every((t) => t.orgUnit?.split('-').length === 3) // true
 */
export function buildDemoDepartmentTargets(demo: MedicalGroupDemo): DemoTarget[] {
  return buildDemoTargets(demo, {
    indicators: DEMO_DEPARTMENT_INDICATORS,
    orgUnits: (unit) => unit.type === 'department',
  });
}
