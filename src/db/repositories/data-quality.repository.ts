/**
 * What the data-quality checks read (server/data-quality): the data values of some units in some periods, with
 * their comments, and the earlier values of a unit (its history) for some data elements.
 */
import type { Executor } from './query-helpers.ts';

/** One stored data value, by codes. */
export interface QualityValueRecord {
  readonly orgUnitId: number;
  readonly orgUnitCode: string;
  readonly dataElement: string;
  readonly periodId: string;
  readonly value: number;
  readonly comment: string | null;
}

function selectValues(db: Executor) {
  return db
    .selectFrom('data_value as v')
    .innerJoin('data_element as d', 'd.id', 'v.data_element_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select([
      'v.org_unit_id as orgUnitId',
      'o.code as orgUnitCode',
      'd.code as dataElement',
      'v.period_id as periodId',
      'v.value',
      'v.comment',
    ]);
}

/** The values of the units (of one organisation) in the periods. */
export async function loadValuesOf(
  db: Executor,
  rootId: number,
  orgUnitIds: readonly number[],
  periodIds: readonly string[],
): Promise<QualityValueRecord[]> {
  if (orgUnitIds.length === 0 || periodIds.length === 0) return [];
  return selectValues(db)
    .where('v.root_id', '=', rootId)
    .where('v.org_unit_id', 'in', orgUnitIds)
    .where('v.period_id', 'in', periodIds)
    .execute();
}

/**
 * The values of one unit for some data elements in periods that start before `before` (`YYYY-MM-DD`), oldest
 * first: the history an outlier check compares with (the caller keeps the periods of the right type).
 */
export async function loadHistoryOf(
  db: Executor,
  unit: { readonly rootId: number; readonly id: number },
  dataElements: readonly string[],
  before: string,
): Promise<QualityValueRecord[]> {
  if (dataElements.length === 0) return [];
  return selectValues(db)
    .innerJoin('period as p', 'p.id', 'v.period_id')
    .where('v.root_id', '=', unit.rootId)
    .where('v.org_unit_id', '=', unit.id)
    .where('d.code', 'in', dataElements)
    .where('p.start_date', '<', before)
    .orderBy('p.start_date')
    .execute();
}

/** The ids and codes of a unit's siblings (the other children of its parent). */
export async function listSiblingsOf(
  db: Executor,
  unit: { readonly id: number; readonly parentId: number | null },
): Promise<{ readonly id: number; readonly code: string }[]> {
  if (unit.parentId === null) return [];
  return db
    .selectFrom('org_unit')
    .select(['id', 'code'])
    .where('parent_id', '=', unit.parentId)
    .where('id', '!=', unit.id)
    .orderBy('code')
    .execute();
}
