/**
 * The parser of the formula language: recursive descent over the tokens of ./tokenize.ts.
 *
 * Hand-written because no maintained npm library provides this exact small, safe language with
 * source positions and null semantics (expr-eval and mathjs accept far more, some via eval-like
 * features, and lack "no value" propagation); see ./README.md for the grammar.
 *
 * Precedence, lowest first: `or`; `and`; `not`; comparisons (non-associative); `+ -`; `* /`;
 * unary `- +`; primaries (numbers, data elements, calls, parentheses).
 */

import type { ProblemCode, ProblemParams } from '../errors/problem.ts';
import {
  arityError,
  FORMULA_FUNCTION_LIST,
  type FormulaBinaryOperator,
  type FormulaError,
  type FormulaNode,
  formulaError,
  isFormulaFunctionName,
  MAX_PERIOD_OFFSET,
  type ParseResult,
} from './formula-node.ts';
import { type Punctuator, type Token, tokenize } from './tokenize.ts';

/** Deepest syntax tree accepted; keeps parsing and evaluation far from the call-stack limit. */
export const MAX_FORMULA_DEPTH = 500;

/** A bare code followed by `.periodOffset` (any case): the code is group 1. */
const OFFSET_NAME = /^(.+)\.periodoffset$/i;

type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A syntax error found while parsing; caught in `parseFormula`, never escapes this module. */
class FormulaSyntaxError extends Error {
  readonly error: FormulaError;
  constructor(error: FormulaError) {
    super(error.message);
    this.error = error;
  }
}

function syntaxError<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  position: number,
): FormulaSyntaxError {
  return new FormulaSyntaxError(formulaError(code, params, position));
}

/** A node with the height of its tree, so the depth limit is checked while building. */
interface Parsed {
  readonly node: FormulaNode;
  readonly depth: number;
}

/**
 * Parses a formula of the indicator language into a syntax tree, or returns the first syntax error
 * with its 0-based position. It does not check that data elements exist (see `checkFormula`).
 * Source: seed 002 Table 3.1 writes every indicator as such a formula over data elements.
 *
 * @example
 * parseFormula('occupied_bed_days / available_bed_days * 100');
 * // { ok: true, ast: { type: 'binary', op: '*', left: { type: 'binary', op: '/', … }, right: { type: 'number', value: 100, … } } }
 * parseFormula('a +');
 * // { ok: false, errors: [{ code: 'formula.unexpected-end', params: {}, message: "unexpected end of formula; …", position: 3 }] }
 */
export function parseFormula(source: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(source).parse() };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, errors: [error.error] };
    throw error;
  }
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private nesting = 0;

  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  parse(): FormulaNode {
    if (this.peek().kind === 'end') throw syntaxError('formula.empty', {}, 0);
    const { node } = this.parseOr();
    const token = this.peek();
    if (token.kind === 'end') return node;
    if (token.kind === 'punct' && token.punct === ')') {
      throw syntaxError('formula.unmatched-close-paren', {}, token.start);
    }
    throw syntaxError('formula.expected-operator-or-end', { token: textOf(token) }, token.start);
  }

  /** The next token; a lexical error is thrown here, so errors surface in source order. */
  private peek(): Token {
    const token = this.tokens[this.index] ?? this.tokens[this.tokens.length - 1];
    if (token === undefined) throw syntaxError('formula.empty', {}, 0);
    if (token.kind === 'error') throw new FormulaSyntaxError(token.error);
    return token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private peekPunct(): Punctuator | null {
    const token = this.peek();
    return token.kind === 'punct' ? token.punct : null;
  }

  private parseOr(): Parsed {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.advance();
      left = binary('or', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Parsed {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.advance();
      left = binary('and', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Parsed {
    if (this.isKeyword('not')) {
      const start = this.advance().start;
      this.enter(start);
      const operand = this.parseNot();
      this.nesting -= 1;
      return unary('not', start, operand);
    }
    return this.parseComparison();
  }

  private parseComparison(): Parsed {
    const left = this.parseAdditive();
    const op = this.peekPunct();
    if (!isComparison(op)) return left;
    this.advance();
    const result = binary(op, left, this.parseAdditive());
    if (isComparison(this.peekPunct())) {
      throw syntaxError('formula.chained-comparison', {}, this.peek().start);
    }
    return result;
  }

  private parseAdditive(): Parsed {
    let left = this.parseMultiplicative();
    for (let op = this.peekPunct(); op === '+' || op === '-'; op = this.peekPunct()) {
      this.advance();
      left = binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Parsed {
    let left = this.parseUnary();
    for (let op = this.peekPunct(); op === '*' || op === '/'; op = this.peekPunct()) {
      this.advance();
      left = binary(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Parsed {
    const op = this.peekPunct();
    if (op === '-' || op === '+') {
      const start = this.advance().start;
      this.enter(start);
      const operand = this.parseUnary();
      this.nesting -= 1;
      return unary(op, start, operand);
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Parsed {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return leaf({ type: 'number', value: token.value, start: token.start, end: token.end });
      case 'braced':
        if (token.periodOffset) return this.parseOffset(token.code, token.start);
        return leaf({ type: 'ref', code: token.code, start: token.start, end: token.end });
      case 'name': {
        const offsetOf = OFFSET_NAME.exec(token.text)?.[1];
        if (offsetOf !== undefined && this.peekPunct() === '(')
          return this.parseOffset(offsetOf, token.start);
        if (this.peekPunct() === '(') return this.parseCall(token.text, token.start);
        return leaf({ type: 'ref', code: token.text, start: token.start, end: token.end });
      }
      case 'punct':
        if (token.punct === '(') return this.parseParenthesised(token.start);
        break;
      case 'end':
        throw syntaxError('formula.unexpected-end', {}, token.start);
      case 'keyword':
        if (token.keyword === 'not') {
          // `not` binds more loosely than arithmetic, so `a * not b` needs parentheses.
          throw syntaxError('formula.unexpected-not', {}, token.start);
        }
        break;
      default:
        break;
    }
    throw syntaxError('formula.expected-operand', { token: textOf(token) }, token.start);
  }

  private parseParenthesised(open: number): Parsed {
    this.enter(open);
    const inner = this.parseOr();
    this.nesting -= 1;
    const close = this.advance();
    if (close.kind === 'punct' && close.punct === ')') {
      // The node's span includes the parentheses, so `(a + b) * c` starts at 0.
      return checked({ ...inner.node, start: open, end: close.end }, inner.depth + 1);
    }
    if (close.kind === 'end') {
      throw syntaxError('formula.missing-close-paren', { open }, close.start);
    }
    throw syntaxError('formula.expected-operator-or-close', { token: textOf(close) }, close.start);
  }

  private parseCall(text: string, start: number): Parsed {
    const name = text.toLowerCase();
    if (!isFormulaFunctionName(name)) {
      throw syntaxError('formula.unknown-function', { name: text, known: FORMULA_FUNCTION_LIST }, start);
    }
    this.advance(); // '('
    this.enter(start);
    const args: FormulaNode[] = [];
    let depth = 0;
    let close = this.peek();
    if (close.kind === 'punct' && close.punct === ')') this.advance();
    else {
      while (true) {
        const arg = this.parseOr();
        args.push(arg.node);
        depth = Math.max(depth, arg.depth);
        close = this.advance();
        if (close.kind === 'punct' && close.punct === ')') break;
        if (close.kind === 'punct' && close.punct === ',') continue;
        if (close.kind === 'end') {
          throw syntaxError('formula.missing-call-close', { name: text, open: start }, close.start);
        }
        throw syntaxError('formula.expected-comma-or-close', { token: textOf(close) }, close.start);
      }
    }
    this.nesting -= 1;
    const arity = arityError(name, args.length, start);
    if (arity !== null) throw new FormulaSyntaxError(arity);
    return checked({ type: 'call', name, args, start, end: close.end }, depth + 1);
  }

  /**
   * `code.periodOffset(n)` after the code and `.periodOffset`: `(`, an optional sign, a whole number, `)`.
   * DHIS2 writes offsets the same way (`#{…}.periodOffset(-1)`); only earlier periods, at most
   * `MAX_PERIOD_OFFSET` back, are accepted, since a scorecard compares a period with its past.
   */
  private parseOffset(code: string, start: number): Parsed {
    const open = this.advance();
    if (open.kind !== 'punct' || open.punct !== '(') {
      throw syntaxError('formula.period-offset-integer', { token: textOf(open) }, open.start);
    }
    let sign = 1;
    let token = this.advance();
    const numberStart = token.start;
    if (token.kind === 'punct' && (token.punct === '-' || token.punct === '+')) {
      sign = token.punct === '-' ? -1 : 1;
      token = this.advance();
    }
    if (token.kind !== 'number' || !Number.isInteger(token.value)) {
      throw syntaxError('formula.period-offset-integer', { token: textOf(token) }, token.start);
    }
    const offset = sign * token.value;
    if (offset > -1 || offset < -MAX_PERIOD_OFFSET) {
      throw syntaxError('formula.period-offset-range', { offset, max: MAX_PERIOD_OFFSET }, numberStart);
    }
    const close = this.advance();
    if (close.kind !== 'punct' || close.punct !== ')') {
      if (close.kind === 'end')
        throw syntaxError('formula.missing-close-paren', { open: open.start }, close.start);
      throw syntaxError('formula.expected-operator-or-close', { token: textOf(close) }, close.start);
    }
    return leaf({ type: 'ref', code, offset, start, end: close.end });
  }

  /**
   * Counts prefix operators, parentheses and calls on the way down, so a pathological input such as
   * ten thousand `(` fails with a message instead of overflowing the call stack.
   */
  private enter(position: number): void {
    this.nesting += 1;
    if (this.nesting > MAX_FORMULA_DEPTH) throw tooDeep(position);
  }

  private isKeyword(keyword: 'and' | 'or' | 'not'): boolean {
    const token = this.peek();
    return token.kind === 'keyword' && token.keyword === keyword;
  }
}

function leaf(node: FormulaNode): Parsed {
  return { node, depth: 1 };
}

function unary(op: '-' | '+' | 'not', start: number, operand: Parsed): Parsed {
  const node: FormulaNode = { type: 'unary', op, operand: operand.node, start, end: operand.node.end };
  return checked(node, operand.depth + 1);
}

function binary(op: FormulaBinaryOperator, left: Parsed, right: Parsed): Parsed {
  const node: FormulaNode = {
    type: 'binary',
    op,
    left: left.node,
    right: right.node,
    start: left.node.start,
    end: right.node.end,
  };
  return checked(node, Math.max(left.depth, right.depth) + 1);
}

function checked(node: FormulaNode, depth: number): Parsed {
  if (depth > MAX_FORMULA_DEPTH) throw tooDeep(node.start);
  return { node, depth };
}

function isComparison(op: Punctuator | null): op is ComparisonOperator {
  return op === '<' || op === '<=' || op === '>' || op === '>=' || op === '==' || op === '!=';
}

function tooDeep(position: number): FormulaSyntaxError {
  return syntaxError('formula.too-deep', { max: MAX_FORMULA_DEPTH }, position);
}

/**
 * How a token is named in an error (the wording puts it in quotes). The end and a lexical error never get
 * here: the end has errors of its own and `peek` throws a lexical error first.
 */
function textOf(token: Token): string {
  switch (token.kind) {
    case 'end':
      return '';
    case 'punct':
      return token.punct;
    case 'number':
    case 'name':
    case 'braced':
    case 'keyword':
      return token.text;
    case 'error':
      return token.error.message;
  }
}
