/**
 * What seed 000 (000_f2cc7fd4e5e58b48.txt) reports for 2021 → 2024, which the generator is calibrated to
 * reproduce. Each change is computed from annual values, an annual value being the ratio of the year's
 * aggregated numerator and denominator over the org units of `scope`.
 */
import type { DemoIndicatorCode } from './indicators.ts';

/** The org units a target is computed over: the whole group, the head hospital, or all branches together. */
export type TargetScope = 'group' | 'head' | 'branches';

export interface Seed000Target {
  readonly indicator: DemoIndicatorCode;
  readonly scope: TargetScope;
  /** Seed 000's percentage change 2021 → 2024, when it reports one. */
  readonly changePercent: number | null;
  /** Seed 000's two-sided p-value for 2021 vs 2024: exact, or an upper bound ("p < 0.001"). */
  readonly pValue: { readonly equals: number } | { readonly below: number } | null;
}

export const SEED_000_TARGETS: readonly Seed000Target[] = [
  { indicator: 'county_visit_rate', scope: 'group', changePercent: 36.35, pValue: { below: 0.001 } },
  { indicator: 'diabetes_management_rate', scope: 'group', changePercent: 13.79, pValue: { below: 0.001 } },
  { indicator: 'new_technologies', scope: 'branches', changePercent: 66.67, pValue: null },
  { indicator: 'outpatient_cost_per_visit', scope: 'branches', changePercent: -20.68, pValue: null },
  { indicator: 'inpatient_cost_per_discharge', scope: 'branches', changePercent: -23.96, pValue: null },
  { indicator: 'outpatient_cost_per_visit', scope: 'head', changePercent: 14.36, pValue: null },
  {
    indicator: 'hypertension_management_rate',
    scope: 'group',
    changePercent: null,
    pValue: { equals: 0.145 },
  },
];

/**
 * New technologies introduced to all branches together, per year 2021…2024. Seed 000 gives only the change
 * (+66.67 %), which is 6 → 10; the middle years are this demo's choice.
 */
export const NEW_TECHNOLOGIES_PER_YEAR: readonly number[] = [6, 7, 8, 10];

/**
 * |z| whose two-sided p-value is seed 000's 0.145 for hypertension: Φ⁻¹(1 − 0.145 / 2), computed with
 * Python's statistics.NormalDist().inv_cdf (Wichura's AS 241, ~1e-16). Hard-coded so the generator
 * needs no inverse normal; the tests check 2·(1 − Φ(z)) = 0.145.
 */
export const HYPERTENSION_TARGET_Z = 1.4574217385976507;
