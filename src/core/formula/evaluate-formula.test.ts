import { describe, expect, test } from 'vitest';
import { compileFormula } from './compile-formula.ts';
import { compileToEvaluator } from './compile-to-evaluator.ts';
import { evaluateFormula } from './evaluate-formula.ts';
import type { CompiledFormula, FormulaNode, ValueLookup } from './formula-node.ts';

type Values = Readonly<Record<string, number | null | undefined>>;

function compile(source: string): CompiledFormula {
  const result = compileFormula(source, () => true);
  if (!result.ok) throw new Error(`expected '${source}' to compile: ${result.errors[0]?.message}`);
  return result.formula;
}

function lookupIn(values: Values): ValueLookup {
  return (code) => values[code];
}

/** Both evaluators must agree on every case below. */
const evaluators: readonly [
  string,
  (formula: CompiledFormula | FormulaNode, lookup: ValueLookup) => number | null,
][] = [
  ['evaluateFormula', evaluateFormula],
  ['compileToEvaluator', (formula, lookup) => compileToEvaluator(formula)(lookup)],
];

const none: Values = {};

// Arithmetic and precedence; expected values computed by hand.
const arithmetic: readonly [string, Values, number][] = [
  ['2 - 3 - 4', none, -5],
  ['2 * 3 + 4', none, 10],
  ['2 + 3 * 4', none, 14],
  ['-2 * 3', none, -6],
  ['8 / 4 / 2', none, 1],
  ['(2 + 3) * 4', none, 20],
  ['-(2 + 3)', none, -5],
  ['+5 - -3', none, 8],
  ['10 - 2 * 3 / 4', none, 8.5],
  ['1e3 + .5 + 2.5E-2', none, 1000.525],
  ['a * b - c', { a: 3, b: 4, c: 5 }, 7],
  ['{icu-beds} + 床位数', { 'icu-beds': 12, 床位数: 300 }, 312],
];

// Comparisons and logic give 1 (true) or 0 (false); any non-zero value is true.
const logic: readonly [string, Values, number][] = [
  ['1 < 2', none, 1],
  ['2 < 2', none, 0],
  ['2 <= 2', none, 1],
  ['3 <= 2', none, 0],
  ['3 > 2', none, 1],
  ['2 > 2', none, 0],
  ['2 >= 2', none, 1],
  ['1 >= 2', none, 0],
  ['2 == 2', none, 1],
  ['2 == 3', none, 0],
  ['2 != 3', none, 1],
  ['2 != 2', none, 0],
  ['1 + 2 < 4', none, 1],
  ['2 and 3', none, 1],
  ['1 and 0', none, 0],
  ['0 or 0', none, 0],
  ['0 or -5', none, 1],
  ['not 0', none, 1],
  ['not 7', none, 0],
  ['not 1 < 2', none, 0],
  ['1 or 0 and 0', none, 1],
  ['(1 or 0) and 0', none, 0],
  ['a > 0 AND b > 0', { a: 1, b: 2 }, 1],
  ['0 and missing', none, 0],
  ['1 or missing', none, 1],
];

// Functions: if, min, max, abs, coalesce.
const functions: readonly [string, Values, number][] = [
  ['if(1, 2, 3)', none, 2],
  ['if(0, 2, 3)', none, 3],
  ['if(-0.5, 2, 3)', none, 2],
  ['IF(a > b, a, b)', { a: 4, b: 9 }, 9],
  ['if(den > 0, num / den, 0)', { num: 5, den: 0 }, 0],
  ['if(den > 0, num / den, 0)', { num: 5, den: 2 }, 2.5],
  ['if(den > 0, num / den, 0)', { den: 0 }, 0],
  ['if(1, 5, missing)', none, 5],
  ['min(3, 1, 2)', none, 1],
  ['max(3, 1, 2)', none, 3],
  ['min(4)', none, 4],
  ['Max(-1, -7)', none, -1],
  ['abs(-2.5)', none, 2.5],
  ['abs(2.5)', none, 2.5],
  ['coalesce(missing, 7)', none, 7],
  ['coalesce(a, b, 0)', { a: null, b: 4 }, 4],
  ['coalesce(1 / 0, 3)', none, 3],
  ['coalesce(x, 0) + 1', { x: undefined }, 1],
];

// Seed 002 Table 3.1 formulas on sample inputs chosen so that the result is the AZ Hospital metric
// value printed in Table 4.9 (money in 100 million yuan). Each expected value is that printed figure.
const seed002: readonly [string, string, Values, number][] = [
  [
    'F2 current ratio',
    'current_assets / current_liabilities',
    { current_assets: 9, current_liabilities: 5 },
    1.8,
  ],
  [
    'F3 return on assets (%)',
    'ebit / average_total_assets * 100',
    { ebit: 1.6, average_total_assets: 10 },
    16,
  ],
  [
    'F4 operating surplus ratio (%)',
    'operating_surplus / (medical_revenue + fiscal_subsidy + other_income) * 100',
    { operating_surplus: 0.3, medical_revenue: 8, fiscal_subsidy: 1.5, other_income: 0.5 },
    3,
  ],
  [
    'F5 budget expenditure execution rate (%)',
    'actual_expenditure / budgeted_expenditure * 100',
    { actual_expenditure: 10.32, budgeted_expenditure: 10 },
    103.2,
  ],
  [
    'F6 drug revenue share (%)',
    'drug_revenue / medical_revenue * 100',
    { drug_revenue: 2.96, medical_revenue: 8 },
    37,
  ],
  [
    'C2 outpatient growth rate (%)',
    '(outpatients - outpatients_prev) / outpatients_prev * 100',
    { outpatients: 2_100_000, outpatients_prev: 2_000_000 },
    5,
  ],
  [
    'C3 inpatient growth rate (%)',
    '(inpatients - inpatients_prev) / inpatients_prev * 100',
    { inpatients: 51_000, inpatients_prev: 50_000 },
    2,
  ],
  [
    'C5 drug share of outpatient cost per visit (%)',
    'drug_cost_per_visit / outpatient_cost_per_visit * 100',
    { drug_cost_per_visit: 225, outpatient_cost_per_visit: 300 },
    75,
  ],
  [
    'I1 cardiac surgery success rate (%)',
    'successful_cardiac_surgeries / cardiac_surgeries * 100',
    { successful_cardiac_surgeries: 4900, cardiac_surgeries: 5000 },
    98,
  ],
  [
    'I2 bed occupancy rate (%)',
    'occupied_bed_days / available_bed_days * 100',
    { occupied_bed_days: 371_570, available_bed_days: 365_000 },
    101.8,
  ],
  [
    'I4 average length of stay (days)',
    'discharged_bed_days / discharged_patients',
    { discharged_bed_days: 392_500, discharged_patients: 50_000 },
    7.85,
  ],
  ['I5 inpatient mortality rate (%)', 'deaths / inpatients * 100', { deaths: 45, inpatients: 50_000 }, 0.09],
  [
    'I8 hospital-acquired infection rate (%)',
    'hospital_infections / inpatients * 100',
    { hospital_infections: 2500, inpatients: 50_000 },
    5,
  ],
  [
    'S4 papers per capita',
    'papers_published / medical_staff',
    { papers_published: 1300, medical_staff: 100 },
    13,
  ],
];

// Seed 002 Table 4.9's quantified values, written in the language: actual/reference for a positive
// indicator and reference/actual for a negative one, capped at 1 (except I1, see seeds/README.md).
const quantified: readonly [string, string, Values, number, number][] = [
  ['I2 capped at 1', 'min(bed_occupancy / 89, 1)', { bed_occupancy: 101.8 }, 1, 10],
  ['C2 outpatient growth', 'min(outpatient_growth / 8, 1)', { outpatient_growth: 5 }, 0.625, 10],
  ['I4 length of stay, lower is better', 'min(6.57 / length_of_stay, 1)', { length_of_stay: 7.85 }, 0.837, 3],
  [
    'I7 resuscitation success',
    'min(resuscitation_success / 80, 1)',
    { resuscitation_success: 75 },
    0.9375,
    10,
  ],
  ['I1 cardiac surgery, not capped', 'cardiac_success / 90', { cardiac_success: 98 }, 1.089, 3],
];

// "No value" rules: a missing or non-finite input, division by zero or overflow gives null.
const noValue: readonly [string, Values][] = [
  ['a + 1', none],
  ['a + 1', { a: null }],
  ['a + 1', { a: undefined }],
  ['a + 1', { a: Number.NaN }],
  ['a + 1', { a: Number.POSITIVE_INFINITY }],
  ['a * 0', none],
  ['-a', none],
  ['+a', none],
  ['1 / 0', none],
  ['0 / 0', none],
  ['a / b', { a: 3, b: 0 }],
  ['(outpatients - outpatients_prev) / outpatients_prev * 100', { outpatients: 10, outpatients_prev: 0 }],
  ['1e308 * 10', none],
  ['-1e308 - 1e308', none],
  ['a < 1', none],
  ['a == a', none],
  ['not a', none],
  ['1 and missing', none],
  ['0 or missing', none],
  ['missing and 0', none],
  ['missing or 1', none],
  ['if(missing, 1, 2)', none],
  ['if(1, missing, 2)', none],
  ['min(1, missing)', none],
  ['max(missing, 1)', none],
  ['abs(missing)', none],
  ['coalesce(missing, other)', none],
  ['coalesce(1 / 0)', none],
];

describe.each(evaluators)('%s', (_name, run) => {
  test.each(arithmetic)('evaluates %j with %o to %d', (source, values, expected) => {
    expect(run(compile(source), lookupIn(values))).toBeCloseTo(expected, 12);
  });

  test.each(logic)('evaluates the comparison or logic %j with %o to %d', (source, values, expected) => {
    expect(run(compile(source), lookupIn(values))).toBe(expected);
  });

  test.each(functions)('evaluates the call %j with %o to %d', (source, values, expected) => {
    expect(run(compile(source), lookupIn(values))).toBeCloseTo(expected, 12);
  });

  test.each(seed002)(
    'computes seed 002 %s from its Table 3.1 formula',
    (_indicator, source, values, expected) => {
      expect(run(compile(source), lookupIn(values))).toBeCloseTo(expected, 10);
    },
  );

  test.each(quantified)(
    'computes the Table 4.9 quantified value for %s',
    (_label, source, values, expected, digits) => {
      expect(run(compile(source), lookupIn(values))).toBeCloseTo(expected, digits);
    },
  );

  test.each(noValue)('gives no value for %j with %o', (source, values) => {
    expect(run(compile(source), lookupIn(values))).toBeNull();
  });

  test('does not read the data elements of the branch if() does not take', () => {
    const read: string[] = [];
    const value = run(compile('if(den > 0, num / den, fallback)'), (code) => {
      read.push(code);
      return code === 'den' ? 4 : 10;
    });
    expect(value).toBe(2.5);
    expect(read).toEqual(['den', 'num', 'den']);
  });

  test('does not read the right operand of and/or when the left decides', () => {
    const read: string[] = [];
    const lookup: ValueLookup = (code) => {
      read.push(code);
      return code === 'yes' ? 1 : 0;
    };
    expect(run(compile('no and x'), lookup)).toBe(0);
    expect(run(compile('yes or y'), lookup)).toBe(1);
    expect(read).toEqual(['no', 'yes']);
  });

  test('reports zero rather than negative zero', () => {
    expect(Object.is(run(compile('0 * -1'), lookupIn(none)), 0)).toBe(true);
    expect(Object.is(run(compile('-a'), lookupIn({ a: 0 })), 0)).toBe(true);
  });

  test('evaluates a bare syntax tree as well as a compiled formula', () => {
    const { ast } = compile('a / b * 100');
    expect(run(ast, lookupIn({ a: 1, b: 4 }))).toBe(25);
  });

  // Trees built in code can break the arity rules the parser enforces; a missing argument has no value.
  test.each([
    ['if with two arguments', { type: 'call', name: 'if', args: [num(0), num(1)], start: 0, end: 0 }],
    ['abs with none', { type: 'call', name: 'abs', args: [], start: 0, end: 0 }],
    ['min with none', { type: 'call', name: 'min', args: [], start: 0, end: 0 }],
    ['a non-finite number', num(Number.NaN)],
  ] satisfies [string, FormulaNode][])('gives no value for a hand-built tree with %s', (_label, ast) => {
    expect(run(ast, lookupIn(none))).toBeNull();
  });
});

function num(value: number): FormulaNode {
  return { type: 'number', value, start: 0, end: 0 };
}
