/**
 * A faster alternative to `evaluateFormula`: the tree is turned once into a tree of closures, so an
 * evaluation is a chain of direct calls with no `switch` on node types. Same semantics, tested
 * against `evaluateFormula` on the same cases. Closures are created here, once per formula, never
 * per evaluation.
 */

import { type CompiledFormula, type FormulaNode, lookupKeyOf, type ValueLookup } from './formula-node.ts';

export type FormulaEvaluator = (lookup: ValueLookup) => number | null;

/**
 * Pre-builds an evaluator for a formula; calling it gives the same value as `evaluateFormula`.
 * Source: seed 002 Table 3.1 (the indicator formulas) and Table 4.9 (their values).
 *
 * @example
 * const growth = compileToEvaluator(ast of '(outpatients - outpatients_prev) / outpatients_prev * 100');
 * growth((code) => ({ outpatients: 2_100_000, outpatients_prev: 2_000_000 })[code]); // 5 (C2 in Table 4.9)
 */
export function compileToEvaluator(formula: CompiledFormula | FormulaNode): FormulaEvaluator {
  const evaluate = build('ast' in formula ? formula.ast : formula);
  return (lookup) => {
    const value = evaluate(lookup);
    return value === 0 ? 0 : value; // -0 → 0, as in evaluateFormula
  };
}

function build(node: FormulaNode): FormulaEvaluator {
  switch (node.type) {
    case 'number': {
      const value = Number.isFinite(node.value) ? node.value : null;
      return () => value;
    }
    case 'ref': {
      const code = lookupKeyOf(node);
      return (lookup) => {
        const value = lookup(code);
        return value != null && Number.isFinite(value) ? value : null;
      };
    }
    case 'unary':
      return buildUnary(node.op, build(node.operand));
    case 'binary':
      return buildBinary(node.op, build(node.left), build(node.right));
    case 'call':
      return buildCall(node.name, node.args.map(build));
  }
}

function buildUnary(op: '-' | '+' | 'not', operand: FormulaEvaluator): FormulaEvaluator {
  switch (op) {
    case '-':
      return (lookup) => {
        const value = operand(lookup);
        return value === null ? null : -value;
      };
    case '+':
      return operand;
    case 'not':
      return (lookup) => {
        const value = operand(lookup);
        return value === null ? null : value === 0 ? 1 : 0;
      };
  }
}

function buildBinary(
  op: Extract<FormulaNode, { type: 'binary' }>['op'],
  left: FormulaEvaluator,
  right: FormulaEvaluator,
): FormulaEvaluator {
  switch (op) {
    case 'and':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        if (a === 0) return 0;
        const b = right(lookup);
        return b === null ? null : b !== 0 ? 1 : 0;
      };
    case 'or':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        if (a !== 0) return 1;
        const b = right(lookup);
        return b === null ? null : b !== 0 ? 1 : 0;
      };
    case '+':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        const b = right(lookup);
        return b === null ? null : finite(a + b);
      };
    case '-':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        const b = right(lookup);
        return b === null ? null : finite(a - b);
      };
    case '*':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        const b = right(lookup);
        return b === null ? null : finite(a * b);
      };
    case '/':
      return (lookup) => {
        const a = left(lookup);
        if (a === null) return null;
        const b = right(lookup);
        return b === null || b === 0 ? null : finite(a / b);
      };
    default:
      return buildComparison(op, left, right);
  }
}

/** Comparisons give 1 or 0, or null when either side has no value. */
function buildComparison(
  op: '<' | '<=' | '>' | '>=' | '==' | '!=',
  left: FormulaEvaluator,
  right: FormulaEvaluator,
): FormulaEvaluator {
  const compare = COMPARE[op];
  return (lookup) => {
    const a = left(lookup);
    if (a === null) return null;
    const b = right(lookup);
    return b === null ? null : compare(a, b) ? 1 : 0;
  };
}

const COMPARE: Readonly<Record<'<' | '<=' | '>' | '>=' | '==' | '!=', (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function buildCall(
  name: Extract<FormulaNode, { type: 'call' }>['name'],
  args: FormulaEvaluator[],
): FormulaEvaluator {
  const missing: FormulaEvaluator = () => null;
  const [first = missing, second = missing, third = missing] = args;
  switch (name) {
    case 'if':
      return (lookup) => {
        const condition = first(lookup);
        if (condition === null) return null;
        return condition !== 0 ? second(lookup) : third(lookup);
      };
    case 'abs':
      return (lookup) => {
        const value = first(lookup);
        return value === null ? null : Math.abs(value);
      };
    case 'coalesce':
      return (lookup) => {
        for (let i = 0; i < args.length; i += 1) {
          const value = (args[i] ?? missing)(lookup);
          if (value !== null) return value;
        }
        return null;
      };
    case 'min':
    case 'max': {
      if (args.length === 0) return missing;
      const isMin = name === 'min';
      return (lookup) => {
        let result = isMin ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        for (let i = 0; i < args.length; i += 1) {
          const value = (args[i] ?? missing)(lookup);
          if (value === null) return null;
          if (isMin ? value < result : value > result) result = value;
        }
        return result;
      };
    }
  }
}
