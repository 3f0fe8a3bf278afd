/**
 * The reads the evaluation engine needs: metadata snapshots and the few per-request inputs (reported values,
 * qualitative ratings). An organisation's values in bulk, for its cubes, are read by ./cube.repository.ts.
 * Writes live in the resources' own repositories.
 */
import type { Kysely } from 'kysely';
import type { TargetRow } from '../../core/targets/index.ts';
import type { Database } from '../schema.ts';

type Reader = Kysely<Database>;

export interface OrgUnitRow {
  readonly id: number;
  readonly code: string;
  readonly parentId: number | null;
  readonly rootId: number;
  readonly level: number;
  readonly type: string;
  readonly role: string | null;
  readonly nameEn: string;
  readonly nameZh: string | null;
  /** Ids from the top down (`/1/5/9/`): what access scopes are checked against (core/access/scope.ts). */
  readonly path: string;
}

export async function loadOrgUnits(db: Reader): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_unit')
    .select([
      'id',
      'code',
      'parent_id as parentId',
      'root_id as rootId',
      'level',
      'type',
      'role',
      'name_en as nameEn',
      'name_zh as nameZh',
      'path',
    ])
    .orderBy('path')
    .execute();
}

/** Org-unit id → the ids of the groups it belongs to. */
export async function loadGroupMemberships(db: Reader): Promise<Map<number, Set<number>>> {
  const rows = await db.selectFrom('org_unit_group_member').select(['group_id', 'org_unit_id']).execute();
  const result = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = result.get(row.org_unit_id) ?? new Set<number>();
    set.add(row.group_id);
    result.set(row.org_unit_id, set);
  }
  return result;
}

export interface DataElementRuleRow {
  readonly id: number;
  readonly code: string;
  readonly aggregation: 'sum' | 'average';
  readonly timeAggregation: 'sum' | 'average' | 'last' | 'max';
  /** The one period type its values are reported for. */
  readonly periodType: 'month' | 'quarter' | 'year';
  /** How a missing child value rolls up; null: not declared (pairwise inside ratios, else skipped). */
  readonly missingValues: 'pairwise' | 'zero' | 'required' | null;
}

export async function loadDataElementRules(db: Reader): Promise<DataElementRuleRow[]> {
  return db
    .selectFrom('data_element')
    .select([
      'id',
      'code',
      'aggregation',
      'time_aggregation as timeAggregation',
      'period_type as periodType',
      'missing_values as missingValues',
    ])
    .orderBy('id')
    .execute();
}

/** A target row as it was recorded (`target_history`): which recorded state it is, and when it was recorded. */
export interface RecordedTargetRow extends TargetRow {
  /** The `target_history` row: the id evaluations and publications name the target by. */
  readonly recordId: number;
  readonly recordedAt: Date;
}

/**
 * A scorecard's targets as recorded at `asOf` (null: now): for each target row, its latest recorded state by
 * then, unless that state is its deletion.
 */
export async function loadTargets(
  db: Reader,
  scorecardId: number,
  asOf: Date | null = null,
): Promise<RecordedTargetRow[]> {
  const rows = await db
    .selectFrom('target_history')
    .distinctOn('target_id')
    .select([
      'id as recordId',
      'recorded_at as recordedAt',
      'deleted',
      'indicator_code as indicator',
      'org_unit_id as orgUnitId',
      'org_unit_group_id as groupId',
      'level',
      'period_id as periodId',
      'target',
      'lower',
      'upper',
      'reference',
      'source',
    ])
    .where('scorecard_id', '=', scorecardId)
    .$if(asOf !== null, (qb) => qb.where('recorded_at', '<=', asOf ?? new Date(0)))
    .orderBy('target_id')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.filter((row) => !row.deleted).map(({ deleted: _deleted, ...row }) => row);
}

export interface IndicatorInputRow {
  readonly orgUnitId: number;
  readonly indicator: string;
  readonly value: number;
}

/** A reported value or a rating of one unit, indicator and period. */
export interface PeriodInputRow extends IndicatorInputRow {
  readonly periodId: string;
}

/**
 * Every reported indicator value of one scorecard in one organisation for the periods `reported`, and every
 * qualitative rating (one row per rater, by period and rater) for the periods `rated`: two statements however many
 * periods and units (../../server/evaluation/root-inputs.ts keeps them per period).
 */
export async function loadRootInputs(
  db: Reader,
  rootId: number,
  scorecardId: number,
  periods: { readonly reported: readonly string[]; readonly rated: readonly string[] },
): Promise<{ readonly reported: PeriodInputRow[]; readonly ratings: PeriodInputRow[] }> {
  const [reported, ratings] = await Promise.all([
    periods.reported.length === 0
      ? []
      : db
          .selectFrom('reported_value')
          .select([
            'org_unit_id as orgUnitId',
            'indicator_code as indicator',
            'value',
            'period_id as periodId',
          ])
          .where('root_id', '=', rootId)
          .where('scorecard_id', '=', scorecardId)
          .where('period_id', 'in', periods.reported)
          .execute(),
    periods.rated.length === 0
      ? []
      : db
          .selectFrom('assessment')
          .select([
            'org_unit_id as orgUnitId',
            'indicator_code as indicator',
            'score as value',
            'period_id as periodId',
          ])
          .where('root_id', '=', rootId)
          .where('scorecard_id', '=', scorecardId)
          .where('period_id', 'in', periods.rated)
          .orderBy('period_id')
          .orderBy('rater')
          .execute(),
  ]);
  return { reported, ratings };
}

/** An org-unit group's code by id (to name the scope of a target row), or null. */
export async function findGroupCode(db: Reader, id: number): Promise<string | null> {
  const row = await db.selectFrom('org_unit_group').select('code').where('id', '=', id).executeTakeFirst();
  return row?.code ?? null;
}
