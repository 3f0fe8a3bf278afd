/**
 * Periods: a row per period id that holds data (`2024-03`, `2024Q1`, `2024`), added as data arrives so that
 * values can reference them. The ids and dates come from core/periods.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Period } from '../../core/periods/index.ts';
import type { Database, PeriodTable } from '../schema.ts';
import { chunk, type Executor, type PageRows, type PageWindow } from './query-helpers.ts';

export interface PeriodRecord {
  readonly id: string;
  readonly type: PeriodTable['type'];
  readonly startDate: string;
  readonly endDate: string;
}

export interface PeriodFilter {
  readonly type?: PeriodTable['type'];
  /** Periods starting on or after this day (`YYYY-MM-DD`). */
  readonly startsOnOrAfter?: string;
  /** Periods ending on or before this day. */
  readonly endsOnOrBefore?: string;
}

/** Adds a row for each period not stored yet (in the caller's transaction, so a rollback removes them too). */
export async function ensurePeriods(trx: Executor, periods: readonly Period[]): Promise<void> {
  const unique = [...new Map(periods.map((period) => [period.id, period])).values()];
  for (const part of chunk(unique, 5_000)) {
    await trx
      .insertInto('period')
      .values(part.map((p) => ({ id: p.id, type: p.type, start_date: p.startDate, end_date: p.endDate })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

type PeriodScope = Database & { p: PeriodTable };

function periodConditions(
  eb: ExpressionBuilder<PeriodScope, 'p'>,
  filter: PeriodFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.type !== undefined) conditions.push(eb('p.type', '=', filter.type));
  if (filter.startsOnOrAfter !== undefined) conditions.push(eb('p.start_date', '>=', filter.startsOnOrAfter));
  if (filter.endsOnOrBefore !== undefined) conditions.push(eb('p.end_date', '<=', filter.endsOnOrBefore));
  return conditions;
}

/** One page of stored periods, in time order (a month before the quarter and year that start with it). */
export async function listPeriods(
  db: Executor,
  filter: PeriodFilter,
  window: PageWindow,
): Promise<PageRows<PeriodRecord>> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('period as p')
      .select(['p.id', 'p.type', 'p.start_date as startDate', 'p.end_date as endDate'])
      .where((eb) => eb.and(periodConditions(eb, filter)))
      .orderBy('p.start_date')
      .orderBy('p.end_date')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('period as p')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(periodConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
