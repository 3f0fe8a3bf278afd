/**
 * Targets and reference values per scorecard × indicator × scope × period. The scope is one org unit, one
 * org-unit group, one level of the tree, or (all three null) every unit the scorecard applies to; the unique
 * index `target_scope_idx` makes each (scorecard, indicator, period, scope) hold one row.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Database, TargetTable } from '../schema.ts';
import { type Executor, type PageRows, type PageWindow, scopeCondition } from './query-helpers.ts';

/** Which target: the scorecard, indicator and period, and at most one of the three scope columns. */
export interface TargetKeyIds {
  readonly scorecardId: number;
  readonly indicatorCode: string;
  readonly periodId: string;
  readonly orgUnitId: number | null;
  readonly orgUnitGroupId: number | null;
  readonly level: number | null;
}

/**
 * The organisation of a target that every unit, a group or a tree level shares (migration
 * 202612062050_distribution_keys): its `root_id`, as a unit's target has its unit's organisation.
 */
export const SHARED_TARGET_ROOT_ID = 0;

/** The organisation a target belongs to: its unit's, or the shared one. */
export function targetRootId(unit: { readonly rootId: number } | null | undefined): number {
  return unit?.rootId ?? SHARED_TARGET_ROOT_ID;
}

export interface TargetFigures {
  readonly target: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly reference: number | null;
  readonly source: string | null;
}

export interface TargetRecord extends TargetKeyIds, TargetFigures {
  readonly id: number;
  readonly scorecardCode: string;
  readonly orgUnitCode: string | null;
  readonly orgUnitGroupCode: string | null;
  readonly setBy: string;
  readonly setAt: Date;
}

/** Filters of a target list; `scope` narrows to one kind of scope. */
export interface TargetFilter {
  readonly scorecardId?: number;
  readonly indicatorCode?: string;
  readonly periodId?: string;
  readonly orgUnitId?: number;
  readonly orgUnitGroupId?: number;
  readonly level?: number;
  readonly scope?: 'all' | 'org-unit' | 'group' | 'level';
  /** The reader's org-unit scope: targets of units outside it are never listed (scorecard-wide ones are). */
  readonly unitScope?: OrgScope;
}

function selectTargets(db: Executor) {
  return db
    .selectFrom('target as t')
    .innerJoin('scorecard as s', 's.id', 't.scorecard_id')
    .leftJoin('org_unit as o', 'o.id', 't.org_unit_id')
    .leftJoin('org_unit_group as g', 'g.id', 't.org_unit_group_id')
    .select([
      't.id',
      't.scorecard_id as scorecardId',
      's.code as scorecardCode',
      't.indicator_code as indicatorCode',
      't.period_id as periodId',
      't.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      't.org_unit_group_id as orgUnitGroupId',
      'g.code as orgUnitGroupCode',
      't.level',
      't.target',
      't.lower',
      't.upper',
      't.reference',
      't.source',
      't.set_by as setBy',
      't.set_at as setAt',
    ]);
}

type TargetScope = Database & { t: TargetTable };

function keyConditions(eb: ExpressionBuilder<TargetScope, 't'>, key: TargetKeyIds): Expression<SqlBool> {
  return eb.and([
    eb('t.scorecard_id', '=', key.scorecardId),
    eb('t.indicator_code', '=', key.indicatorCode),
    eb('t.period_id', '=', key.periodId),
    key.orgUnitId === null ? eb('t.org_unit_id', 'is', null) : eb('t.org_unit_id', '=', key.orgUnitId),
    key.orgUnitGroupId === null
      ? eb('t.org_unit_group_id', 'is', null)
      : eb('t.org_unit_group_id', '=', key.orgUnitGroupId),
    key.level === null ? eb('t.level', 'is', null) : eb('t.level', '=', key.level),
  ]);
}

function filterConditions(
  eb: ExpressionBuilder<TargetScope, 't'>,
  filter: TargetFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.scorecardId !== undefined) conditions.push(eb('t.scorecard_id', '=', filter.scorecardId));
  if (filter.indicatorCode !== undefined) conditions.push(eb('t.indicator_code', '=', filter.indicatorCode));
  if (filter.periodId !== undefined) conditions.push(eb('t.period_id', '=', filter.periodId));
  if (filter.orgUnitId !== undefined) conditions.push(eb('t.org_unit_id', '=', filter.orgUnitId));
  if (filter.orgUnitGroupId !== undefined)
    conditions.push(eb('t.org_unit_group_id', '=', filter.orgUnitGroupId));
  if (filter.level !== undefined) conditions.push(eb('t.level', '=', filter.level));
  const inScope = scopeCondition('u.path', filter.unitScope);
  if (inScope !== null) {
    conditions.push(
      eb.or([
        eb('t.org_unit_id', 'is', null),
        eb('t.org_unit_id', 'in', eb.selectFrom('org_unit as u').select('u.id').where(inScope)),
      ]),
    );
  }
  if (filter.scope === 'org-unit') conditions.push(eb('t.org_unit_id', 'is not', null));
  if (filter.scope === 'group') conditions.push(eb('t.org_unit_group_id', 'is not', null));
  if (filter.scope === 'level') conditions.push(eb('t.level', 'is not', null));
  if (filter.scope === 'all') {
    conditions.push(
      eb('t.org_unit_id', 'is', null),
      eb('t.org_unit_group_id', 'is', null),
      eb('t.level', 'is', null),
    );
  }
  return conditions;
}

/** The stored target with this key, locked until the transaction ends; undefined when there is none. */
export async function findTargetForUpdate(
  trx: Executor,
  key: TargetKeyIds,
): Promise<TargetRecord | undefined> {
  return selectTargets(trx)
    .where((eb) => keyConditions(eb, key))
    .forUpdate('t')
    .executeTakeFirst();
}

/** One page of targets, ordered by scorecard, indicator, period and scope. */
export async function listTargets(
  db: Executor,
  filter: TargetFilter,
  window: PageWindow,
): Promise<PageRows<TargetRecord>> {
  const [rows, count] = await Promise.all([
    selectTargets(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('s.code')
      .orderBy('t.indicator_code')
      .orderBy('t.period_id')
      .orderBy(sql`t.org_unit_id nulls first`)
      .orderBy(sql`t.org_unit_group_id nulls first`)
      .orderBy(sql`t.level nulls first`)
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('target as t')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function insertTarget(
  trx: Executor,
  key: TargetKeyIds & { readonly rootId: number },
  figures: TargetFigures,
  setBy: string,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('target')
    .values({
      root_id: key.rootId,
      scorecard_id: key.scorecardId,
      indicator_code: key.indicatorCode,
      period_id: key.periodId,
      org_unit_id: key.orgUnitId,
      org_unit_group_id: key.orgUnitGroupId,
      level: key.level,
      ...figures,
      set_by: setBy,
      set_at: now,
    })
    .execute();
}

export async function updateTarget(
  trx: Executor,
  id: number,
  figures: TargetFigures,
  setBy: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('target')
    .set({ ...figures, set_by: setBy, set_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Names the time and actor that `target_history` records for the target changes of this transaction (its
 * trigger reads them; migration 202612061200_dated_methods), so history follows the application's clock.
 */
export async function recordTargetChangesAs(trx: Executor, at: Date, by: string): Promise<void> {
  await sql`select set_config('healthbsc.recorded_at', ${at.toISOString()}, true), set_config('healthbsc.recorded_by', ${by}, true)`.execute(
    trx,
  );
}

export async function deleteTarget(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('target').where('id', '=', id).execute();
}
