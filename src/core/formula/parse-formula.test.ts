import { describe, expect, test } from 'vitest';
import type { FormulaNode } from './formula-node.ts';
import { MAX_FORMULA_DEPTH, parseFormula } from './parse-formula.ts';

/** Prints a tree as an S-expression, so a test states its shape in one line: `(- (- 2 3) 4)`. */
function show(node: FormulaNode): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'ref':
      return `{${node.code}}`;
    case 'unary':
      return `(${node.op === '-' ? 'neg' : node.op === '+' ? 'pos' : 'not'} ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(show).join(' ')})`;
  }
}

function parseOrFail(source: string): FormulaNode {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(`expected '${source}' to parse: ${result.errors[0]?.message}`);
  return result.ast;
}

describe('parseFormula', () => {
  // Precedence, low to high: or; and; not; comparisons; + -; * /; unary; primary (see README.md).
  test.each([
    ['2 - 3 - 4', '(- (- 2 3) 4)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['2 * 3 + 4', '(+ (* 2 3) 4)'],
    ['2 + 3 * 4', '(+ 2 (* 3 4))'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['2 * -3', '(* 2 (neg 3))'],
    ['- -a', '(neg (neg {a}))'],
    ['+a', '(pos {a})'],
    ['(2 + 3) * 4', '(* (+ 2 3) 4)'],
    ['a + b < c * d', '(< (+ {a} {b}) (* {c} {d}))'],
    ['a or b and c', '(or {a} (and {b} {c}))'],
    ['a and b or c', '(or (and {a} {b}) {c})'],
    ['not a and b', '(and (not {a}) {b})'],
    ['not a < b', '(not (< {a} {b}))'],
    ['not not a', '(not (not {a}))'],
    ['a AND b Or NOT c', '(or (and {a} {b}) (not {c}))'],
    ['a <= b', '(<= {a} {b})'],
    ['a >= b', '(>= {a} {b})'],
    ['a > b', '(> {a} {b})'],
    ['a == b', '(== {a} {b})'],
    ['a != b', '(!= {a} {b})'],
    ['(a < b) < c', '(< (< {a} {b}) {c})'],
  ])('parses %j as %s', (source, expected) => {
    expect(show(parseOrFail(source))).toBe(expected);
  });

  test.each([
    ['if(a > 0, b / a, 0)', '(if (> {a} 0) (/ {b} {a}) 0)'],
    ['MAX(a, b, c)', '(max {a} {b} {c})'],
    ['Min(a)', '(min {a})'],
    ['abs(a - b)', '(abs (- {a} {b}))'],
    ['coalesce(a, b, 0)', '(coalesce {a} {b} 0)'],
    ['min (a, b)', '(min {a} {b})'],
    ['min + if', '(+ {min} {if})'],
    ['not(a)', '(not {a})'],
  ])('parses the call %j as %s', (source, expected) => {
    expect(show(parseOrFail(source))).toBe(expected);
  });

  test.each([
    ['12', 12],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.', 1],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1e+2', 100],
  ])('reads the number %j as %d', (source, value) => {
    expect(parseOrFail(source)).toEqual({ type: 'number', value, start: 0, end: source.length });
  });

  test.each([
    ['beds_occupied', 'beds_occupied'],
    ['_x1', '_x1'],
    ['dept.icu.beds_2024', 'dept.icu.beds_2024'],
    ['门诊人次', '门诊人次'],
    ['{beds-occupied}', 'beds-occupied'],
    ['{2024 门诊 (ICU)}', '2024 门诊 (ICU)'],
    ['{  padded code  }', 'padded code'],
    ['{and}', 'and'],
  ])('reads the data element %j as the code %j', (source, code) => {
    expect(parseOrFail(source)).toEqual({ type: 'ref', code, start: 0, end: source.length });
  });

  test('accepts whitespace, tabs and CR/LF between tokens', () => {
    expect(show(parseOrFail('\r\n  (a\t+\r\n b)\n/ c \n'))).toBe('(/ (+ {a} {b}) {c})');
  });

  test('accepts the ideographic space a Chinese input method types', () => {
    expect(show(parseOrFail('门诊人次\u3000/\u3000上年门诊人次'))).toBe('(/ {门诊人次} {上年门诊人次})');
  });

  test('gives every node the span of its text, parentheses included', () => {
    const ast = parseOrFail('(a + {icu beds}) * -c');
    expect(ast).toMatchObject({
      type: 'binary',
      start: 0,
      end: 21,
      left: { type: 'binary', start: 0, end: 16, left: { start: 1, end: 2 }, right: { start: 5, end: 15 } },
      right: {
        type: 'unary',
        op: '-',
        start: 19,
        end: 21,
        operand: { type: 'ref', code: 'c', start: 20, end: 21 },
      },
    });
  });

  test('gives a call the span from its name to its closing parenthesis', () => {
    expect(parseOrFail('1 + max(a, 2)')).toMatchObject({
      right: { type: 'call', name: 'max', start: 4, end: 13 },
    });
  });

  // Each malformed formula with its code, the fragment its message must contain and the exact 0-based position.
  test.each([
    ['a +', 'formula.unexpected-end', 'unexpected end of formula; expected a number, a data element', 3],
    ['(a + b', 'formula.missing-close-paren', "missing ')' to close the '(' at position 0", 6],
    ['a + * b', 'formula.expected-operand', "unexpected '*'; expected a number", 4],
    ['1.2.3', 'formula.malformed-number', "malformed number '1.2.3'", 0],
    ['foo(1)', 'formula.unknown-function', "unknown function 'foo'; known: if, min, max, abs, coalesce", 0],
    ['{abc', 'formula.unterminated-brace', "unterminated '{': missing '}'", 0],
    ['a < b < c', 'formula.chained-comparison', 'comparisons cannot be chained', 6],
    ['', 'formula.empty', 'empty formula', 0],
    [' \r\n ', 'formula.empty', 'empty formula', 0],
    ['if(a, b)', 'formula.if-arity', 'if() takes exactly 3 arguments', 0],
    ['a $ b', 'formula.unexpected-character', "unexpected character '$'", 2],
    ['x + abs(1, 2)', 'formula.arity-exactly-one', 'abs() takes exactly 1 argument; got 2', 4],
    ['min()', 'formula.arity-at-least-one', 'min() takes at least 1 argument; got 0', 0],
    ['coalesce()', 'formula.arity-at-least-one', 'coalesce() takes at least 1 argument; got 0', 0],
    ['max(a', 'formula.missing-call-close', "missing ')' to close 'max(' at position 0", 5],
    ['max(a, ', 'formula.unexpected-end', 'unexpected end of formula', 7],
    ['min(a b)', 'formula.expected-comma-or-close', "unexpected 'b'; expected ',' or ')'", 6],
    ['abs(1,)', 'formula.expected-operand', "unexpected ')'; expected a number", 6],
    ['(a b)', 'formula.expected-operator-or-close', "unexpected 'b'; expected an operator or ')'", 3],
    [
      'a b',
      'formula.expected-operator-or-end',
      "unexpected 'b'; expected an operator or the end of the formula",
      2,
    ],
    ['a )', 'formula.unmatched-close-paren', "unexpected ')'; there is no '(' to close", 2],
    [
      '12abc',
      'formula.malformed-number-braces',
      "malformed number '12abc'; a data-element code that starts with a digit must be written in braces",
      0,
    ],
    ['1e', 'formula.malformed-number-braces', "malformed number '1e'", 0],
    ['1e999', 'formula.number-too-large', "number '1e999' is too large", 0],
    ['{}', 'formula.empty-braces', "empty data-element code '{}'", 0],
    ['a = b', 'formula.unexpected-character-did-you-mean', "unexpected character '='; did you mean '=='?", 2],
    [
      'a <> b',
      'formula.unexpected-character-did-you-mean',
      "unexpected character '<>'; did you mean '!='?",
      2,
    ],
    ['a & b', 'formula.unexpected-character-use', "use 'and'", 2],
    ['a × 100', 'formula.unexpected-character-use', "unexpected character '×'; use '*'", 2],
    ['a / b * 100%', 'formula.unexpected-percent', "unexpected character '%'", 11],
    [
      'a（b）',
      'formula.unexpected-character-did-you-mean',
      "unexpected character '（'; did you mean '('?",
      1,
    ],
    ['a\u200bb', 'formula.unexpected-invisible-character', 'unexpected character U+200B', 1],
    ['a * not b', 'formula.unexpected-not', "unexpected 'not'; write '(not …)' inside arithmetic", 4],
    ['a and', 'formula.unexpected-end', 'unexpected end of formula', 5],
    ['a }', 'formula.unexpected-closing-brace', "unexpected character '}'", 2],
    ['a +\r\n* b', 'formula.expected-operand', "unexpected '*'", 5],
    ['a + * b $', 'formula.expected-operand', "unexpected '*'", 4],
    ['a $ b + * c', 'formula.unexpected-character', "unexpected character '$'", 2],
  ])('rejects %j with %s, a message containing %j, at position %d', (source, code, fragment, position) => {
    const result = parseFormula(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.code).toBe(code);
    expect(result.errors[0]?.message).toContain(fragment);
    expect(result.errors[0]?.position).toBe(position);
  });

  test(`accepts ${MAX_FORMULA_DEPTH - 1} nested parentheses`, () => {
    const depth = MAX_FORMULA_DEPTH - 1;
    expect(parseFormula(`${'('.repeat(depth)}a${')'.repeat(depth)}`).ok).toBe(true);
  });

  test.each([
    ['100 000 opening parentheses', '('.repeat(100_000)],
    ['100 000 minus signs', `${'-'.repeat(100_000)}a`],
    ['a sum of 1 000 terms', Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' + ')],
  ])('rejects %s as nested too deeply instead of overflowing the stack', (_label, source) => {
    const result = parseFormula(source);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ code: 'formula.too-deep', params: { max: MAX_FORMULA_DEPTH } }],
    });
  });
});
