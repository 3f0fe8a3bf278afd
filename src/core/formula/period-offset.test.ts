import { describe, expect, test } from 'vitest';
import { periodOffsets } from './check-formula.ts';
import { compileFormula } from './compile-formula.ts';
import { compileToEvaluator } from './compile-to-evaluator.ts';
import { evaluateFormula } from './evaluate-formula.ts';
import { formatFormulaError } from './format-formula-error.ts';
import { periodOffsetKey } from './formula-node.ts';
import { parseFormula } from './parse-formula.ts';

/** China's indicator 38 (门诊次均费用增幅): this year's cost per visit against last year's, in per cent. */
const GROWTH =
  '({op_rev} / {op_visits} - {op_rev}.periodOffset(-1) / {op_visits}.periodOffset(-1)) / ({op_rev}.periodOffset(-1) / {op_visits}.periodOffset(-1)) * 100';

const known = new Set(['op_rev', 'op_visits', 'beds', 'dept.beds']);

function values(entries: Record<string, number | null>) {
  return (code: string) => entries[code];
}

describe('period offsets', () => {
  test('parses a braced code with .periodOffset(-1) into a reference with offset -1', () => {
    const parsed = parseFormula('{op_rev}.periodOffset(-1)');
    expect(parsed).toEqual({ ok: true, ast: { type: 'ref', code: 'op_rev', offset: -1, start: 0, end: 25 } });
  });

  test('parses a bare code, whose name may contain dots, with .periodOffset(-12)', () => {
    const parsed = parseFormula('dept.beds.periodOffset( -12 )');
    expect(parsed).toEqual({
      ok: true,
      ast: { type: 'ref', code: 'dept.beds', offset: -12, start: 0, end: 29 },
    });
  });

  test('accepts periodOffset in any case, as function names are', () => {
    const parsed = parseFormula('{beds}.PERIODOFFSET(-1)');
    expect(parsed.ok && parsed.ast.type === 'ref' ? parsed.ast.offset : null).toBe(-1);
  });

  test('evaluates the growth of the cost per visit from this year and last year: 10 %', () => {
    const compiled = compileFormula(GROWTH, known);
    if (!compiled.ok) throw new Error('did not compile');
    const lookup = values({
      op_rev: 3_300_000,
      op_visits: 10_000,
      [periodOffsetKey('op_rev', -1)]: 2_700_000,
      [periodOffsetKey('op_visits', -1)]: 9_000,
    });
    // 330 yuan per visit against 300 the year before: (330 − 300) / 300 × 100 = 10
    expect(evaluateFormula(compiled.formula, lookup)).toBeCloseTo(10, 12);
  });

  test('gives a negative growth when the cost per visit fell: −20 %', () => {
    const compiled = compileFormula(GROWTH, known);
    if (!compiled.ok) throw new Error('did not compile');
    const lookup = values({
      op_rev: 2_400_000,
      op_visits: 10_000,
      [periodOffsetKey('op_rev', -1)]: 3_000_000,
      [periodOffsetKey('op_visits', -1)]: 10_000,
    });
    expect(compileToEvaluator(compiled.formula)(lookup)).toBeCloseTo(-20, 12);
  });

  test('has no value when the earlier period has none', () => {
    const compiled = compileFormula(GROWTH, known);
    if (!compiled.ok) throw new Error('did not compile');
    expect(evaluateFormula(compiled.formula, values({ op_rev: 3_300_000, op_visits: 10_000 }))).toBeNull();
  });

  test('lists the earlier-period reads once each, in order, and the codes they read', () => {
    const compiled = compileFormula(GROWTH, known);
    if (!compiled.ok) throw new Error('did not compile');
    expect(periodOffsets(compiled.formula.ast)).toEqual([
      { code: 'op_rev', offset: -1 },
      { code: 'op_visits', offset: -1 },
    ]);
  });

  test('keeps the base codes in the references, so the elements are checked and loaded', () => {
    const compiled = compileFormula('{beds}.periodOffset(-1)', known);
    expect(compiled.ok ? compiled.formula.references : null).toEqual(['beds']);
  });

  test('reports an unknown data element under an offset at its position', () => {
    const compiled = compileFormula('beds - {bedz}.periodOffset(-1)', known);
    expect(
      compiled.ok ? [] : compiled.errors.map((e) => formatFormulaError('beds - {bedz}.periodOffset(-1)', e)),
    ).toEqual(["position 7: unknown data element 'bedz'"]);
  });

  test.each([
    [
      '{beds}.periodOffset(0)',
      'position 20: period offset 0 is out of range; use a whole number from -36 to -1 (an earlier period)',
    ],
    [
      '{beds}.periodOffset(1)',
      'position 20: period offset 1 is out of range; use a whole number from -36 to -1 (an earlier period)',
    ],
    [
      '{beds}.periodOffset(-37)',
      'position 20: period offset -37 is out of range; use a whole number from -36 to -1 (an earlier period)',
    ],
    [
      '{beds}.periodOffset(-1.5)',
      "position 21: '.periodOffset(…)' takes a whole number of periods such as -1; got '1.5'",
    ],
    [
      '{beds}.periodOffset(x)',
      "position 20: '.periodOffset(…)' takes a whole number of periods such as -1; got 'x'",
    ],
    [
      '{beds}.periodOffset',
      "position 19: '.periodOffset(…)' takes a whole number of periods such as -1; got ''",
    ],
    ['{beds}.periodOffset(-1', "position 22: missing ')' to close the '(' at position 19"],
  ])('rejects %s', (source, message) => {
    const parsed = parseFormula(source);
    const error = parsed.ok ? undefined : parsed.errors[0];
    expect(error ? formatFormulaError(source, error) : null).toBe(message);
  });
});
