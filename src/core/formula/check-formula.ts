import { arityError, type FormulaError, type FormulaNode, formulaError } from './formula-node.ts';

/**
 * Finds what a parsed formula gets wrong beyond syntax: every occurrence of an unknown data
 * element (message `unknown data element 'x'`, at the reference) and every call with the wrong
 * number of arguments (the parser already rejects those; the check is repeated for trees built
 * in code). Errors come in source order. Source: seed 002 Table 3.1, whose formulas may only use
 * data elements the hospital actually collects.
 *
 * @example
 * const parsed = parseFormula('bedz / beds');
 * if (parsed.ok) checkFormula(parsed.ast, (code) => code === 'beds');
 * // [{ code: 'formula.unknown-data-element', params: { code: 'bedz' }, message: "unknown data element 'bedz'", position: 0 }]
 */
export function checkFormula(ast: FormulaNode, isKnown: (code: string) => boolean): FormulaError[] {
  const errors: FormulaError[] = [];
  visit(ast, (node) => {
    if (node.type === 'ref' && !isKnown(node.code)) {
      errors.push(formulaError('formula.unknown-data-element', { code: node.code }, node.start));
    } else if (node.type === 'call') {
      const arity = arityError(node.name, node.args.length, node.start);
      if (arity !== null) errors.push(arity);
    }
  });
  return errors;
}

/**
 * The distinct data-element codes a formula reads, in order of first appearance: what must be
 * loaded before it can be evaluated. Source: seed 002 Table 3.1 (each indicator's inputs).
 *
 * @example referencedCodes(ast of '(outpatients - outpatients_prev) / outpatients_prev') // ['outpatients', 'outpatients_prev']
 */
export function referencedCodes(ast: FormulaNode): string[] {
  const seen = new Set<string>();
  visit(ast, (node) => {
    if (node.type === 'ref') seen.add(node.code);
  });
  return [...seen];
}

/** A data element read for an earlier period: `code.periodOffset(offset)`. */
export interface PeriodOffsetReference {
  readonly code: string;
  readonly offset: number;
}

/**
 * The distinct earlier-period reads of a formula, in order of first appearance: what must be loaded for the
 * shifted periods (`periodOffsetKey` names each in the lookup). The growth indicators of China's tertiary
 * public hospital appraisal (indicators 37–41, e.g. 门诊次均费用增幅) compare a year with the one before.
 *
 * @example periodOffsets(ast of '({rev} - {rev}.periodOffset(-1)) / {rev}.periodOffset(-1)') // [{ code: 'rev', offset: -1 }]
 */
export function periodOffsets(ast: FormulaNode): PeriodOffsetReference[] {
  const seen = new Map<string, PeriodOffsetReference>();
  visit(ast, (node) => {
    if (node.type === 'ref' && node.offset !== undefined) {
      const key = `${node.offset}\u0000${node.code}`;
      if (!seen.has(key)) seen.set(key, { code: node.code, offset: node.offset });
    }
  });
  return [...seen.values()];
}

/** Visits nodes in source order (pre-order, children left to right). */
function visit(node: FormulaNode, action: (node: FormulaNode) => void): void {
  action(node);
  switch (node.type) {
    case 'unary':
      visit(node.operand, action);
      return;
    case 'binary':
      visit(node.left, action);
      visit(node.right, action);
      return;
    case 'call':
      for (const arg of node.args) visit(arg, action);
      return;
    default:
      return;
  }
}
