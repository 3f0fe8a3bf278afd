/**
 * Live checks of a formula as it is typed in the designer: the same parser and checks the server runs
 * (core/formula), reported as diagnostics with their character position, plus the data elements that fit the
 * word being typed (for the insert list). Pure, so it is unit-tested without a browser.
 */
import { checkFormula, parseFormula, referencedCodes } from '../../../../core/formula/index.ts';

export type FormulaDiagnosticKind = 'empty' | 'syntax' | 'unknown-element' | 'arity';

export interface FormulaDiagnostic {
  readonly kind: FormulaDiagnosticKind;
  /** 0-based UTF-16 offset into the formula, as core/formula reports it. */
  readonly position: number;
  readonly message: string;
  /** For `unknown-element`: the code that is not a data element. */
  readonly code?: string;
}

export interface FormulaCheck {
  readonly ok: boolean;
  readonly diagnostics: readonly FormulaDiagnostic[];
  /** The data elements the formula reads (empty unless it parses). */
  readonly references: readonly string[];
}

const UNKNOWN = /^unknown data element '(.*)'$/;

/**
 * Parses `source` and checks every data element against `known`.
 *
 * @example diagnoseFormula('beds / bedz', ['beds']).diagnostics
 * // [{ kind: 'unknown-element', position: 7, message: "unknown data element 'bedz'", code: 'bedz' }]
 */
export function diagnoseFormula(source: string, known: Iterable<string>): FormulaCheck {
  const parsed = parseFormula(source);
  if (!parsed.ok) {
    const kind: FormulaDiagnosticKind = source.trim() === '' ? 'empty' : 'syntax';
    return {
      ok: false,
      diagnostics: parsed.errors.map((error) => ({ kind, position: error.position, message: error.message })),
      references: [],
    };
  }
  const codes = new Set(known);
  const diagnostics = checkFormula(parsed.ast, (code) => codes.has(code)).map((error): FormulaDiagnostic => {
    const unknown = UNKNOWN.exec(error.message);
    return unknown?.[1] === undefined
      ? { kind: 'arity', position: error.position, message: error.message }
      : { kind: 'unknown-element', position: error.position, message: error.message, code: unknown[1] };
  });
  return { ok: diagnostics.length === 0, diagnostics, references: referencedCodes(parsed.ast) };
}

/** The word ending at `cursor` (letters, digits, `_`, `.`), which the insert list completes. */
export function wordBefore(source: string, cursor: number): { start: number; word: string } {
  let start = Math.max(0, Math.min(cursor, source.length));
  while (start > 0 && /[\p{L}\p{N}_.]/u.test(source[start - 1] ?? '')) start -= 1;
  return { start, word: source.slice(start, cursor) };
}

/** How a code is written in a formula: bare when the language allows it, else in braces. */
export function formulaReference(code: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(code) && !/^(and|or|not)$/i.test(code);
  return bare ? code : `{${code}}`;
}

/**
 * Puts `code` in place of the word before `cursor` (or at the cursor), returning the new text and cursor.
 *
 * @example insertReference('a / out', 7, 'outpatient_visits') // { text: 'a / outpatient_visits', cursor: 21 }
 */
export function insertReference(
  source: string,
  cursor: number,
  code: string,
): { text: string; cursor: number } {
  const { start } = wordBefore(source, cursor);
  const reference = formulaReference(code);
  const text = source.slice(0, start) + reference + source.slice(cursor);
  return { text, cursor: start + reference.length };
}

/** The known codes that contain `word` (case-insensitive), those starting with it first; all when it is empty. */
export function suggestElements(word: string, known: readonly string[], limit = 20): string[] {
  const needle = word.toLowerCase();
  const starts = known.filter((code) => code.toLowerCase().startsWith(needle));
  const contains = known.filter(
    (code) => !code.toLowerCase().startsWith(needle) && code.toLowerCase().includes(needle),
  );
  return [...starts, ...contains].slice(0, limit);
}
