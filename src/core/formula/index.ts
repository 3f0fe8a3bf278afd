/**
 * The indicator formula language (see ./README.md): parse, check, compile and evaluate formulas
 * over data elements, such as seed 002 Table 3.1's `occupied_bed_days / available_bed_days * 100`.
 */

export { checkFormula, type PeriodOffsetReference, periodOffsets, referencedCodes } from './check-formula.ts';
export { compileFormula } from './compile-formula.ts';
export { compileToEvaluator, type FormulaEvaluator } from './compile-to-evaluator.ts';
export { evaluateFormula } from './evaluate-formula.ts';
export { formatFormulaError } from './format-formula-error.ts';
export type {
  CompiledFormula,
  CompileResult,
  FormulaBinaryOperator,
  FormulaError,
  FormulaFunctionName,
  FormulaNode,
  FormulaUnaryOperator,
  ParseResult,
  ValueLookup,
} from './formula-node.ts';
export { FORMULA_FUNCTIONS, lookupKeyOf, MAX_PERIOD_OFFSET, periodOffsetKey } from './formula-node.ts';
export { MAX_FORMULA_DEPTH, parseFormula } from './parse-formula.ts';
