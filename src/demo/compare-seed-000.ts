/**
 * Recomputes seed 000's 2021 → 2024 comparisons from a generated demo, the way the study (and the product)
 * should: per year, aggregate each data element over the scope's org units (Σ across units; over months by
 * the element's aggregation: Σ for flows, mean for month-end registers), then divide numerator by
 * denominator. Used for the README's table; the tests recompute the same figures independently.
 */
import { internal } from '../core/errors/problem.ts';
import { twoProportionZTest } from '../core/stats/index.ts';
import { GROUP_CODE, HEAD_CODE } from './model.ts';
import { FIRST_YEAR, LAST_YEAR } from './periods.ts';
import { SEED_000_TARGETS, type Seed000Target, type TargetScope } from './targets.ts';
import type { MedicalGroupDemo } from './types.ts';

export interface Seed000Comparison {
  readonly target: Seed000Target;
  readonly value2021: number;
  readonly value2024: number;
  /** (value₂₀₂₄ / value₂₀₂₁ − 1) × 100. */
  readonly changePercent: number;
  /** Two-sided pooled two-proportion z-test of 2021 vs 2024, for rates (factor 100); otherwise null. */
  readonly pValue: number | null;
}

/**
 * The org units a scope covers: its hospitals and their departments.
 *
 * @example
 * scopeOrgUnits(generateMedicalGroupDemo(), 'head'); // Set { 'UMG-HEAD', 'UMG-HEAD-INTM', … }
 */
export function scopeOrgUnits(demo: MedicalGroupDemo, scope: TargetScope): ReadonlySet<string> {
  const hospitals = demo.orgUnits.filter(
    (u) =>
      u.type === 'hospital' &&
      u.parent === GROUP_CODE &&
      (scope === 'group' || (scope === 'head' ? u.code === HEAD_CODE : u.role === 'branch')),
  );
  const codes = new Set(hospitals.map((h) => h.code));
  for (const unit of demo.orgUnits) if (unit.parent !== null && codes.has(unit.parent)) codes.add(unit.code);
  return codes;
}

/**
 * One data element's value for a year over a set of org units: Σ across units; over months Σ (`sum`),
 * the mean of the months (`average`) or the last month present (`last`).
 *
 * @example
 * annualValue(demo, 'diabetics_registered', scopeOrgUnits(demo, 'group'), 2021); // mean month-end register
 */
export function annualValue(
  demo: MedicalGroupDemo,
  dataElement: string,
  orgUnits: ReadonlySet<string>,
  year: number,
): number {
  const element = demo.dataElements.find((e) => e.code === dataElement);
  if (!element) throw internal('demo.unknown-data-element', { code: dataElement });
  const prefix = `${year}-`;
  const byPeriod = new Map<string, number>();
  for (const v of demo.values) {
    if (v.dataElement === dataElement && orgUnits.has(v.orgUnit) && v.period.startsWith(prefix)) {
      byPeriod.set(v.period, (byPeriod.get(v.period) ?? 0) + v.value);
    }
  }
  const months = [...byPeriod.keys()].sort();
  if (months.length === 0) return 0;
  if (element.aggregation === 'last') return byPeriod.get(months[months.length - 1] ?? '') ?? 0;
  const total = [...byPeriod.values()].reduce((a, b) => a + b, 0);
  return element.aggregation === 'average' ? total / months.length : total;
}

/**
 * Seed 000's seven reported results, recomputed from the demo's values.
 *
 * @example
 * compareWithSeed000(generateMedicalGroupDemo())[0];
 * // { target: { indicator: 'county_visit_rate', … }, value2021: 58.…, value2024: 80.…, changePercent: 36.35, pValue: 0 }
 */
export function compareWithSeed000(demo: MedicalGroupDemo): Seed000Comparison[] {
  return SEED_000_TARGETS.map((target) => {
    const indicator = demo.indicators.find((i) => i.code === target.indicator);
    if (!indicator) throw internal('demo.unknown-indicator', { code: target.indicator });
    const units = scopeOrgUnits(demo, target.scope);
    const n1 = annualValue(demo, indicator.numerator, units, FIRST_YEAR);
    const n2 = annualValue(demo, indicator.numerator, units, LAST_YEAR);
    const d1 =
      indicator.denominator === null ? 1 : annualValue(demo, indicator.denominator, units, FIRST_YEAR);
    const d2 =
      indicator.denominator === null ? 1 : annualValue(demo, indicator.denominator, units, LAST_YEAR);
    const value2021 = (n1 / d1) * indicator.factor;
    const value2024 = (n2 / d2) * indicator.factor;
    const pValue =
      indicator.denominator !== null && indicator.factor === 100
        ? twoProportionZTest(n1, d1, n2, d2).pValue
        : null;
    return { target, value2021, value2024, changePercent: (value2024 / value2021 - 1) * 100, pValue };
  });
}
