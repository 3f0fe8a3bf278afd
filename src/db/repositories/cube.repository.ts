/**
 * Reads an organisation's data values in bulk for its value cube: a few big statements, each returning one
 * row per org unit with its element ids, period ordinals and values as comma-separated lists (`string_agg`),
 * so that 7 million values arrive as a few thousand rows rather than 7 million row objects, and are split by
 * V8's native `split` rather than parsed by the driver's array parser character by character (3× slower). The
 * period is sent as an ordinal (months since year 0, quarters, years) computed in SQL, so the caller places a
 * value by subtraction instead of parsing a period id per value.
 */

import type { Kysely } from 'kysely';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { periodIsOfType } from './period-sql.ts';

type Reader = Kysely<Database>;

export type CubePeriodType = 'month' | 'quarter' | 'year';

/** The ordinal of `period_id` in SQL; `periodOrdinalOf` is the same in TypeScript. */
function ordinalSql(type: CubePeriodType): RawBuilder<number> {
  switch (type) {
    case 'month':
      return sql<number>`(substr(period_id, 1, 4)::int4 * 12 + substr(period_id, 6, 2)::int4 - 1)`;
    case 'quarter':
      return sql<number>`(substr(period_id, 1, 4)::int4 * 4 + substr(period_id, 6, 1)::int4 - 1)`;
    case 'year':
      return sql<number>`period_id::int4`;
  }
}

/**
 * The ordinal the bulk read sends for a period id of `type` (consecutive periods differ by one).
 *
 * @example periodOrdinalOf('2024-03', 'month') // 24290 (2024 × 12 + 2)
 */
export function periodOrdinalOf(periodId: string, type: CubePeriodType): number {
  const year = Number(periodId.slice(0, 4));
  if (type === 'month') return year * 12 + Number(periodId.slice(5, 7)) - 1;
  if (type === 'quarter') return year * 4 + Number(periodId.slice(5, 6)) - 1;
  return year;
}

/**
 * One org unit's values of one period type, as parallel comma-separated lists of numbers (`Number(text)` reads
 * each exactly: PostgreSQL 12+ writes float8 as the shortest text that round-trips).
 */
export interface UnitValueLists {
  readonly orgUnitId: number;
  readonly elementIds: string;
  readonly ordinals: string;
  readonly values: string;
}

/** How many org units one statement reads: a few big reads, each small enough to hold as arrays. */
const UNITS_PER_READ = 250;

/**
 * How many of those statements run at once: on PostgreSQL two backends use both cores of a small server while
 * this process places the values (7.2 M values: 6.0 s one read at a time); PGlite takes them one after another.
 */
const READS_AT_ONCE = 2;

/**
 * Calls `onUnit` with each org unit's values of one period type, reading `UNITS_PER_READ` units per statement
 * (one row per unit, grouped along the primary key, so PostgreSQL neither sorts nor spills), in no set order.
 */
export async function forEachUnitValueLists(
  db: Reader,
  rootId: number,
  orgUnitIds: readonly number[],
  type: CubePeriodType,
  onUnit: (unit: UnitValueLists) => void,
): Promise<void> {
  const batches: (readonly number[])[] = [];
  for (let start = 0; start < orgUnitIds.length; start += UNITS_PER_READ) {
    batches.push(orgUnitIds.slice(start, start + UNITS_PER_READ));
  }
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
      const rows = await db
        .selectFrom('data_value')
        .select([
          'org_unit_id as orgUnitId',
          sql<string>`string_agg(data_element_id::text, ',')`.as('elementIds'),
          sql<string>`string_agg(${ordinalSql(type)}::text, ',')`.as('ordinals'),
          sql<string>`string_agg(value::float8::text, ',')`.as('values'),
        ])
        .where('root_id', '=', rootId)
        .where(sql<boolean>`org_unit_id = any(${sql.val(batch)}::bigint[])`)
        .where(periodIsOfType(type))
        .groupBy('org_unit_id')
        .execute();
      for (const row of rows) onUnit(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, batches.length) }, reader));
}

/**
 * Refreshes the planner's statistics of the value table after a bulk write, so that the next reads (the cube
 * build above all) are planned for the rows now there, not for the near-empty table of before the load.
 */
export async function analyzeDataValues(db: Reader): Promise<void> {
  await sql`analyze data_value`.execute(db);
}

/**
 * Which database this is, as text: the cluster's system identifier and the database's oid. A snapshot taken of
 * one database is never read into another, even one recreated under the same name with the same revisions.
 */
export async function databaseIdentity(db: Reader): Promise<string> {
  const result = await sql<{ id: string }>`
    select (select system_identifier::text from pg_control_system()) || '/' ||
      (select oid::text from pg_database where datname = current_database()) as id`.execute(db);
  return result.rows[0]?.id ?? 'unknown';
}
