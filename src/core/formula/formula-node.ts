/**
 * The data shapes of the indicator formula language: syntax tree, errors and results.
 * The language itself is described in ./README.md; indicators use it through
 * `IndicatorFormula` (src/core/indicators/indicator.ts) to turn data elements into the
 * indicators of seed 002 Table 3.1.
 *
 * Every node carries `start` and `end`: 0-based UTF-16 offsets into the source, `end` exclusive,
 * so an editor can underline exactly the part of a formula a message is about.
 */

import { note, type ProblemCode, type ProblemNote, type ProblemParams } from '../errors/problem.ts';

export type FormulaFunctionName = 'if' | 'min' | 'max' | 'abs' | 'coalesce';

export type FormulaBinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | 'and'
  | 'or';

export type FormulaUnaryOperator = '-' | '+' | 'not';

export type FormulaNode =
  | { readonly type: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | {
      readonly type: 'ref';
      readonly code: string;
      /**
       * Periods back from the evaluated one (`code.periodOffset(-1)`: the previous period of the same type);
       * absent for the evaluated period itself.
       */
      readonly offset?: number;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: 'unary';
      readonly op: FormulaUnaryOperator;
      readonly operand: FormulaNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: 'binary';
      readonly op: FormulaBinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: 'call';
      readonly name: FormulaFunctionName;
      readonly args: readonly FormulaNode[];
      readonly start: number;
      readonly end: number;
    };

/**
 * One thing wrong with a formula: a problem code with its parameters (core/errors/messages/formula.ts), the
 * code worded in English, and `position`, a 0-based UTF-16 offset into the source.
 */
export interface FormulaError extends ProblemNote {
  readonly position: number;
}

/**
 * A formula error at a position.
 *
 * @example formulaError('formula.unknown-data-element', { code: 'bedz' }, 7).message // "unknown data element 'bedz'"
 */
export function formulaError<C extends ProblemCode>(
  code: C,
  params: ProblemParams<C>,
  position: number,
): FormulaError {
  return { ...note(code, params), position };
}

export type ParseResult =
  | { readonly ok: true; readonly ast: FormulaNode }
  | { readonly ok: false; readonly errors: readonly FormulaError[] };

/** A formula that parsed and whose data elements all exist. */
export interface CompiledFormula {
  readonly source: string;
  readonly ast: FormulaNode;
  /** Distinct data-element codes, in order of first appearance in the source. */
  readonly references: readonly string[];
}

export type CompileResult =
  | { readonly ok: true; readonly formula: CompiledFormula }
  | { readonly ok: false; readonly errors: readonly FormulaError[] };

/**
 * The value of a data element for one org unit and period. `null`, `undefined` or a non-finite
 * number all mean "no value".
 */
export type ValueLookup = (code: string) => number | null | undefined;

/** Furthest back a period offset may reach: three years of months. */
export const MAX_PERIOD_OFFSET = 36;

/**
 * The key under which an evaluation's inputs hold a data element's value for an earlier period: the offset
 * reference as written in braces, which no plain code can equal (a code never contains `}`).
 *
 * @example periodOffsetKey('OUTPATIENT_COST', -1) // '{OUTPATIENT_COST}.periodOffset(-1)'
 */
export function periodOffsetKey(code: string, offset: number): string {
  return `{${code}}.periodOffset(${offset})`;
}

/** The key a reference node reads from a lookup: its code, or its period-offset key. */
export function lookupKeyOf(node: { readonly code: string; readonly offset?: number }): string {
  return node.offset === undefined ? node.code : periodOffsetKey(node.code, node.offset);
}

/** The functions of the language and how many arguments each takes. */
export const FORMULA_FUNCTIONS: Readonly<
  Record<FormulaFunctionName, { readonly min: number; readonly max: number }>
> = {
  if: { min: 3, max: 3 },
  min: { min: 1, max: Number.POSITIVE_INFINITY },
  max: { min: 1, max: Number.POSITIVE_INFINITY },
  abs: { min: 1, max: 1 },
  coalesce: { min: 1, max: Number.POSITIVE_INFINITY },
};

/** `if, min, max, abs, coalesce`: listed in messages about unknown functions. */
export const FORMULA_FUNCTION_LIST = Object.keys(FORMULA_FUNCTIONS).join(', ');

/** Narrows a lower-cased name to a function of the language. */
export function isFormulaFunctionName(name: string): name is FormulaFunctionName {
  return Object.hasOwn(FORMULA_FUNCTIONS, name);
}

/**
 * The error for a call with the wrong number of arguments at `position`, or `null` when the count is right.
 * Shared by the parser and `checkFormula` so both say the same thing.
 *
 * @example arityError('if', 2, 0)?.message // "if() takes exactly 3 arguments (condition, value if true, value if false); got 2"
 */
export function arityError(name: FormulaFunctionName, count: number, position: number): FormulaError | null {
  const { min, max } = FORMULA_FUNCTIONS[name];
  if (count >= min && count <= max) return null;
  if (name === 'if') return formulaError('formula.if-arity', { count }, position);
  if (min === max) {
    return min === 1
      ? formulaError('formula.arity-exactly-one', { name, count }, position)
      : formulaError('formula.arity-exactly', { name, min, count }, position);
  }
  return min === 1
    ? formulaError('formula.arity-at-least-one', { name, count }, position)
    : formulaError('formula.arity-at-least', { name, min, count }, position);
}
