/**
 * Indicator values reported directly (migration 202611230500_platform): one number per scorecard × indicator ×
 * org unit × period, stored under the organisation's root_id. Writers lock the rows they change.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, OrgUnitTable, PeriodTable, ReportedValueTable } from '../schema.ts';
import type { ValueFilter } from './data-value.repository.ts';
import { chunk, type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';
import { type StoredValue, VALUE_CHUNK, type ValueRow } from './value-store.ts';

export interface ReportedValueKey {
  readonly rootId: number;
  readonly scorecardId: number;
  readonly indicatorCode: string;
  readonly orgUnitId: number;
  readonly periodId: string;
}

/** A text that identifies a key, for maps. */
export function reportedValueKeyId(key: ReportedValueKey): string {
  return `${key.scorecardId}|${key.indicatorCode}|${key.orgUnitId}|${key.periodId}`;
}

export interface ReportedValueRecord {
  readonly scorecardCode: string;
  readonly indicatorCode: string;
  readonly orgUnitCode: string;
  readonly periodId: string;
  readonly value: number;
  readonly comment: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface ReportedValueFilter extends ValueFilter {
  readonly scorecardId?: number;
  readonly indicatorCodes?: readonly string[];
}

type ListScope = Database & { v: ReportedValueTable; o: OrgUnitTable; p: PeriodTable };

function filterConditions(
  eb: ExpressionBuilder<ListScope, 'v' | 'o' | 'p'>,
  filter: ReportedValueFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.rootId !== undefined) conditions.push(eb('v.root_id', '=', filter.rootId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('v.org_unit_id', '=', filter.orgUnitId));
  if (filter.subtreeOf !== undefined) conditions.push(eb('o.path', 'like', `${filter.subtreeOf}%`));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  if (filter.scorecardId !== undefined) conditions.push(eb('v.scorecard_id', '=', filter.scorecardId));
  if (filter.indicatorCodes !== undefined)
    conditions.push(eb('v.indicator_code', 'in', [...filter.indicatorCodes]));
  if (filter.periodIds !== undefined) conditions.push(eb('v.period_id', 'in', [...filter.periodIds]));
  if (filter.startsOnOrAfter !== undefined) conditions.push(eb('p.start_date', '>=', filter.startsOnOrAfter));
  if (filter.endsOnOrBefore !== undefined) conditions.push(eb('p.end_date', '<=', filter.endsOnOrBefore));
  return conditions;
}

/** One page of reported values ordered by scorecard, indicator, org unit and period. */
export async function listReportedValues(
  db: Executor,
  filter: ReportedValueFilter,
  window: PageWindow,
): Promise<PageRows<ReportedValueRecord>> {
  const from = () =>
    db
      .selectFrom('reported_value as v')
      .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .innerJoin('period as p', 'p.id', 'v.period_id')
      .where((eb) => eb.and(filterConditions(eb, filter)));
  const [rows, count] = await Promise.all([
    from()
      .innerJoin('scorecard as s', 's.id', 'v.scorecard_id')
      .select([
        's.code as scorecardCode',
        'v.indicator_code as indicatorCode',
        'o.code as orgUnitCode',
        'v.period_id as periodId',
        'v.value',
        'v.comment',
        'v.version',
        'v.updated_by as updatedBy',
        'v.updated_at as updatedAt',
      ])
      .orderBy('s.code')
      .orderBy('v.indicator_code')
      .orderBy('o.code')
      .orderBy('p.start_date')
      .orderBy('p.end_date')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    from().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

function keyTuples(keys: readonly ReportedValueKey[]) {
  return sql.join(
    keys.map(
      (k) =>
        sql`(${k.rootId}::bigint, ${k.scorecardId}::bigint, ${k.indicatorCode}::text, ${k.orgUnitId}::bigint, ${k.periodId}::text)`,
    ),
  );
}

const KEY_COLUMNS = sql`(root_id, scorecard_id, indicator_code, org_unit_id, period_id)`;

/** The stored values with these keys, locked until the transaction ends, by `reportedValueKeyId`. */
export async function lockReportedValues(
  trx: Executor,
  keys: readonly ReportedValueKey[],
): Promise<Map<string, StoredValue>> {
  const found = new Map<string, StoredValue>();
  for (const part of chunk(keys, VALUE_CHUNK)) {
    const rows = await trx
      .selectFrom('reported_value')
      .select([
        'root_id as rootId',
        'scorecard_id as scorecardId',
        'indicator_code as indicatorCode',
        'org_unit_id as orgUnitId',
        'period_id as periodId',
        'value',
        'comment as note',
        'version',
        'updated_by as updatedBy',
        'updated_at as updatedAt',
      ])
      .where(sql<boolean>`${KEY_COLUMNS} in (${keyTuples(part)})`)
      .forUpdate()
      .execute();
    for (const row of rows) found.set(reportedValueKeyId(row), row);
  }
  return found;
}

export async function upsertReportedValues(
  trx: Executor,
  rows: readonly ValueRow<ReportedValueKey>[],
): Promise<void> {
  for (const part of chunk(rows, VALUE_CHUNK)) {
    await trx
      .insertInto('reported_value')
      .values(
        part.map((row) => ({
          root_id: row.key.rootId,
          scorecard_id: row.key.scorecardId,
          indicator_code: row.key.indicatorCode,
          org_unit_id: row.key.orgUnitId,
          period_id: row.key.periodId,
          value: row.value,
          comment: row.note,
          import_batch_id: row.importBatchId,
          updated_by: row.updatedBy,
          updated_at: row.updatedAt,
          version: row.version,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['root_id', 'scorecard_id', 'indicator_code', 'org_unit_id', 'period_id'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            comment: eb.ref('excluded.comment'),
            import_batch_id: eb.ref('excluded.import_batch_id'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
            version: eb.ref('excluded.version'),
          })),
      )
      .execute();
  }
}

export async function deleteReportedValues(trx: Executor, keys: readonly ReportedValueKey[]): Promise<void> {
  for (const part of chunk(keys, VALUE_CHUNK)) {
    await trx
      .deleteFrom('reported_value')
      .where(sql<boolean>`${KEY_COLUMNS} in (${keyTuples(part)})`)
      .execute();
  }
}
