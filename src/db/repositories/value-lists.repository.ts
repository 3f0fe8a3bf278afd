/**
 * The lists of the three keyed value tables (data values, reported values, assessments; ./value-tables.ts) as
 * `/api/data-values`, `/api/reported-values`, `/api/assessments` and the exports read them: one page, with the
 * codes people know, filtered by the conditions the three share (organisation, unit or subtree, the reader's
 * scope, periods) and each table's own (data elements; scorecard, indicators, rater).
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../../core/access/scope.ts';
import type { Executor, PageRows, PageWindow } from './query-helpers.ts';
import { scopeCondition } from './query-helpers.ts';

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

export interface IndicatorValueFilter extends ValueFilter {
  readonly scorecardId?: number;
  readonly indicatorCodes?: readonly string[];
}

export interface AssessmentFilter extends IndicatorValueFilter {
  readonly rater?: string;
}

/**
 * What a stored value carries besides its key and figures. The records name their fields as the contracts do
 * (core/contracts/value-rows.ts), codes for ids, so a service sends them as they are but for the time.
 */
interface Stamped {
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface DataValueRecord extends Stamped {
  readonly orgUnit: string;
  readonly dataElement: string;
  readonly period: string;
  readonly value: number;
  readonly comment: string | null;
}

export interface ReportedValueRecord extends Stamped {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number;
  readonly comment: string | null;
}

export interface AssessmentRecord extends Stamped {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly rater: string;
  readonly score: number;
  readonly evidence: string | null;
}

type Listed = string | number | undefined;

/** `column in (…)` when values are given; `false` for an empty list; nothing when undefined. */
function inList(column: string, values: readonly Listed[] | undefined): RawBuilder<SqlBool> | null {
  if (values === undefined) return null;
  const given = values.filter((v) => v !== undefined);
  return given.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${sql.ref(column)} in (${sql.join(given)})`;
}

/**
 * The conditions of a filter on a value table aliased `v`, joined to its unit `o` and period `p`, and the
 * table's own `[column, values]` conditions.
 */
function valueConditions(
  filter: ValueFilter,
  own: readonly (readonly [string, readonly Listed[] | undefined])[],
): RawBuilder<SqlBool> {
  const conditions = [
    inList('v.root_id', filter.rootId === undefined ? undefined : [filter.rootId]),
    inList('v.org_unit_id', filter.orgUnitId === undefined ? undefined : [filter.orgUnitId]),
    filter.subtreeOf === undefined ? null : sql<SqlBool>`o.path like ${`${filter.subtreeOf}%`}`,
    scopeCondition('o.path', filter.scope),
    ...own.map(([column, values]) => inList(column, values)),
    inList('v.period_id', filter.periodIds),
    filter.startsOnOrAfter === undefined ? null : sql<SqlBool>`p.start_date >= ${filter.startsOnOrAfter}`,
    filter.endsOnOrBefore === undefined ? null : sql<SqlBool>`p.end_date <= ${filter.endsOnOrBefore}`,
  ].filter((c) => c !== null);
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** A query that lists rows of type `O` once it is given a window. */
interface Listing<O> {
  limit(limit: number): { offset(offset: number): { execute(): Promise<O[]> } };
}

/** How many rows a filtered value table holds. */
const COUNT = sql<number>`count(*)::int`.as('total');

/** The page of `listing` and the count of all its rows, in parallel. */
async function pageOf<O>(
  listing: Listing<O>,
  counting: { executeTakeFirstOrThrow(): Promise<{ readonly total: number }> },
  window: PageWindow,
): Promise<PageRows<O>> {
  const [rows, count] = await Promise.all([
    listing.limit(window.limit).offset(window.offset).execute(),
    counting.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

const STAMPS = ['v.version', 'v.updated_by as updatedBy', 'v.updated_at as updatedAt'] as const;

/** One page of data values ordered by org unit, data element and period. */
export async function listDataValues(
  db: Executor,
  filter: DataValueFilter,
  window: PageWindow,
): Promise<PageRows<DataValueRecord>> {
  const from = db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('period as p', 'p.id', 'v.period_id')
    .where(valueConditions(filter, [['v.data_element_id', filter.dataElementIds]]));
  const listing = from
    .innerJoin('data_element as d', 'd.id', 'v.data_element_id')
    .select(['o.code as orgUnit', 'd.code as dataElement', 'v.period_id as period'])
    .select(['v.value', 'v.comment', ...STAMPS])
    .orderBy('o.code')
    .orderBy('d.code')
    .orderBy('p.start_date')
    .orderBy('p.end_date');
  return pageOf(listing, from.select(COUNT), window);
}

function indicatorConditions(filter: IndicatorValueFilter) {
  return [
    ['v.scorecard_id', filter.scorecardId === undefined ? undefined : [filter.scorecardId]],
    ['v.indicator_code', filter.indicatorCodes],
  ] as const;
}

/** One page of reported values ordered by scorecard, indicator, org unit and period. */
export async function listReportedValues(
  db: Executor,
  filter: IndicatorValueFilter,
  window: PageWindow,
): Promise<PageRows<ReportedValueRecord>> {
  const from = db
    .selectFrom('reported_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('period as p', 'p.id', 'v.period_id')
    .where(valueConditions(filter, indicatorConditions(filter)));
  const listing = from
    .innerJoin('scorecard as s', 's.id', 'v.scorecard_id')
    .select(['s.code as scorecard', 'v.indicator_code as indicator', 'o.code as orgUnit'])
    .select(['v.period_id as period', 'v.value', 'v.comment', ...STAMPS])
    .orderBy('s.code')
    .orderBy('v.indicator_code')
    .orderBy('o.code')
    .orderBy('p.start_date')
    .orderBy('p.end_date');
  return pageOf(listing, from.select(COUNT), window);
}

/** One page of assessments ordered by scorecard, indicator, org unit, period and rater. */
export async function listAssessments(
  db: Executor,
  filter: AssessmentFilter,
  window: PageWindow,
): Promise<PageRows<AssessmentRecord>> {
  const from = db
    .selectFrom('assessment as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('period as p', 'p.id', 'v.period_id')
    .where(
      valueConditions(filter, [
        ...indicatorConditions(filter),
        ['v.rater', filter.rater === undefined ? undefined : [filter.rater]],
      ]),
    );
  const listing = from
    .innerJoin('scorecard as s', 's.id', 'v.scorecard_id')
    .select(['s.code as scorecard', 'v.indicator_code as indicator', 'o.code as orgUnit'])
    .select(['v.period_id as period', 'v.rater', 'v.score', 'v.evidence', ...STAMPS])
    .orderBy('s.code')
    .orderBy('v.indicator_code')
    .orderBy('o.code')
    .orderBy('p.start_date')
    .orderBy('p.end_date')
    .orderBy('v.rater');
  return pageOf(listing, from.select(COUNT), window);
}
