/**
 * Checks the demo against seed 000 (000_f2cc7fd4e5e58b48.txt): the 2021 → 2024 changes and p-values it
 * reports, recomputed here from the raw values. An annual value is Σ numerator ÷ Σ denominator over the
 * scope's org units and the year's months (never a mean of monthly rates); the z-test compares counts of
 * people, so month-end registers (aggregation `average`) enter as their annual mean.
 */
import { describe, expect, test } from 'vitest';
import { twoProportionZTest } from '../core/stats/index.ts';
import { compareWithSeed000 } from './compare-seed-000.ts';
import { generateMedicalGroupDemo } from './generate.ts';
import type { MedicalGroupDemo } from './types.ts';

type Scope = 'group' | 'head' | 'branches';

function scope(demo: MedicalGroupDemo, which: Scope): Set<string> {
  const hospitals = demo.orgUnits.filter(
    (u) => u.type === 'hospital' && (which === 'group' || u.role === (which === 'head' ? 'head' : 'branch')),
  );
  const codes = new Set(hospitals.map((h) => h.code));
  for (const u of demo.orgUnits) if (u.parent !== null && codes.has(u.parent)) codes.add(u.code);
  return codes;
}

function annualSum(demo: MedicalGroupDemo, element: string, units: Set<string>, year: number): number {
  let sum = 0;
  for (const v of demo.values) {
    if (v.dataElement === element && units.has(v.orgUnit) && v.period.startsWith(`${year}-`)) sum += v.value;
  }
  return sum;
}

function change(demo: MedicalGroupDemo, numerator: string, denominator: string | null, which: Scope): number {
  const units = scope(demo, which);
  const ratio = (year: number) =>
    annualSum(demo, numerator, units, year) /
    (denominator === null ? 1 : annualSum(demo, denominator, units, year));
  return (ratio(2024) / ratio(2021) - 1) * 100;
}

function pValue(demo: MedicalGroupDemo, numerator: string, denominator: string): number {
  const units = scope(demo, 'group');
  const perYear = demo.dataElements.find((e) => e.code === denominator)?.aggregation === 'average' ? 12 : 1;
  const count = (element: string, year: number) => annualSum(demo, element, units, year) / perYear;
  return twoProportionZTest(
    count(numerator, 2021),
    count(denominator, 2021),
    count(numerator, 2024),
    count(denominator, 2024),
  ).pValue;
}

const SEEDS = [2021, 7, 424_242];

// Seed 000's reported changes 2021 → 2024, in per cent.
const CHANGES: readonly [string, string, string | null, Scope, number][] = [
  ['county visit rate', 'county_resident_visits_in_county', 'county_resident_visits_total', 'group', 36.35],
  ['diabetes management rate', 'diabetics_standard_managed', 'diabetics_registered', 'group', 13.79],
  ['new technologies introduced to branches', 'new_technologies_introduced', null, 'branches', 66.67],
  ['branches’ outpatient cost per visit', 'outpatient_revenue', 'outpatient_visits', 'branches', -20.68],
  ['branches’ inpatient cost per discharge', 'inpatient_revenue', 'inpatient_discharges', 'branches', -23.96],
  ['head hospital’s outpatient cost per visit', 'outpatient_revenue', 'outpatient_visits', 'head', 14.36],
];

describe.each(SEEDS)('seed %i', (seed) => {
  const demo = generateMedicalGroupDemo({ seed });

  test.each(CHANGES)('reproduces seed 000’s change in the %s within ±0.05 pp', (_, n, d, which, expected) => {
    expect(Math.abs(change(demo, n, d, which) - expected)).toBeLessThanOrEqual(0.05);
  });

  test.each([
    ['county visit rate', 'county_resident_visits_in_county', 'county_resident_visits_total'],
    ['diabetes management rate', 'diabetics_standard_managed', 'diabetics_registered'],
  ])('makes the change in the %s significant, p < 0.001 as in seed 000', (_, n, d) => {
    expect(pValue(demo, n, d)).toBeLessThan(0.001);
  });

  test('leaves hypertension management without a significant change, p = 0.145 as in seed 000', () => {
    expect(
      Math.abs(pValue(demo, 'hypertensives_standard_managed', 'hypertensives_registered') - 0.145),
    ).toBeLessThan(0.0005);
  });

  test('agrees with compareWithSeed000, the summary the README table comes from', () => {
    for (const row of compareWithSeed000(demo)) {
      const indicator = demo.indicators.find((i) => i.code === row.target.indicator);
      expect(indicator).toBeDefined();
      if (!indicator) continue;
      expect(row.changePercent).toBeCloseTo(
        change(demo, indicator.numerator, indicator.denominator, row.target.scope),
        9,
      );
    }
  });
});
