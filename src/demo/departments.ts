/**
 * The clinical department kinds of the demo and how each behaves: its names, how strongly it follows the
 * seasonal pattern, and its costs relative to its hospital's average (cardiology admissions cost about twice
 * the hospital mean, paediatric ones about half).
 */
import type { LocalizedText } from '../core/indicators/indicator.ts';

export type DepartmentKind = 'INTM' | 'SURG' | 'PAED' | 'OBGY' | 'EMER' | 'CARD' | 'NEUR' | 'GENP' | 'REHA';

export interface DepartmentProfile {
  readonly name: LocalizedText;
  /** Multiplies the deviation of the seasonal factor from 1 (0 = flat, 2 = twice the common swing). */
  readonly seasonality: number;
  /** Outpatient cost per visit relative to the hospital's base cost. */
  readonly outpatientCost: number;
  /** Inpatient cost per discharge relative to the hospital's base cost. */
  readonly inpatientCost: number;
  /** Takes the surge of respiratory illness of December 2022 (see RESPIRATORY_WAVE). */
  readonly respiratory: boolean;
  /** Defers elective admissions during that surge. */
  readonly elective: boolean;
}

export const DEPARTMENT_PROFILES: Readonly<Record<DepartmentKind, DepartmentProfile>> = {
  INTM: {
    name: { en: 'Internal Medicine', zh: '内科' },
    seasonality: 1,
    outpatientCost: 1,
    inpatientCost: 0.95,
    respiratory: true,
    elective: false,
  },
  SURG: {
    name: { en: 'Surgery', zh: '外科' },
    seasonality: 0.6,
    outpatientCost: 1.1,
    inpatientCost: 1.45,
    respiratory: false,
    elective: true,
  },
  PAED: {
    name: { en: 'Paediatrics', zh: '儿科' },
    seasonality: 2,
    outpatientCost: 0.7,
    inpatientCost: 0.5,
    respiratory: true,
    elective: false,
  },
  OBGY: {
    name: { en: 'Obstetrics and Gynaecology', zh: '妇产科' },
    seasonality: 0.4,
    outpatientCost: 0.95,
    inpatientCost: 0.75,
    respiratory: false,
    elective: true,
  },
  EMER: {
    name: { en: 'Emergency', zh: '急诊科' },
    seasonality: 1.2,
    outpatientCost: 1.2,
    inpatientCost: 0.9,
    respiratory: true,
    elective: false,
  },
  CARD: {
    name: { en: 'Cardiology', zh: '心血管内科' },
    seasonality: 0.8,
    outpatientCost: 1.25,
    inpatientCost: 2,
    respiratory: false,
    elective: true,
  },
  NEUR: {
    name: { en: 'Neurology', zh: '神经内科' },
    seasonality: 0.7,
    outpatientCost: 1.1,
    inpatientCost: 1.2,
    respiratory: false,
    elective: false,
  },
  GENP: {
    name: { en: 'General Practice', zh: '全科医学科' },
    seasonality: 0.9,
    outpatientCost: 0.8,
    inpatientCost: 0.7,
    respiratory: true,
    elective: false,
  },
  REHA: {
    name: { en: 'Rehabilitation Medicine', zh: '康复医学科' },
    seasonality: 0.3,
    outpatientCost: 0.9,
    inpatientCost: 1.1,
    respiratory: false,
    elective: true,
  },
};
