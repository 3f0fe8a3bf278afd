/**
 * Quoting for the SQL the extract compiler writes (DuckDB's dialect, which follows PostgreSQL here): every name
 * and value of a definition enters the SQL through these two functions and nowhere else, so a column named
 * `a"; DROP TABLE x; --` stays a column name. Source: DuckDB documentation, "Keywords and Identifiers" and
 * "Literal Types" (https://duckdb.org/docs/stable/sql/dialect/keywords_and_identifiers).
 */

/**
 * A name as a quoted identifier: double quotes around it, each double quote inside doubled.
 *
 * @example quoteIdentifier('patient id') // '"patient id"'
 * @example quoteIdentifier('a"b') // '"a""b"'
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new RangeError('an identifier cannot contain NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A text as a string literal: single quotes around it, each single quote inside doubled (DuckDB reads no
 * backslash escapes in a standard literal).
 *
 * @example quoteLiteral("O'Brien") // "'O''Brien'"
 */
export function quoteLiteral(text: string): string {
  if (text.includes('\u0000')) throw new RangeError('a literal cannot contain NUL');
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A finite number as a SQL numeric literal (JavaScript's shortest round-trip form, which SQL reads as is).
 *
 * @example numberLiteral(30) // '30'
 * @example numberLiteral(-0.5) // '-0.5'
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('a number literal must be finite');
  return String(value);
}
