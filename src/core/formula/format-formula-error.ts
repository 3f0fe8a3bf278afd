import type { FormulaError } from './formula-node.ts';

/**
 * Formats a formula error as one line for a person: `position 7: unknown data element 'bedz'`.
 * `position` is the same 0-based character offset as `FormulaError.position` (and as
 * `ProblemIssue.position` in src/core/errors/problem.ts), so the CLI, API and UI all agree. When
 * the formula spans several lines, the 1-based line and column an editor shows are added.
 *
 * @example formatFormulaError('beds + bedz', { message: "unknown data element 'bedz'", position: 7 })
 * // "position 7: unknown data element 'bedz'"
 * @example formatFormulaError('a +\n* b', { message: "unexpected '*'; …", position: 4 })
 * // "position 4 (line 2, column 1): unexpected '*'; …"
 */
export function formatFormulaError(
  source: string,
  error: Pick<FormulaError, 'message' | 'position'>,
): string {
  if (!/[\r\n]/.test(source)) return `position ${error.position}: ${error.message}`;
  const before = source.slice(0, error.position);
  const lines = before.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  return `position ${error.position} (line ${line}, column ${column}): ${error.message}`;
}
