/**
 * The panel as the create form holds it (rows the strategist types) and as the API takes it: names trimmed,
 * blank e-mails and weights left out (the server's default weight is 1, so unset weights are equal).
 */

export interface ExpertRow {
  readonly name: string;
  readonly email: string;
  readonly weight: number | null;
}

/**
 * The 1-based numbers of the rows without a name.
 *
 * @example missingExpertNames([{ name: 'Li', email: '', weight: null }, { name: ' ', email: '', weight: 2 }]) // [2]
 */
export function missingExpertNames(rows: readonly ExpertRow[]): number[] {
  return rows.flatMap((row, index) => (row.name.trim() === '' ? [index + 1] : []));
}

/**
 * The panel as the create body sends it.
 *
 * @example expertsBody([{ name: ' Li ', email: '', weight: null }]) // [{ name: 'Li' }]
 */
export function expertsBody(rows: readonly ExpertRow[]): { name: string; email?: string; weight?: number }[] {
  return rows.map((row) => ({
    name: row.name.trim(),
    ...(row.email.trim() === '' ? {} : { email: row.email.trim() }),
    ...(row.weight === null ? {} : { weight: row.weight }),
  }));
}
