/**
 * The tree-walking evaluator of the formula language, with "no value" (null) semantics:
 * - a missing input (lookup gives null, undefined or a non-finite number) makes any arithmetic,
 *   comparison, `min`, `max` or `abs` that uses it null;
 * - division by zero is null, and so is any result that is not finite (never Infinity or NaN);
 * - `coalesce` returns its first non-null argument; `if` evaluates only the chosen branch;
 * - `and` / `or` short-circuit (`0 and x` is 0, `1 or x` is 1) and are null only when an operand
 *   they need is null.
 *
 * It allocates nothing per evaluation (no closures, no argument arrays), because it runs for every
 * org unit × period × indicator.
 */

import { type CompiledFormula, type FormulaNode, lookupKeyOf, type ValueLookup } from './formula-node.ts';

/**
 * Evaluates a formula for one set of inputs; `null` means "no value" (see the module comment).
 * Source: seed 002 Table 3.1 (the indicator formulas this evaluates) and Table 4.9 (their values).
 *
 * @example
 * const compiled = compileFormula('occupied_bed_days / available_bed_days * 100', () => true);
 * if (compiled.ok) {
 *   evaluateFormula(compiled.formula, (code) => ({ occupied_bed_days: 371_570, available_bed_days: 365_000 })[code]);
 *   // 101.8: the bed occupancy rate I2 of AZ Hospital in seed 002 Table 4.9
 *   evaluateFormula(compiled.formula, () => null); // null
 * }
 */
export function evaluateFormula(formula: CompiledFormula | FormulaNode, lookup: ValueLookup): number | null {
  const ast = 'ast' in formula ? formula.ast : formula;
  const value = evaluateNode(ast, lookup);
  // -0 (from `-0` or `0 * -1`) is reported as 0, so results print and compare as people expect.
  return value === 0 ? 0 : value;
}

function evaluateNode(node: FormulaNode, lookup: ValueLookup): number | null {
  switch (node.type) {
    case 'number':
      return finite(node.value);
    case 'ref': {
      const value = lookup(lookupKeyOf(node));
      return value != null && Number.isFinite(value) ? value : null;
    }
    case 'unary': {
      const value = evaluateNode(node.operand, lookup);
      if (value === null) return null;
      if (node.op === '-') return -value;
      if (node.op === '+') return value;
      return value === 0 ? 1 : 0;
    }
    case 'binary':
      return evaluateBinary(node, lookup);
    case 'call':
      return evaluateCall(node, lookup);
  }
}

function evaluateBinary(node: Extract<FormulaNode, { type: 'binary' }>, lookup: ValueLookup): number | null {
  const left = evaluateNode(node.left, lookup);
  if (left === null) return null;
  // Short-circuit: the right operand is not needed, so its missing value does not matter.
  if (node.op === 'and' && left === 0) return 0;
  if (node.op === 'or' && left !== 0) return 1;
  const right = evaluateNode(node.right, lookup);
  if (right === null) return null;
  switch (node.op) {
    case '+':
      return finite(left + right);
    case '-':
      return finite(left - right);
    case '*':
      return finite(left * right);
    case '/':
      return right === 0 ? null : finite(left / right);
    case '<':
      return left < right ? 1 : 0;
    case '<=':
      return left <= right ? 1 : 0;
    case '>':
      return left > right ? 1 : 0;
    case '>=':
      return left >= right ? 1 : 0;
    case '==':
      return left === right ? 1 : 0;
    case '!=':
      return left !== right ? 1 : 0;
    case 'and':
    case 'or':
      return right !== 0 ? 1 : 0;
  }
}

function evaluateCall(node: Extract<FormulaNode, { type: 'call' }>, lookup: ValueLookup): number | null {
  const args = node.args;
  switch (node.name) {
    case 'if': {
      const condition = evaluateArg(args, 0, lookup);
      if (condition === null) return null;
      return evaluateArg(args, condition !== 0 ? 1 : 2, lookup);
    }
    case 'abs': {
      const value = evaluateArg(args, 0, lookup);
      return value === null ? null : Math.abs(value);
    }
    case 'coalesce':
      for (const arg of args) {
        const value = evaluateNode(arg, lookup);
        if (value !== null) return value;
      }
      return null;
    case 'min':
    case 'max': {
      if (args.length === 0) return null;
      const isMin = node.name === 'min';
      let result = isMin ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      for (const arg of args) {
        const value = evaluateNode(arg, lookup);
        if (value === null) return null;
        if (isMin ? value < result : value > result) result = value;
      }
      return result;
    }
  }
}

/** A missing argument (only possible in a tree built in code) counts as "no value". */
function evaluateArg(args: readonly FormulaNode[], index: number, lookup: ValueLookup): number | null {
  const arg = args[index];
  return arg === undefined ? null : evaluateNode(arg, lookup);
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
