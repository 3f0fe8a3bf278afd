/**
 * How PostgreSQL text values become JavaScript values, chosen once so that PGlite and `pg` agree.
 *
 * Out of the box they do not: `pg` returns `int8` (so `count(*)`) and `numeric` as strings and `date` as a
 * Date at local midnight, while PGlite returns `int8` as a number, `numeric` as a string and `date` as a
 * Date at UTC midnight (../shared/STACK.md, "count(*) comes back as a number from PGlite and a string
 * from pg"). Both engines install the parsers below for the type OIDs in `PARSED_TYPE_OIDS`, so nothing
 * above src/db can tell which engine answered. Timestamps are left to both drivers: each gives a Date.
 *
 * Type OIDs are PostgreSQL's fixed catalogue numbers (`select oid, typname from pg_type`), see
 * https://github.com/postgres/postgres/blob/REL_15_STABLE/src/include/catalog/pg_type.dat
 */

/** The fixed OIDs of the types whose parsing we choose. */
export const PARSED_TYPE_OIDS = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  int8Array: 1016,
  numericArray: 1231,
  dateArray: 1182,
} as const;

/**
 * Parses an `int8` (`bigint`, `bigserial`, `count(*)`) as a number while it is a safe integer, and as a
 * `bigint` beyond ±(2^53 − 1) so no digit is ever lost. This is PGlite's own rule, applied to `pg` too.
 *
 * Every integer up to 2^53 is exact in a double and rounding is monotone, so `Number(text)` is a safe
 * integer exactly when the true value is one.
 *
 * @example parseInt8('42') === 42; parseInt8('9007199254740993') === 9007199254740993n
 */
export function parseInt8(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

/**
 * Parses a `numeric` as a double. Indicator values are doubles in the core, and a string would leak
 * the engine's text format into every caller. `'NaN'` becomes `NaN`; `'Infinity'` (PG 14+) becomes Infinity.
 *
 * @example parseNumeric('12.50') === 12.5
 */
export function parseNumeric(text: string): number {
  return Number(text);
}

/**
 * Keeps a `date` as its ISO calendar text (`'2024-03-31'`, with DateStyle ISO as both engines use).
 * A calendar date is not an instant: as a Date it would shift by the time zone of whoever reads it, and
 * the two drivers even disagree on which midnight they pick.
 *
 * @example parseDate('2024-03-31') === '2024-03-31'
 */
export function parseDate(text: string): string {
  return text;
}
