import { describe, expect, it } from 'vitest';
import { compileScorecard, evaluateScorecard } from '../core/scorecard/index.ts';
import { buildDemoDepartmentScorecard, buildDemoDepartmentTargets } from './department-scorecard.ts';
import { generateMedicalGroupDemo } from './generate.ts';
import { buildDemoScorecard } from './scorecard.ts';

const demo = generateMedicalGroupDemo();

describe('buildDemoDepartmentScorecard', () => {
  it('compiles into two equally weighted perspectives over the four departmental elements only', () => {
    const scorecard = compileScorecard(buildDemoDepartmentScorecard(demo));
    expect(scorecard.perspectives.map((p) => [p.id, p.weight, p.indicators.map((i) => i.id)])).toEqual([
      ['F', 0.5, ['medical_revenue', 'outpatient_cost_per_visit', 'inpatient_cost_per_discharge']],
      ['I', 0.5, ['outpatient_volume', 'inpatient_volume']],
    ]);
    expect(scorecard.dataElements.map((e) => e.code)).toEqual([
      'outpatient_visits',
      'outpatient_revenue',
      'inpatient_discharges',
      'inpatient_revenue',
    ]);
    expect(scorecard.minimumCoverage).toBe(0.6);
  });

  it('gives the group scheme a department would be scored on 37.5 % coverage: insufficient data at 60 %', () => {
    // A department has values for the three financial indicators (F, 0.25) and cases handled (0.125 of I's 0.25).
    const scorecard = compileScorecard(buildDemoScorecard(demo));
    const department = new Map(
      ['outpatient_visits', 'outpatient_revenue', 'inpatient_discharges', 'inpatient_revenue'].map((c) => [
        c,
        100,
      ]),
    );
    const targets = new Map(
      scorecard.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, 1] as const),
    );
    const result = evaluateScorecard(scorecard, {
      data: department,
      actuals: new Map(),
      targets,
      references: new Map(),
      ratings: new Map(),
    });
    expect([result.coverage, result.insufficientData, result.total]).toEqual([0.375, true, null]);
  });
});

describe('buildDemoDepartmentTargets', () => {
  const targets = buildDemoDepartmentTargets(demo);

  it('sets targets for departments only', () => {
    const units = new Set(targets.map((t) => t.orgUnit));
    expect(
      [...units].every((u) => u !== null && demo.orgUnits.find((o) => o.code === u)?.type === 'department'),
    ).toBe(true);
    expect(units.size).toBe(21);
  });

  it('sets visit targets 5 % above the same period of the previous year', () => {
    const visits2023 = demo.values
      .filter(
        (v) =>
          v.orgUnit === 'UMG-B1-INTM' && v.dataElement === 'outpatient_visits' && v.period.startsWith('2023'),
      )
      .reduce((sum, v) => sum + v.value, 0);
    const target = targets.find(
      (t) => t.indicator === 'outpatient_volume' && t.orgUnit === 'UMG-B1-INTM' && t.period === '2024',
    );
    expect(target?.target).toBeCloseTo(visits2023 * 1.05, 1);
  });
});
