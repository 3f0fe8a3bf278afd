/**
 * The numbers behind the demo: the group's hospitals with their departments' volumes, each hospital's service
 * area and chronic-disease registers, the trends 2021 → 2024 and the seasonal pattern. Levels are those of
 * mid-2021 (a plain month); `Span.to` is the level of mid-2024. The figures are plausible for an urban
 * medical group in Zhejiang (a head hospital of about a million visits a year, branches the size of
 * secondary hospitals); they are invented, and only the changes that seed 000 reports are calibrated exactly.
 */
import type { LocalizedText } from '../core/indicators/indicator.ts';
import type { DepartmentKind } from './departments.ts';

/** A level in mid-2021 and mid-2024; months in between lie on the straight line through both. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface DepartmentVolume {
  readonly kind: DepartmentKind;
  /** Outpatient and emergency visits in a plain month of 2021. */
  readonly visits: number;
  /** Discharges in a plain month of 2021. */
  readonly discharges: number;
}

export interface HospitalModel {
  readonly code: string;
  readonly name: LocalizedText;
  readonly role: 'head' | 'branch';
  readonly departments: readonly DepartmentVolume[];
  /** Visits made anywhere by the residents of the hospital's service area, per month (2021). */
  readonly serviceAreaVisits: number;
  /** Share of those visits made within the county. */
  readonly inCountyRate: Span;
  /** Registered diabetics (2021) and the share under standardised management. */
  readonly diabetics: number;
  readonly diabetesRate: Span;
  readonly hypertensives: number;
  readonly hypertensionRate: Span;
  /** Staff training completions per month. */
  readonly training: Span;
  /** Downward referrals received per month (branches only). */
  readonly referrals: Span | null;
}

/** What head and branch hospitals share: volume trends and base costs (yuan) with their change 2021 → 2024. */
export interface RoleModel {
  readonly visitsChange: number;
  readonly dischargesChange: number;
  readonly outpatientCost: number;
  readonly outpatientCostChange: number;
  readonly inpatientCost: number;
  readonly inpatientCostChange: number;
}

export const GROUP_CODE = 'UMG';
export const HEAD_CODE = 'UMG-HEAD';
export const GROUP_NAME: LocalizedText = { en: 'Yunhu Urban Medical Group', zh: '云湖市城市医疗集团' };

/**
 * Patients move to the branches (visits +40 %) and become cheaper there, while the head hospital keeps the
 * complex cases and becomes dearer: the cost changes are seed 000's (−20.68 %, −23.96 %, +14.36 %); the
 * head's inpatient change (+5 %) and the volume changes are this demo's.
 */
export const ROLE_MODELS: Readonly<Record<'head' | 'branch', RoleModel>> = {
  head: {
    visitsChange: 0.06,
    dischargesChange: 0.08,
    outpatientCost: 320,
    outpatientCostChange: 0.1436,
    inpatientCost: 13_500,
    inpatientCostChange: 0.05,
  },
  branch: {
    visitsChange: 0.4,
    dischargesChange: 0.3,
    outpatientCost: 240,
    outpatientCostChange: -0.2068,
    inpatientCost: 8_200,
    inpatientCostChange: -0.2396,
  },
};

/** Growth 2021 → 2024 of service-area visits and of the chronic-disease registers (screening finds more). */
export const SERVICE_AREA_VISITS_CHANGE = 0.05;
export const DIABETICS_CHANGE = 0.12;
export const HYPERTENSIVES_CHANGE = 0.06;

/**
 * Visits by calendar month (mean 1): the Spring Festival empties clinics in February, the National Day week
 * in October; summer and winter bring children and respiratory illness.
 */
export const VISIT_SEASON: readonly number[] = [1, 0.8, 1.04, 1, 0.99, 1, 1.06, 1.06, 0.99, 0.93, 1.03, 1.1];
/** Discharges by calendar month (mean 1). */
export const DISCHARGE_SEASON: readonly number[] = [
  1, 0.82, 1.05, 1.01, 1, 0.99, 1.03, 1.03, 1, 0.95, 1.03, 1.09,
];

/**
 * The wave of respiratory infection after China eased its COVID-19 controls on 7 December 2022: month index
 * → factor on respiratory departments' visits and on elective departments' discharges.
 */
export const RESPIRATORY_WAVE: ReadonlyMap<number, { readonly visits: number; readonly discharges: number }> =
  new Map([
    [23, { visits: 1.3, discharges: 0.8 }],
    [24, { visits: 1.12, discharges: 0.9 }],
  ]);

/** Relative standard deviations of the monthly noise (rates: absolute, in proportion points). */
export const NOISE = {
  visits: 0.03,
  discharges: 0.04,
  outpatientCost: 0.02,
  inpatientCost: 0.03,
  serviceAreaVisits: 0.02,
  inCountyRate: 0.006,
  register: 0.002,
  managementRate: 0.003,
  training: 0.15,
  referrals: 0.08,
} as const;

export const HOSPITALS: readonly HospitalModel[] = [
  {
    code: HEAD_CODE,
    name: { en: 'Yunhu Medical Group Head Hospital', zh: '云湖市医疗集团总院' },
    role: 'head',
    departments: [
      { kind: 'INTM', visits: 22_000, discharges: 900 },
      { kind: 'SURG', visits: 12_000, discharges: 1_000 },
      { kind: 'PAED', visits: 14_000, discharges: 350 },
      { kind: 'OBGY', visits: 10_000, discharges: 550 },
      { kind: 'EMER', visits: 13_000, discharges: 120 },
      { kind: 'CARD', visits: 9_000, discharges: 600 },
      { kind: 'NEUR', visits: 7_000, discharges: 450 },
    ],
    serviceAreaVisits: 62_000,
    inCountyRate: { from: 0.66, to: 0.84 },
    diabetics: 6_800,
    diabetesRate: { from: 0.62, to: 0.7 },
    hypertensives: 20_500,
    hypertensionRate: { from: 0.71, to: 0.714 },
    training: { from: 60, to: 80 },
    referrals: null,
  },
  {
    code: 'UMG-B1',
    name: { en: 'Yunhu Medical Group Dongcheng Branch Hospital', zh: '云湖市医疗集团东城分院' },
    role: 'branch',
    departments: [
      { kind: 'INTM', visits: 6_000, discharges: 300 },
      { kind: 'SURG', visits: 3_000, discharges: 220 },
      { kind: 'PAED', visits: 3_500, discharges: 60 },
      { kind: 'GENP', visits: 5_000, discharges: 40 },
    ],
    serviceAreaVisits: 26_000,
    inCountyRate: { from: 0.55, to: 0.78 },
    diabetics: 3_900,
    diabetesRate: { from: 0.64, to: 0.74 },
    hypertensives: 11_800,
    hypertensionRate: { from: 0.69, to: 0.694 },
    training: { from: 15, to: 30 },
    referrals: { from: 90, to: 220 },
  },
  {
    code: 'UMG-B2',
    name: { en: 'Yunhu Medical Group Xishan Branch Hospital', zh: '云湖市医疗集团西山分院' },
    role: 'branch',
    departments: [
      { kind: 'INTM', visits: 5_000, discharges: 260 },
      { kind: 'SURG', visits: 2_500, discharges: 180 },
      { kind: 'GENP', visits: 4_500, discharges: 40 },
    ],
    serviceAreaVisits: 22_000,
    inCountyRate: { from: 0.52, to: 0.76 },
    diabetics: 3_300,
    diabetesRate: { from: 0.6, to: 0.69 },
    hypertensives: 9_800,
    hypertensionRate: { from: 0.72, to: 0.724 },
    training: { from: 12, to: 25 },
    referrals: { from: 70, to: 180 },
  },
  {
    code: 'UMG-B3',
    name: { en: 'Yunhu Medical Group Nanpu Branch Hospital', zh: '云湖市医疗集团南浦分院' },
    role: 'branch',
    departments: [
      { kind: 'INTM', visits: 5_500, discharges: 280 },
      { kind: 'SURG', visits: 2_800, discharges: 200 },
      { kind: 'OBGY', visits: 2_500, discharges: 120 },
      { kind: 'GENP', visits: 4_000, discharges: 30 },
    ],
    serviceAreaVisits: 24_000,
    inCountyRate: { from: 0.57, to: 0.79 },
    diabetics: 3_700,
    diabetesRate: { from: 0.66, to: 0.75 },
    hypertensives: 10_900,
    hypertensionRate: { from: 0.7, to: 0.704 },
    training: { from: 14, to: 28 },
    referrals: { from: 80, to: 200 },
  },
  {
    code: 'UMG-B4',
    name: { en: 'Yunhu Medical Group Beihu Branch Hospital', zh: '云湖市医疗集团北湖分院' },
    role: 'branch',
    departments: [
      { kind: 'INTM', visits: 4_500, discharges: 220 },
      { kind: 'SURG', visits: 2_200, discharges: 150 },
      { kind: 'REHA', visits: 1_800, discharges: 90 },
    ],
    serviceAreaVisits: 18_000,
    inCountyRate: { from: 0.5, to: 0.74 },
    diabetics: 2_700,
    diabetesRate: { from: 0.58, to: 0.67 },
    hypertensives: 8_200,
    hypertensionRate: { from: 0.68, to: 0.684 },
    training: { from: 10, to: 22 },
    referrals: { from: 60, to: 160 },
  },
];
