/**
 * The raw data elements of the demo: numerators and denominators of seed 000's indicators, never rates.
 * Departmental elements are observed in departments (a hospital's total is their sum); hospital elements are
 * observed only for a hospital as a whole (its service area's residents, its registers, its training office).
 */
import type { DemoDataElement } from './types.ts';

export type DemoDataElementCode =
  | 'outpatient_visits'
  | 'outpatient_revenue'
  | 'inpatient_discharges'
  | 'inpatient_revenue'
  | 'county_resident_visits_in_county'
  | 'county_resident_visits_total'
  | 'diabetics_registered'
  | 'diabetics_standard_managed'
  | 'hypertensives_registered'
  | 'hypertensives_standard_managed'
  | 'downward_referrals_received'
  | 'new_technologies_introduced'
  | 'staff_training_completions';

interface DemoDataElementOf<C extends string> extends DemoDataElement {
  readonly code: C;
}

export const DEMO_DATA_ELEMENTS: readonly DemoDataElementOf<DemoDataElementCode>[] = [
  {
    code: 'outpatient_visits',
    name: { en: 'Outpatient and emergency visits', zh: '门急诊人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'visits',
    level: 'department',
  },
  {
    code: 'outpatient_revenue',
    name: { en: 'Outpatient and emergency revenue', zh: '门急诊收入' },
    valueType: 'money',
    aggregation: 'sum',
    min: 0,
    unit: 'yuan',
    level: 'department',
  },
  {
    code: 'inpatient_discharges',
    name: { en: 'Inpatient discharges', zh: '出院人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'discharges',
    level: 'department',
  },
  {
    code: 'inpatient_revenue',
    name: { en: 'Inpatient revenue (of discharged patients)', zh: '出院患者住院收入' },
    valueType: 'money',
    aggregation: 'sum',
    min: 0,
    unit: 'yuan',
    level: 'department',
  },
  {
    code: 'county_resident_visits_in_county',
    name: { en: 'Service-area residents’ visits made within the county', zh: '服务片区居民县域内就诊人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'visits',
    level: 'hospital',
  },
  {
    code: 'county_resident_visits_total',
    name: { en: 'Service-area residents’ visits, all places', zh: '服务片区居民就诊总人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'visits',
    level: 'hospital',
  },
  {
    code: 'diabetics_registered',
    name: { en: 'Registered diabetics (month end)', zh: '在册糖尿病患者数（月末）' },
    valueType: 'integer',
    aggregation: 'average',
    min: 0,
    unit: 'persons',
    level: 'hospital',
  },
  {
    code: 'diabetics_standard_managed',
    name: { en: 'Diabetics under standardised management (month end)', zh: '糖尿病规范管理人数（月末）' },
    valueType: 'integer',
    aggregation: 'average',
    min: 0,
    unit: 'persons',
    level: 'hospital',
  },
  {
    code: 'hypertensives_registered',
    name: { en: 'Registered hypertensives (month end)', zh: '在册高血压患者数（月末）' },
    valueType: 'integer',
    aggregation: 'average',
    min: 0,
    unit: 'persons',
    level: 'hospital',
  },
  {
    code: 'hypertensives_standard_managed',
    name: { en: 'Hypertensives under standardised management (month end)', zh: '高血压规范管理人数（月末）' },
    valueType: 'integer',
    aggregation: 'average',
    min: 0,
    unit: 'persons',
    level: 'hospital',
  },
  {
    code: 'downward_referrals_received',
    name: { en: 'Patients referred down and received', zh: '接收下转患者人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'patients',
    level: 'hospital',
  },
  {
    code: 'new_technologies_introduced',
    name: { en: 'New technologies introduced', zh: '新引进技术项目数' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'technologies',
    level: 'hospital',
  },
  {
    code: 'staff_training_completions',
    name: { en: 'Staff training completions', zh: '人员培训人次' },
    valueType: 'integer',
    aggregation: 'sum',
    min: 0,
    unit: 'person-times',
    level: 'hospital',
  },
];
