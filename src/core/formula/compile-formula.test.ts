import { describe, expect, test } from 'vitest';
import { checkFormula, referencedCodes } from './check-formula.ts';
import { compileFormula } from './compile-formula.ts';
import { formatFormulaError } from './format-formula-error.ts';
import type { FormulaNode } from './formula-node.ts';
import { parseFormula } from './parse-formula.ts';

function parseOrFail(source: string): FormulaNode {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(`expected '${source}' to parse: ${result.errors[0]?.message}`);
  return result.ast;
}

/** The error for an unknown data element at a position. */
function unknown(code: string, position: number) {
  return {
    code: 'formula.unknown-data-element',
    params: { code },
    message: `unknown data element '${code}'`,
    position,
  };
}

const beds = new Set(['beds', 'occupied_bed_days', 'available_bed_days', 'icu beds', '床位数']);

describe('checkFormula', () => {
  test('reports every occurrence of every unknown data element at its position', () => {
    const source = 'bedz / beds + bedz * {icu bedz} - 床位 + coalesce(x, beds)';
    expect(checkFormula(parseOrFail(source), (code) => beds.has(code))).toEqual([
      unknown('bedz', 0),
      unknown('bedz', 14),
      unknown('icu bedz', 21),
      unknown('床位', 34),
      unknown('x', 48),
    ]);
  });

  test('finds nothing wrong when every data element is known', () => {
    expect(checkFormula(parseOrFail('{icu beds} / 床位数 * 100'), (code) => beds.has(code))).toEqual([]);
  });

  test.each([
    [
      'if with two arguments',
      'if',
      2,
      'formula.if-arity',
      { count: 2 },
      'if() takes exactly 3 arguments (condition, value if true, value if false); got 2',
    ],
    [
      'abs with two arguments',
      'abs',
      2,
      'formula.arity-exactly-one',
      { name: 'abs', count: 2 },
      'abs() takes exactly 1 argument; got 2',
    ],
    [
      'max with no argument',
      'max',
      0,
      'formula.arity-at-least-one',
      { name: 'max', count: 0 },
      'max() takes at least 1 argument; got 0',
    ],
  ] as const)('reports a hand-built call of %s at the call', (_label, name, count, code, params, message) => {
    const args: FormulaNode[] = Array.from({ length: count }, (_, i) => ({
      type: 'number',
      value: i,
      start: 9,
      end: 10,
    }));
    const ast: FormulaNode = { type: 'call', name, args, start: 4, end: 12 };
    expect(checkFormula(ast, () => true)).toEqual([{ code, params, message, position: 4 }]);
  });
});

describe('referencedCodes', () => {
  test.each([
    ['(outpatients - outpatients_prev) / outpatients_prev * 100', ['outpatients', 'outpatients_prev']],
    ['if(den > 0, num / den, coalesce(fallback, 0))', ['den', 'num', 'fallback']],
    ['not {a-b} or 门诊 and {a-b}', ['a-b', '门诊']],
    ['1 + 2', []],
  ])('lists the distinct codes of %j in order of first appearance', (source, expected) => {
    expect(referencedCodes(parseOrFail(source))).toEqual(expected);
  });
});

describe('compileFormula', () => {
  test('returns the source, tree and referenced codes of a valid formula', () => {
    const source = 'occupied_bed_days / available_bed_days * 100';
    const result = compileFormula(source, beds);
    expect(result).toMatchObject({
      ok: true,
      formula: {
        source,
        ast: { type: 'binary', op: '*' },
        references: ['occupied_bed_days', 'available_bed_days'],
      },
    });
  });

  test.each([
    ['a set', beds],
    ['a predicate', (code: string) => beds.has(code)],
  ])('accepts the known codes as %s', (_label, known) => {
    expect(compileFormula('beds + bedz + {icu bedz}', known)).toEqual({
      ok: false,
      errors: [unknown('bedz', 7), unknown('icu bedz', 14)],
    });
  });

  test('reports the first syntax error alone, before looking at data elements', () => {
    expect(compileFormula('bedz + * beds', beds)).toEqual({
      ok: false,
      errors: [
        {
          code: 'formula.expected-operand',
          params: { token: '*' },
          message: "unexpected '*'; expected a number, a data element, a function call or '('",
          position: 7,
        },
      ],
    });
  });
});

describe('formatFormulaError', () => {
  test.each([
    ['beds + bedz', 7, "unknown data element 'bedz'", "position 7: unknown data element 'bedz'"],
    ['a +', 3, 'unexpected end of formula', 'position 3: unexpected end of formula'],
    ['a +\n* b', 4, "unexpected '*'", "position 4 (line 2, column 1): unexpected '*'"],
    ['a\r\n+ b\r\n+ {c', 10, "unterminated '{'", "position 10 (line 3, column 3): unterminated '{'"],
  ])('formats the error in %j at %d as one line', (source, position, message, expected) => {
    expect(formatFormulaError(source, { message, position })).toBe(expected);
  });

  test('formats what compileFormula reports', () => {
    const source = 'occupied_bed_days / available_beds * 100';
    const result = compileFormula(source, beds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => formatFormulaError(source, error))).toEqual([
      "position 20: unknown data element 'available_beds'",
    ]);
  });
});
