/**
 * Data values: one number per org unit × data element × period, stored under the organisation's root_id
 * (migration 202611230500_platform). Writers lock the rows they change (`for update`), so a version check and
 * the write that follows it see the same row.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, DataValueTable, OrgUnitTable, PeriodTable } from '../schema.ts';
import { chunk, type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';
import { type StoredValue, VALUE_CHUNK, type ValueRow } from './value-store.ts';

export interface DataValueKey {
  readonly rootId: number;
  readonly orgUnitId: number;
  readonly dataElementId: number;
  readonly periodId: string;
}

/** A text that identifies a key, for maps. */
export function dataValueKeyId(key: DataValueKey): string {
  return `${key.orgUnitId}|${key.dataElementId}|${key.periodId}`;
}

export interface DataValueRecord {
  readonly orgUnitCode: string;
  readonly dataElementCode: string;
  readonly periodId: string;
  readonly value: number;
  readonly comment: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** Which values to list; every field given narrows the list. */
export interface ValueFilter {
  /** The organisation (root_id): always given with an org unit, so the primary key's first column is used. */
  readonly rootId?: number;
  readonly orgUnitId?: number;
  /** A unit's path: that unit's values and its descendants'. */
  readonly subtreeOf?: string;
  readonly periodIds?: readonly string[];
  /** Periods starting on or after this day (`YYYY-MM-DD`). */
  readonly startsOnOrAfter?: string;
  /** Periods ending on or before this day. */
  readonly endsOnOrBefore?: string;
  /** The reader's org-unit scope (on the joined `o.path`): values of units outside it are never listed. */
  readonly scope?: OrgScope;
}

export interface DataValueFilter extends ValueFilter {
  readonly dataElementIds?: readonly number[];
}

type ListScope = Database & { v: DataValueTable; o: OrgUnitTable; p: PeriodTable };

function filterConditions(
  eb: ExpressionBuilder<ListScope, 'v' | 'o' | 'p'>,
  filter: DataValueFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.rootId !== undefined) conditions.push(eb('v.root_id', '=', filter.rootId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('v.org_unit_id', '=', filter.orgUnitId));
  if (filter.subtreeOf !== undefined) conditions.push(eb('o.path', 'like', `${filter.subtreeOf}%`));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  if (filter.dataElementIds !== undefined)
    conditions.push(eb('v.data_element_id', 'in', [...filter.dataElementIds]));
  if (filter.periodIds !== undefined) conditions.push(eb('v.period_id', 'in', [...filter.periodIds]));
  if (filter.startsOnOrAfter !== undefined) conditions.push(eb('p.start_date', '>=', filter.startsOnOrAfter));
  if (filter.endsOnOrBefore !== undefined) conditions.push(eb('p.end_date', '<=', filter.endsOnOrBefore));
  return conditions;
}

/** One page of values ordered by org unit, data element and period. */
export async function listDataValues(
  db: Executor,
  filter: DataValueFilter,
  window: PageWindow,
): Promise<PageRows<DataValueRecord>> {
  const from = () =>
    db
      .selectFrom('data_value as v')
      .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .innerJoin('period as p', 'p.id', 'v.period_id')
      .where((eb) => eb.and(filterConditions(eb, filter)));
  const [rows, count] = await Promise.all([
    from()
      .innerJoin('data_element as d', 'd.id', 'v.data_element_id')
      .select([
        'o.code as orgUnitCode',
        'd.code as dataElementCode',
        'v.period_id as periodId',
        'v.value',
        'v.comment',
        'v.version',
        'v.updated_by as updatedBy',
        'v.updated_at as updatedAt',
      ])
      .orderBy('o.code')
      .orderBy('d.code')
      .orderBy('p.start_date')
      .orderBy('p.end_date')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    from().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

function keyTuples(keys: readonly DataValueKey[]) {
  return sql.join(
    keys.map(
      (k) =>
        sql`(${k.rootId}::bigint, ${k.orgUnitId}::bigint, ${k.dataElementId}::bigint, ${k.periodId}::text)`,
    ),
  );
}

/** The stored values with these keys, locked until the transaction ends, by `dataValueKeyId`. */
export async function lockDataValues(
  trx: Executor,
  keys: readonly DataValueKey[],
): Promise<Map<string, StoredValue>> {
  const found = new Map<string, StoredValue>();
  for (const part of chunk(keys, VALUE_CHUNK)) {
    const rows = await trx
      .selectFrom('data_value')
      .select([
        'root_id as rootId',
        'org_unit_id as orgUnitId',
        'data_element_id as dataElementId',
        'period_id as periodId',
        'value',
        'comment as note',
        'version',
        'updated_by as updatedBy',
        'updated_at as updatedAt',
      ])
      .where(sql<boolean>`(root_id, org_unit_id, data_element_id, period_id) in (${keyTuples(part)})`)
      .forUpdate()
      .execute();
    for (const row of rows) found.set(dataValueKeyId(row), row);
  }
  return found;
}

/** Inserts or replaces the rows (each with the version it will have). */
export async function upsertDataValues(
  trx: Executor,
  rows: readonly ValueRow<DataValueKey>[],
): Promise<void> {
  for (const part of chunk(rows, VALUE_CHUNK)) {
    await trx
      .insertInto('data_value')
      .values(
        part.map((row) => ({
          root_id: row.key.rootId,
          org_unit_id: row.key.orgUnitId,
          data_element_id: row.key.dataElementId,
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
        oc.columns(['root_id', 'org_unit_id', 'data_element_id', 'period_id']).doUpdateSet((eb) => ({
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

export async function deleteDataValues(trx: Executor, keys: readonly DataValueKey[]): Promise<void> {
  for (const part of chunk(keys, VALUE_CHUNK)) {
    await trx
      .deleteFrom('data_value')
      .where(sql<boolean>`(root_id, org_unit_id, data_element_id, period_id) in (${keyTuples(part)})`)
      .execute();
  }
}
