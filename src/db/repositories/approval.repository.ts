/**
 * Data approvals per scorecard × org unit × period (migration 202611240900_accounts). Reads join the unit (its
 * code and path) and the period (its first and last days), which is what core/access/approval-lock.ts needs.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { DataApprovalTable, Database, OrgUnitTable } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

export type ApprovalStatusValue = DataApprovalTable['status'];

export interface ApprovalRecord {
  readonly id: number;
  readonly rootId: number;
  readonly scorecardId: number;
  readonly scorecardCode: string;
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly orgUnitPath: string;
  readonly periodId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly status: ApprovalStatusValue;
  readonly submittedBy: string | null;
  readonly submittedAt: Date | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
  readonly updatedAt: Date;
  readonly version: number;
}

export interface ApprovalKeyIds {
  readonly scorecardId: number;
  readonly orgUnitId: number;
  readonly periodId: string;
}

export interface ApprovalFilter {
  readonly scorecardId?: number;
  readonly orgUnitId?: number;
  /** A unit's path: approvals of that unit and the units under it. */
  readonly subtreeOf?: string;
  readonly periodId?: string;
  readonly status?: ApprovalStatusValue;
  /** The reader's org-unit scope. */
  readonly scope?: OrgScope;
}

type ApprovalScope = Database & { d: DataApprovalTable; o: OrgUnitTable };

function selectApprovals(db: Executor) {
  return db
    .selectFrom('data_approval as d')
    .innerJoin('org_unit as o', 'o.id', 'd.org_unit_id')
    .innerJoin('scorecard as s', 's.id', 'd.scorecard_id')
    .innerJoin('period as p', 'p.id', 'd.period_id')
    .select([
      'd.id',
      'd.root_id as rootId',
      'd.scorecard_id as scorecardId',
      's.code as scorecardCode',
      'd.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'o.path as orgUnitPath',
      'd.period_id as periodId',
      sql<string>`p.start_date::text`.as('periodStart'),
      sql<string>`p.end_date::text`.as('periodEnd'),
      'd.status',
      'd.submitted_by as submittedBy',
      'd.submitted_at as submittedAt',
      'd.decided_by as decidedBy',
      'd.decided_at as decidedAt',
      'd.reason',
      'd.updated_at as updatedAt',
      'd.version',
    ]);
}

function filterConditions(
  eb: ExpressionBuilder<ApprovalScope, 'd' | 'o'>,
  filter: ApprovalFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.scorecardId !== undefined) conditions.push(eb('d.scorecard_id', '=', filter.scorecardId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('d.org_unit_id', '=', filter.orgUnitId));
  if (filter.subtreeOf !== undefined) conditions.push(eb('o.path', 'like', `${filter.subtreeOf}%`));
  if (filter.periodId !== undefined) conditions.push(eb('d.period_id', '=', filter.periodId));
  if (filter.status !== undefined) conditions.push(eb('d.status', '=', filter.status));
  const inScope = scopeCondition('o.path', filter.scope);
  if (inScope !== null) conditions.push(inScope);
  return conditions;
}

/** The approval with this key, locked until the transaction ends (PostgreSQL), or undefined. */
export async function findApprovalForUpdate(
  trx: Executor,
  key: ApprovalKeyIds,
): Promise<ApprovalRecord | undefined> {
  return selectApprovals(trx)
    .where('d.scorecard_id', '=', key.scorecardId)
    .where('d.org_unit_id', '=', key.orgUnitId)
    .where('d.period_id', '=', key.periodId)
    .forUpdate('d')
    .executeTakeFirst();
}

export interface ApprovalChange {
  readonly status: ApprovalStatusValue;
  readonly submittedBy?: string;
  readonly submittedAt?: Date;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly reason?: string | null;
  readonly now: Date;
}

/** Creates the approval of a key (its first submission). */
export async function insertApproval(
  trx: Executor,
  key: ApprovalKeyIds & { readonly rootId: number },
  change: ApprovalChange,
): Promise<void> {
  await trx
    .insertInto('data_approval')
    .values({
      root_id: key.rootId,
      scorecard_id: key.scorecardId,
      org_unit_id: key.orgUnitId,
      period_id: key.periodId,
      status: change.status,
      submitted_by: change.submittedBy ?? null,
      submitted_at: change.submittedAt ?? null,
      decided_by: change.decidedBy ?? null,
      decided_at: change.decidedAt ?? null,
      reason: change.reason ?? null,
      updated_at: change.now,
    })
    .execute();
}

export async function updateApproval(trx: Executor, id: number, change: ApprovalChange): Promise<void> {
  await trx
    .updateTable('data_approval')
    .set((eb) => ({
      status: change.status,
      submitted_by: change.submittedBy,
      submitted_at: change.submittedAt,
      decided_by: change.decidedBy,
      decided_at: change.decidedAt,
      reason: change.reason,
      updated_at: change.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function findApproval(db: Executor, key: ApprovalKeyIds): Promise<ApprovalRecord | undefined> {
  return selectApprovals(db)
    .where('d.scorecard_id', '=', key.scorecardId)
    .where('d.org_unit_id', '=', key.orgUnitId)
    .where('d.period_id', '=', key.periodId)
    .executeTakeFirst();
}

/** One page of approvals, by scorecard, unit and period. */
export async function listApprovals(
  db: Executor,
  filter: ApprovalFilter,
  window: PageWindow,
): Promise<PageRows<ApprovalRecord>> {
  const [rows, count] = await Promise.all([
    selectApprovals(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('s.code')
      .orderBy('o.path')
      .orderBy('p.start_date')
      .orderBy('p.end_date')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('data_approval as d')
      .innerJoin('org_unit as o', 'o.id', 'd.org_unit_id')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/**
 * The approvals of these organisations whose period overlaps `from`…`to` (`YYYY-MM-DD`), whatever their status:
 * the caller keeps the approved ones, which lock data. All are read `for share` when `lock` (PostgreSQL), so an
 * approval being decided waits for a write that is checking it, and a write waits for an approval being decided
 * and then sees its new status: a value never changes under an approval granted without it.
 */
export async function loadApprovalsForWrite(
  trx: Executor,
  rootIds: readonly number[],
  span: { readonly from: string; readonly to: string },
  options: { readonly lock: boolean },
): Promise<ApprovalRecord[]> {
  if (rootIds.length === 0) return [];
  const query = selectApprovals(trx)
    .where('d.root_id', 'in', [...rootIds])
    .where('p.start_date', '<=', span.to)
    .where('p.end_date', '>=', span.from);
  return options.lock ? query.forShare('d').execute() : query.execute();
}

/** Every approval of a scorecard in one organisation (for the approval status of evaluations). */
export async function loadApprovalsOfScorecard(
  db: Executor,
  scorecardId: number,
  rootId: number,
): Promise<ApprovalRecord[]> {
  return selectApprovals(db)
    .where('d.scorecard_id', '=', scorecardId)
    .where('d.root_id', '=', rootId)
    .execute();
}
