/**
 * Incentive allocations (migration 202612070500_incentive_allocations): an allocation keeps its rule and every
 * unit's figures whole; its approval is a row of its own. Both are written once and never changed; a
 * restatement is a new allocation that names the one it replaces.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, IncentiveAllocationTable, JsonValue, OrgUnitTable } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export interface AllocationRecord {
  readonly id: number;
  readonly rootId: number;
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly periodId: string;
  readonly publicationId: number;
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly poolMinor: number;
  readonly currency: string;
  readonly rule: JsonValue;
  readonly units: JsonValue;
  readonly replacesId: number | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly replacedBy: number | null;
}

export interface NewAllocation {
  readonly rootId: number;
  readonly scorecardId: number;
  readonly orgUnitId: number;
  readonly periodId: string;
  readonly publicationId: number;
  readonly poolMinor: number;
  readonly currency: string;
  readonly rule: JsonValue;
  readonly units: JsonValue;
  readonly replacesId: number | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

function selectAllocations(db: Executor) {
  return db
    .selectFrom('incentive_allocation as x')
    .innerJoin('scorecard as s', 's.id', 'x.scorecard_id')
    .innerJoin('org_unit as o', 'o.id', 'x.org_unit_id')
    .innerJoin('publication as p', (join) =>
      join.onRef('p.root_id', '=', 'x.root_id').onRef('p.id', '=', 'x.publication_id'),
    )
    .leftJoin('incentive_approval as a', (join) =>
      join.onRef('a.root_id', '=', 'x.root_id').onRef('a.allocation_id', '=', 'x.id'),
    )
    .select([
      'x.id',
      'x.root_id as rootId',
      'x.scorecard_id as scorecardId',
      's.code as scorecardCode',
      'x.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'x.period_id as periodId',
      'x.publication_id as publicationId',
      'p.published_at as publishedAt',
      'p.published_by as publishedBy',
      'x.pool_minor as poolMinor',
      'x.currency',
      'x.rule',
      'x.units',
      'x.replaces_id as replacesId',
      'x.reason',
      'x.created_by as createdBy',
      'x.created_at as createdAt',
      'a.approved_by as approvedBy',
      'a.approved_at as approvedAt',
      sql<number | null>`(select min(n.id) from incentive_allocation n
        where n.root_id = x.root_id and n.replaces_id = x.id)`.as('replacedBy'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAllocations>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): AllocationRecord {
  return {
    ...row,
    poolMinor: Number(row.poolMinor),
    rule: row.rule ?? null,
    units: row.units ?? null,
    approvedBy: row.approvedBy ?? null,
    approvedAt: row.approvedAt ?? null,
    replacedBy: row.replacedBy === null ? null : Number(row.replacedBy),
  };
}

export async function insertAllocation(trx: Executor, allocation: NewAllocation): Promise<number> {
  const row = await trx
    .insertInto('incentive_allocation')
    .values({
      root_id: allocation.rootId,
      scorecard_id: allocation.scorecardId,
      org_unit_id: allocation.orgUnitId,
      period_id: allocation.periodId,
      publication_id: allocation.publicationId,
      pool_minor: allocation.poolMinor,
      currency: allocation.currency,
      rule: JSON.stringify(allocation.rule),
      units: JSON.stringify(allocation.units),
      replaces_id: allocation.replacesId,
      reason: allocation.reason,
      created_by: allocation.createdBy,
      created_at: allocation.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertApproval(
  trx: Executor,
  approval: { rootId: number; allocationId: number; approvedBy: string; approvedAt: Date },
): Promise<void> {
  await trx
    .insertInto('incentive_approval')
    .values({
      root_id: approval.rootId,
      allocation_id: approval.allocationId,
      approved_by: approval.approvedBy,
      approved_at: approval.approvedAt,
    })
    .execute();
}

export async function findAllocation(db: Executor, id: number): Promise<AllocationRecord | undefined> {
  const row = await selectAllocations(db).where('x.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** The latest allocation of a scorecard × period × unit (what a new one would replace). */
export async function findLatestAllocation(
  db: Executor,
  key: { rootId: number; scorecardId: number; periodId: string; orgUnitId: number },
): Promise<AllocationRecord | undefined> {
  const row = await selectAllocations(db)
    .where('x.root_id', '=', key.rootId)
    .where('x.scorecard_id', '=', key.scorecardId)
    .where('x.period_id', '=', key.periodId)
    .where('x.org_unit_id', '=', key.orgUnitId)
    .orderBy('x.created_at', 'desc')
    .orderBy('x.id', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** The published totals and ratings of units in one publication. */
export async function loadPublishedTotals(
  db: Executor,
  rootId: number,
  publicationId: number,
  orgUnitIds: readonly number[],
): Promise<Map<number, { total: number | null; ratingCode: string | null }>> {
  if (orgUnitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('publication_result')
    .select(['org_unit_id as orgUnitId', 'total', 'rating_code as ratingCode'])
    .where('root_id', '=', rootId)
    .where('publication_id', '=', publicationId)
    .where('org_unit_id', 'in', [...orgUnitIds])
    .execute();
  return new Map(rows.map((r) => [r.orgUnitId, { total: r.total, ratingCode: r.ratingCode }]));
}

export interface AllocationFilter {
  readonly scorecardId?: number;
  readonly periodId?: string;
  readonly orgUnitId?: number;
  readonly scope?: OrgScope;
}

type AllocationScope = Database & { x: IncentiveAllocationTable; o: OrgUnitTable };

function filterConditions(
  eb: ExpressionBuilder<AllocationScope, 'x' | 'o'>,
  filter: AllocationFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.scorecardId !== undefined) conditions.push(eb('x.scorecard_id', '=', filter.scorecardId));
  if (filter.periodId !== undefined) conditions.push(eb('x.period_id', '=', filter.periodId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('x.org_unit_id', '=', filter.orgUnitId));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  return conditions;
}

/** One page of allocations, newest first. */
export async function listAllocations(
  db: Executor,
  filter: AllocationFilter,
  window: PageWindow,
): Promise<PageRows<AllocationRecord>> {
  const [rows, count] = await Promise.all([
    selectAllocations(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('x.created_at', 'desc')
      .orderBy('x.id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('incentive_allocation as x')
      .innerJoin('org_unit as o', 'o.id', 'x.org_unit_id')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRecord), total: count.total };
}
