/**
 * Seed 000's indicators in its four BSC dimensions, each as numerator ÷ denominator × factor over the raw
 * data elements of ./data-elements.ts. Evaluated for a group or hospital, numerator and denominator are
 * each aggregated first (Σ over org units, then over months by the element's aggregation) and divided last,
 * so a group's rate is never a mean of its members' rates.
 */
import type { DemoIndicatorDefinition } from './types.ts';

export type DemoIndicatorCode =
  | 'medical_revenue'
  | 'outpatient_cost_per_visit'
  | 'inpatient_cost_per_discharge'
  | 'county_visit_rate'
  | 'diabetes_management_rate'
  | 'hypertension_management_rate'
  | 'cases_handled'
  | 'downward_referrals'
  | 'new_technologies'
  | 'staff_trained';

interface DemoIndicatorOf<C extends string> extends DemoIndicatorDefinition {
  readonly code: C;
}

export const DEMO_INDICATORS: readonly DemoIndicatorOf<DemoIndicatorCode>[] = [
  {
    code: 'medical_revenue',
    name: { en: 'Medical revenue', zh: '医疗收入' },
    perspective: 'financial',
    numerator: 'outpatient_revenue + inpatient_revenue',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'yuan',
  },
  {
    code: 'outpatient_cost_per_visit',
    name: { en: 'Outpatient cost per visit', zh: '门急诊次均费用' },
    perspective: 'financial',
    numerator: 'outpatient_revenue',
    denominator: 'outpatient_visits',
    factor: 1,
    direction: 'lower',
    unit: 'yuan',
  },
  {
    code: 'inpatient_cost_per_discharge',
    name: { en: 'Inpatient cost per discharge', zh: '住院次均费用' },
    perspective: 'financial',
    numerator: 'inpatient_revenue',
    denominator: 'inpatient_discharges',
    factor: 1,
    direction: 'lower',
    unit: 'yuan',
  },
  {
    code: 'county_visit_rate',
    name: { en: 'County visit rate', zh: '县域就诊率' },
    perspective: 'customer',
    numerator: 'county_resident_visits_in_county',
    denominator: 'county_resident_visits_total',
    factor: 100,
    direction: 'higher',
    unit: 'percent',
  },
  {
    code: 'diabetes_management_rate',
    name: { en: 'Diabetes standardised management rate', zh: '糖尿病患者规范管理率' },
    perspective: 'customer',
    numerator: 'diabetics_standard_managed',
    denominator: 'diabetics_registered',
    factor: 100,
    direction: 'higher',
    unit: 'percent',
  },
  {
    code: 'hypertension_management_rate',
    name: { en: 'Hypertension standardised management rate', zh: '高血压患者规范管理率' },
    perspective: 'customer',
    numerator: 'hypertensives_standard_managed',
    denominator: 'hypertensives_registered',
    factor: 100,
    direction: 'higher',
    unit: 'percent',
  },
  {
    code: 'cases_handled',
    name: { en: 'Cases handled (outpatient visits + discharges)', zh: '诊疗服务量（门急诊人次+出院人次）' },
    perspective: 'internal',
    numerator: 'outpatient_visits + inpatient_discharges',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'cases',
  },
  {
    code: 'downward_referrals',
    name: { en: 'Downward referrals received by branches', zh: '分院接收下转患者人次' },
    perspective: 'internal',
    numerator: 'downward_referrals_received',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'patients',
  },
  {
    code: 'new_technologies',
    name: { en: 'New technologies introduced to branches', zh: '分院新引进技术项目数' },
    perspective: 'learning',
    numerator: 'new_technologies_introduced',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'technologies',
  },
  {
    code: 'staff_trained',
    name: { en: 'Staff trained', zh: '人员培训人次' },
    perspective: 'learning',
    numerator: 'staff_training_completions',
    denominator: null,
    factor: 1,
    direction: 'higher',
    unit: 'person-times',
  },
];
