/**
 * Checking what is typed into a cell, as the user types, by the same rules the server applies
 * (src/server/services/data-values.service.ts `checkValueFits`: whole numbers for integers, the element's
 * min and max) plus what the value types mean (core/contracts/data-elements.ts): a percentage lies in 0–100,
 * money is never negative. An invalid cell is never sent.
 */
import type { DataElement } from '../../../core/contracts/data-elements.ts';

/** What a cell needs to know about its data element. */
export type CellRules = Pick<DataElement, 'valueType' | 'min' | 'max'>;

export type CellErrorCode =
  | 'notNumber'
  | 'notInteger'
  | 'percentageRange'
  | 'negativeMoney'
  | 'belowMin'
  | 'aboveMax'
  | 'commentNeedsValue';

export interface CellError {
  readonly code: CellErrorCode;
  /** The bound broken, for `belowMin` and `aboveMax`. */
  readonly limit?: number;
}

/** `value` null: the cell is empty (sending it deletes a stored value). */
export type CellCheck =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly error: CellError };

/** A plain decimal number: digits with an optional point, sign and exponent; no words. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Thousands grouped by commas, as spreadsheets and finance systems write them: 1,234 or 1,234,567.89. */
const GROUPED_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * The text as a plain number would be written: full-width digits, signs, points and commas of a Chinese input
 * method (１２３，４５６．７) become their ASCII forms (Unicode NFKC; the ideographic full stop 。 too), and thousands
 * separators are dropped where the grouping is unambiguous (groups of three after the first). "1,23" stays as
 * it is and is refused: it may be a decimal comma.
 *
 * @example normalizeNumberText('１，２３４．５') // '1234.5'
 * @example normalizeNumberText('1,23') // '1,23'
 */
export function normalizeNumberText(text: string): string {
  const ascii = text.normalize('NFKC').replaceAll('。', '.').replaceAll('\u2212', '-').trim();
  return GROUPED_TEXT.test(ascii) ? ascii.replaceAll(',', '') : ascii;
}

/**
 * The number a cell's text stands for, or why it cannot be stored.
 *
 * @example checkCell('12.5', { valueType: 'integer', min: null, max: null }) // { ok: false, error: { code: 'notInteger' } }
 * @example checkCell(' ', rules) // { ok: true, value: null }
 * @example checkCell('１,２００', rules) // { ok: true, value: 1200 }
 */
export function checkCell(text: string, rules: CellRules): CellCheck {
  const trimmed = normalizeNumberText(text);
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!NUMBER_TEXT.test(trimmed) || !Number.isFinite(value)) return fail('notNumber');
  if (rules.valueType === 'integer' && !Number.isInteger(value)) return fail('notInteger');
  if (rules.valueType === 'percentage' && (value < 0 || value > 100)) return fail('percentageRange');
  if (rules.valueType === 'money' && value < 0) return fail('negativeMoney');
  if (rules.min !== null && value < rules.min) return fail('belowMin', rules.min);
  if (rules.max !== null && value > rules.max) return fail('aboveMax', rules.max);
  return { ok: true, value };
}

function fail(code: CellErrorCode, limit?: number): CellCheck {
  return { ok: false, error: limit === undefined ? { code } : { code, limit } };
}

/** How a stored number is written into its input: plainly, so it can be edited and read back as typed. */
export function cellText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
