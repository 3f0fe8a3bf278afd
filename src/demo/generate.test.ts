import { describe, expect, it, test } from 'vitest';
import { isProblemError } from '../core/errors/problem.ts';
import type { FormulaNode } from '../core/formula/formula-node.ts';
import { parseFormula } from '../core/formula/parse-formula.ts';
import { DEFAULT_DEMO_SEED, generateMedicalGroupDemo } from './generate.ts';
import type { DemoValue, MedicalGroupDemo } from './types.ts';

const demo = generateMedicalGroupDemo();

/** FNV-1a (32-bit) over the values' text: a compact fingerprint to compare two runs. */
function fingerprint(values: readonly DemoValue[]): number {
  let hash = 0x811c9dc5;
  for (const v of values) {
    const text = `${v.orgUnit}|${v.period}|${v.dataElement}|${v.value};`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

function seriesKey(v: DemoValue): string {
  return `${v.orgUnit}|${v.dataElement}`;
}

function unit(d: MedicalGroupDemo, code: string) {
  return d.orgUnits.find((u) => u.code === code);
}

describe('determinism', () => {
  it('uses seed 2021 by default', () => {
    expect(DEFAULT_DEMO_SEED).toBe(2021);
    expect(demo.seed).toBe(2021);
  });

  it('gives identical values for the same seed', () => {
    const again = generateMedicalGroupDemo({ seed: 2021 });
    expect(fingerprint(again.values)).toBe(fingerprint(demo.values));
    expect(again.values).toEqual(demo.values);
  });

  it('gives different monthly values for a different seed', () => {
    const other = generateMedicalGroupDemo({ seed: 7 });
    expect(other.values).toHaveLength(demo.values.length);
    const otherValue = new Map(other.values.map((o) => [`${seriesKey(o)}|${o.period}`, o.value]));
    const noisy = demo.values.filter((v) => v.dataElement === 'outpatient_visits');
    const differing = noisy.filter((v) => otherValue.get(`${seriesKey(v)}|${v.period}`) !== v.value);
    expect(differing.length / noisy.length).toBeGreaterThan(0.9);
  });

  test.each([-1, 1.5, 2 ** 32, Number.NaN])('rejects the seed %f with a bad-request problem', (seed) => {
    let problemType: string | undefined;
    try {
      generateMedicalGroupDemo({ seed });
    } catch (error) {
      if (isProblemError(error)) problemType = error.problem.type;
    }
    expect(problemType).toBe('bad-request');
  });
});

describe('org units', () => {
  it('is one group over one head hospital and four branch hospitals', () => {
    const hospitals = demo.orgUnits.filter((u) => u.type === 'hospital');
    expect(demo.orgUnits.filter((u) => u.type === 'group').map((u) => u.code)).toEqual(['UMG']);
    expect(hospitals.map((h) => [h.code, h.role, h.parent])).toEqual([
      ['UMG-HEAD', 'head', 'UMG'],
      ['UMG-B1', 'branch', 'UMG'],
      ['UMG-B2', 'branch', 'UMG'],
      ['UMG-B3', 'branch', 'UMG'],
      ['UMG-B4', 'branch', 'UMG'],
    ]);
  });

  it('gives the head hospital 6–8 departments including the main clinical ones', () => {
    const head = demo.orgUnits.filter((u) => u.parent === 'UMG-HEAD').map((u) => u.code);
    expect(head.length).toBeGreaterThanOrEqual(6);
    expect(head.length).toBeLessThanOrEqual(8);
    expect(head).toEqual(
      expect.arrayContaining([
        'UMG-HEAD-INTM',
        'UMG-HEAD-SURG',
        'UMG-HEAD-PAED',
        'UMG-HEAD-OBGY',
        'UMG-HEAD-EMER',
        'UMG-HEAD-CARD',
      ]),
    );
  });

  test.each(['UMG-B1', 'UMG-B2', 'UMG-B3', 'UMG-B4'])('gives branch %s 3–4 departments', (branch) => {
    const departments = demo.orgUnits.filter((u) => u.parent === branch);
    expect(departments.length).toBeGreaterThanOrEqual(3);
    expect(departments.length).toBeLessThanOrEqual(4);
    for (const d of departments) expect(d.type).toBe('department');
  });

  it('has unique codes, English and Chinese names, and parents that exist', () => {
    const codes = demo.orgUnits.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const u of demo.orgUnits) {
      expect(u.name.en.length).toBeGreaterThan(0);
      expect(u.name.zh).toMatch(/\p{Script=Han}/u);
      if (u.parent !== null) expect(codes).toContain(u.parent);
    }
  });
});

describe('values', () => {
  const elements = new Map(demo.dataElements.map((e) => [e.code, e]));
  const bySeries = new Map<string, DemoValue[]>();
  for (const v of demo.values) bySeries.set(seriesKey(v), [...(bySeries.get(seriesKey(v)) ?? []), v]);

  it('refers only to org units and data elements that exist', () => {
    for (const v of demo.values) {
      expect(unit(demo, v.orgUnit)).toBeDefined();
      expect(elements.has(v.dataElement)).toBe(true);
    }
  });

  it('has the 48 months 2021-01 … 2024-12 once each in every series', () => {
    const months = Array.from(
      { length: 48 },
      (_, t) => `${2021 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`,
    );
    for (const series of bySeries.values()) expect(series.map((v) => v.period)).toEqual(months);
  });

  it('stores departmental elements only at departments and hospital elements only at hospitals', () => {
    for (const v of demo.values) {
      const level = elements.get(v.dataElement)?.level;
      expect(unit(demo, v.orgUnit)?.type).toBe(level);
    }
  });

  it('gives every department all four departmental elements and every hospital its hospital elements', () => {
    for (const u of demo.orgUnits) {
      const present = demo.dataElements.filter((e) => bySeries.has(`${u.code}|${e.code}`)).map((e) => e.code);
      if (u.type === 'department')
        expect(present).toEqual([
          'outpatient_visits',
          'outpatient_revenue',
          'inpatient_discharges',
          'inpatient_revenue',
        ]);
      if (u.type === 'hospital') {
        const branchOnly = ['downward_referrals_received', 'new_technologies_introduced'];
        const expected = demo.dataElements
          .filter((e) => e.level === 'hospital' && (u.role === 'branch' || !branchOnly.includes(e.code)))
          .map((e) => e.code);
        expect(present).toEqual(expected);
      }
      if (u.type === 'group') expect(present).toEqual([]);
    }
  });

  it('holds whole, finite, non-negative numbers for integer and money elements', () => {
    for (const v of demo.values) {
      const element = elements.get(v.dataElement);
      expect(Number.isFinite(v.value)).toBe(true);
      expect(v.value).toBeGreaterThanOrEqual(element?.min ?? 0);
      if (element?.valueType === 'integer' || element?.valueType === 'money')
        expect(Number.isInteger(v.value)).toBe(true);
    }
  });

  it('never has a numerator above its denominator for a proportion, in any month and org unit', () => {
    const value = new Map(demo.values.map((v) => [`${v.orgUnit}|${v.dataElement}|${v.period}`, v.value]));
    const proportions = demo.indicators.filter((i) => i.factor === 100 && i.denominator !== null);
    expect(proportions.map((i) => i.code)).toEqual([
      'county_visit_rate',
      'diabetes_management_rate',
      'hypertension_management_rate',
    ]);
    let checked = 0;
    for (const indicator of proportions) {
      for (const v of demo.values.filter((x) => x.dataElement === indicator.numerator)) {
        const denominator = value.get(`${v.orgUnit}|${indicator.denominator}|${v.period}`);
        expect(denominator).toBeDefined();
        expect(v.value).toBeLessThanOrEqual(denominator ?? -1);
        checked++;
      }
    }
    expect(checked).toBe(3 * 5 * 48);
  });

  it('has realistic sizes: tens of thousands of visits a month at the head, thousands of diabetics per hospital', () => {
    const headVisits = new Map<string, number>();
    for (const v of demo.values) {
      if (v.dataElement === 'outpatient_visits' && unit(demo, v.orgUnit)?.parent === 'UMG-HEAD') {
        headVisits.set(v.period, (headVisits.get(v.period) ?? 0) + v.value);
      }
    }
    for (const visits of headVisits.values()) {
      expect(visits).toBeGreaterThan(50_000);
      expect(visits).toBeLessThan(150_000);
    }
    for (const v of demo.values.filter((x) => x.dataElement === 'diabetics_registered')) {
      expect(v.value).toBeGreaterThanOrEqual(1_000);
      expect(v.value).toBeLessThan(10_000);
    }
  });
});

describe('indicators', () => {
  function references(node: FormulaNode): string[] {
    switch (node.type) {
      case 'number':
        return [];
      case 'ref':
        return [node.code];
      case 'unary':
        return references(node.operand);
      case 'binary':
        return [...references(node.left), ...references(node.right)];
      case 'call':
        return node.args.flatMap(references);
    }
  }

  it('covers the four dimensions of seed 000', () => {
    expect(new Set(demo.indicators.map((i) => i.perspective))).toEqual(
      new Set(['financial', 'customer', 'internal', 'learning']),
    );
  });

  test.each(demo.indicators.map((i) => [i.code, i] as const))(
    '%s parses and uses only the demo’s data elements',
    (_, indicator) => {
      const codes = new Set(demo.dataElements.map((e) => e.code));
      for (const formula of [indicator.numerator, indicator.denominator]) {
        if (formula === null) continue;
        const parsed = parseFormula(formula);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) for (const code of references(parsed.ast)) expect(codes.has(code)).toBe(true);
      }
    },
  );
});
