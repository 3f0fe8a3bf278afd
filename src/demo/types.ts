/**
 * The shapes of the demo medical group's data (see ./README.md). Plain data, so the server can load it
 * into the database and the tests can recompute every figure from it.
 */
import type { LocalizedText } from '../core/indicators/indicator.ts';
import type { UnitCode } from '../core/scorecard/unit-codes.ts';

/** One node of the group → hospital → department tree. `parent` is the parent's code (`null` for the group). */
export interface DemoOrgUnit {
  readonly code: string;
  readonly name: LocalizedText;
  readonly type: 'group' | 'hospital' | 'department';
  /** Only on hospitals: the head hospital or a branch hospital (seed 000). */
  readonly role?: 'head' | 'branch';
  readonly parent: string | null;
}

/**
 * A raw data element. `aggregation` says how monthly values combine over time: `sum` for flows
 * (visits, revenue), `average` for stocks counted at month end (chronic-disease registers).
 * Across org units every element sums. `level` is where the value is observed and stored.
 */
export interface DemoDataElement {
  readonly code: string;
  readonly name: LocalizedText;
  readonly valueType: 'number' | 'integer' | 'percentage' | 'money';
  readonly aggregation: 'sum' | 'average' | 'last';
  readonly min?: number;
  readonly unit?: UnitCode;
  readonly level: 'department' | 'hospital';
}

/** One monthly value of one data element at one org unit. */
export interface DemoValue {
  readonly orgUnit: string;
  /** `YYYY-MM`. */
  readonly period: string;
  readonly dataElement: string;
  readonly value: number;
}

/**
 * An indicator of seed 000's four dimensions: numerator ÷ denominator × factor, where both are data-element
 * codes or short formulas of the formula language (src/core/formula). A `null` denominator means the
 * indicator is the numerator itself (a count or an amount).
 */
export interface DemoIndicatorDefinition {
  readonly code: string;
  readonly name: LocalizedText;
  readonly perspective: 'financial' | 'customer' | 'internal' | 'learning';
  readonly numerator: string;
  readonly denominator: string | null;
  readonly factor: number;
  readonly direction: 'higher' | 'lower';
  readonly unit: UnitCode;
}

export interface MedicalGroupDemo {
  readonly orgUnits: readonly DemoOrgUnit[];
  readonly dataElements: readonly DemoDataElement[];
  readonly indicators: readonly DemoIndicatorDefinition[];
  readonly values: readonly DemoValue[];
  readonly seed: number;
}
