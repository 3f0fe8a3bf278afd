import { checkFormula, referencedCodes } from './check-formula.ts';
import type { CompileResult } from './formula-node.ts';
import { parseFormula } from './parse-formula.ts';

/**
 * Parses a formula and checks its data elements against the known codes, returning either a
 * `CompiledFormula` (source, tree, referenced codes) or every error found: the first syntax error,
 * or all unknown data elements. Source: seed 002 Table 3.1 (indicator formulas over data elements).
 *
 * @example
 * compileFormula('occupied_bed_days / available_bed_days * 100', new Set(['occupied_bed_days', 'available_bed_days']));
 * // { ok: true, formula: { source: '…', ast: …, references: ['occupied_bed_days', 'available_bed_days'] } }
 * compileFormula('bedz / beds', new Set(['beds']));
 * // { ok: false, errors: [{ code: 'formula.unknown-data-element', params: { code: 'bedz' }, message: "unknown data element 'bedz'", position: 0 }] }
 */
export function compileFormula(
  source: string,
  known: ReadonlySet<string> | ((code: string) => boolean),
): CompileResult {
  const parsed = parseFormula(source);
  if (!parsed.ok) return parsed;
  const isKnown = typeof known === 'function' ? known : (code: string) => known.has(code);
  const errors = checkFormula(parsed.ast, isKnown);
  if (errors.length > 0) return { ok: false, errors };
  const formula = Object.freeze({
    source,
    ast: parsed.ast,
    references: Object.freeze(referencedCodes(parsed.ast)),
  });
  return { ok: true, formula };
}
