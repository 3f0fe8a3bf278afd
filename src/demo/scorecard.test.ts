import { describe, expect, it } from 'vitest';
import { checkRules } from '../core/quality/index.ts';
import { compileScorecard } from '../core/scorecard/index.ts';
import { generateMedicalGroupDemo } from './generate.ts';
import { buildDemoScorecard, buildDemoTargets } from './scorecard.ts';

const demo = generateMedicalGroupDemo();

describe('buildDemoScorecard', () => {
  it('compiles into four equally weighted perspectives holding all ten seed-000 indicators', () => {
    const scorecard = compileScorecard(buildDemoScorecard(demo));
    expect(scorecard.perspectives.map((p) => [p.id, p.weight, p.indicators.length])).toEqual([
      ['F', 0.25, 3],
      ['C', 0.25, 3],
      ['I', 0.25, 2],
      ['L', 0.25, 2],
    ]);
    const county = scorecard.perspectives[1]?.indicators[0];
    expect(county?.formula?.type).toBe('ratio');
  });

  it('averages the chronic-disease registers over months and sums visits', () => {
    const file = buildDemoScorecard(demo);
    const rules = Object.fromEntries((file.dataElements ?? []).map((e) => [e.code, e.timeAggregation]));
    expect(rules.diabetics_registered).toBe('average');
    expect(rules.outpatient_visits).toBe('sum');
  });
});

describe('the demo validation rules', () => {
  const { validationRules } = compileScorecard(buildDemoScorecard(demo));

  it('catch 900,000 diabetics managed out of 4,129 registered', () => {
    const values: Record<string, number> = {
      diabetics_standard_managed: 900_000,
      diabetics_registered: 4_129,
    };
    expect(checkRules(validationRules, (code) => values[code]).map((v) => [v.rule, v.left, v.right])).toEqual(
      [['diabetics-managed-within-registered', 900_000, 4_129]],
    );
  });

  it('hold for every unit and month of the generated data', () => {
    const cells = new Map<string, Map<string, number>>();
    for (const v of demo.values) {
      const key = `${v.orgUnit}/${v.period}`;
      const cell = cells.get(key) ?? new Map<string, number>();
      cell.set(v.dataElement, v.value);
      cells.set(key, cell);
    }
    const broken = [...cells].flatMap(([key, cell]) =>
      checkRules(validationRules, (code) => cell.get(code)).map((v) => `${key} ${v.rule}`),
    );
    expect([cells.size > 0, broken]).toEqual([true, []]);
  });
});

describe('buildDemoTargets', () => {
  const targets = buildDemoTargets(demo);

  it('gives the rates one provincial aim per year for every unit', () => {
    const county = targets.filter((t) => t.indicator === 'county_visit_rate');
    expect(county.map((t) => [t.orgUnit, t.period, t.target])).toEqual([
      [null, '2021', 90],
      [null, '2022', 90],
      [null, '2023', 90],
      [null, '2024', 90],
    ]);
  });

  it('sets volume targets 5 % above the same period of the previous year, from the generated data', () => {
    const sum = (unitPrefix: string, element: string, year: string) =>
      demo.values
        .filter(
          (v) => v.dataElement === element && v.period.startsWith(year) && v.orgUnit.startsWith(unitPrefix),
        )
        .reduce((acc, v) => acc + v.value, 0);
    const cases2023 =
      sum('UMG-B1-', 'outpatient_visits', '2023') + sum('UMG-B1-', 'inpatient_discharges', '2023');
    const target = targets.find(
      (t) => t.indicator === 'cases_handled' && t.orgUnit === 'UMG-B1' && t.period === '2024',
    );
    expect(target?.target).toBeCloseTo(cases2023 * 1.05, 1);
    expect(target?.source).toBe('2023 + 5 %');
  });

  it('holds costs at the 2021 level of the same period', () => {
    const t2024 = targets.find(
      (t) => t.indicator === 'outpatient_cost_per_visit' && t.orgUnit === 'UMG-HEAD' && t.period === '2024Q3',
    );
    const t2021 = targets.find(
      (t) => t.indicator === 'outpatient_cost_per_visit' && t.orgUnit === 'UMG-HEAD' && t.period === '2021Q3',
    );
    expect(t2024?.target).toBe(t2021?.target);
    expect(t2024?.source).toBe('held at the 2021Q3 level');
  });
});
