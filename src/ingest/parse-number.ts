/**
 * The number rules of imports (README.md "Numbers"): plain decimals, thousands separators only where they
 * cannot be a decimal comma, an optional trailing `%` for percentage data elements. Anything else is
 * "non-numeric": we never guess what `1,5` or `12 345` meant.
 */

export type ParsedNumber =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: string };

/** `1234.5`, `-3`, `.5`, `+7`, `1e3`, `5.` (ECMAScript StrDecimalLiteral without Infinity). */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** `1,234,567.89`: groups of three after a first group of one to three digits. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

const EMPTY: ParsedNumber = { kind: 'empty' };

/**
 * Parses one cell as a number. Spaces around it are ignored; full-width digits and signs typed with a Chinese
 * input method (`１２３．５`, `８５％`) are read as their ASCII forms (Unicode NFKC, UAX #15).
 * - `1,234,567.89` and `1,234.5` are read with thousands separators; `1,234` alone is refused, because in a
 *   decimal-comma locale it means 1.234.
 * - `85%` gives 85 when `allowPercent` is set (percentage data elements keep percent units), else it is refused.
 * - An empty cell is `{ kind: 'empty' }`: no value given.
 *
 * @example parseNumber('1,234,567.89') // { kind: 'number', value: 1234567.89 }
 * @example parseNumber('85%', { allowPercent: true }) // { kind: 'number', value: 85 }
 * @example parseNumber('1,5') // { kind: 'invalid', reason: … }
 */
export function parseNumber(cell: string, options: { allowPercent?: boolean } = {}): ParsedNumber {
  let text = cell.normalize('NFKC').trim();
  if (text === '') return EMPTY;
  if (text.endsWith('%')) {
    if (options.allowPercent !== true) {
      return { kind: 'invalid', reason: 'a % sign is allowed only for percentage data elements' };
    }
    text = text.slice(0, -1).trimEnd();
  }
  let digits: string;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED.test(text) && (text.includes('.') || text.split(',').length > 2))
    digits = text.replaceAll(',', '');
  else if (GROUPED.test(text)) {
    return {
      kind: 'invalid',
      reason: `"${text}" is ambiguous (thousands or decimal comma?); write ${text.replace(',', '')} or ${text.replace(',', '.')}`,
    };
  } else return { kind: 'invalid', reason: 'not a number' };
  const value = Number(digits);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'too large to be a number' };
  // -0 is stored and compared as 0.
  return { kind: 'number', value: value === 0 ? 0 : value };
}
