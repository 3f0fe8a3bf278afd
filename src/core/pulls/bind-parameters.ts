/**
 * A pull's query names its period as `:period_start` and `:period_end`; each driver binds parameters in its own
 * notation (PostgreSQL `$1`, MySQL/MariaDB `?`, SQL Server `@p1`, Oracle `:1`). This rewrites the names into the
 * driver's placeholders and lists the values in order, so the dates are bound, never spliced into the SQL.
 * Names inside string literals, quoted identifiers and comments are left alone, and `::type` casts stay casts.
 */

export type PullDialect = 'postgres' | 'mysql' | 'sqlserver' | 'oracle';

export type PeriodParameter = 'period_start' | 'period_end';

export interface BoundQuery {
  readonly sql: string;
  /** The parameter of each placeholder, in order. */
  readonly parameters: readonly PeriodParameter[];
}

const PLACEHOLDER: Readonly<Record<PullDialect, (n: number) => string>> = {
  postgres: (n) => `$${n}`,
  mysql: () => '?',
  sqlserver: (n) => `@p${n}`,
  oracle: (n) => `:${n}`,
};

/**
 * Rewrites `:period_start` / `:period_end` into the dialect's placeholders.
 *
 * @example bindPeriodParameters("select * from v where d >= :period_start and d < :period_end", 'postgres')
 * // { sql: 'select * from v where d >= $1 and d < $2', parameters: ['period_start', 'period_end'] }
 * @example bindPeriodParameters("select ':period_start', x::date from v", 'mysql').parameters // []
 */
export function bindPeriodParameters(sql: string, dialect: PullDialect): BoundQuery {
  const parameters: PeriodParameter[] = [];
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const rest = sql.slice(i);
    const skip = /^'(?:[^']|'')*'|^"(?:[^"]|"")*"|^`[^`]*`|^--[^\n]*|^\/\*[\s\S]*?\*\/|^::/.exec(rest);
    if (skip !== null) {
      out += skip[0];
      i += skip[0].length;
      continue;
    }
    const name = /^:(period_start|period_end)\b/.exec(rest);
    if (c === ':' && name !== null) {
      parameters.push(name[1] as PeriodParameter);
      out += PLACEHOLDER[dialect](parameters.length);
      i += name[0].length;
      continue;
    }
    out += c;
    i += 1;
  }
  return { sql: out, parameters };
}
