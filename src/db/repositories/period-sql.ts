/**
 * Which stored period ids are of one type, in SQL. Period ids are stored normalised (core/periods: `2024-03`,
 * `2024Q1`, `2024`), so their length tells the type: a comparison of lengths costs a fraction of a regular
 * expression over millions of values (measured on 7.2 M values: the cube's bulk read took 9.5 s with
 * `period_id ~ '^[0-9]{4}-[0-9]{2}$'` and 5.2 s with `length(period_id) = 7`).
 */
import { type RawBuilder, sql } from 'kysely';

export type StoredPeriodType = 'month' | 'quarter' | 'year';

/** The length of a stored period id of each type. */
export const PERIOD_ID_LENGTHS: Readonly<Record<StoredPeriodType, number>> = {
  month: 7,
  quarter: 6,
  year: 4,
};

/** True for a `period_id` of `type`. */
export function periodIsOfType(type: StoredPeriodType): RawBuilder<boolean> {
  return sql<boolean>`length(period_id) = ${sql.lit(PERIOD_ID_LENGTHS[type])}`;
}
