/**
 * Data elements: the raw measures formulas use (beds, discharges, revenue), with how they aggregate.
 */
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { ElementOutliers, UnitOfMeasure } from '../../core/scorecard/scorecard-schema.ts';
import { unitFromText } from '../../core/scorecard/units.ts';
import type { Database, DataElementTable } from '../schema.ts';
import { containsPattern, type Executor, type PageRows, type PageWindow } from './query-helpers.ts';

export type ValueType = Selectable<DataElementTable>['value_type'];
export type UnitAggregation = Selectable<DataElementTable>['aggregation'];
export type TimeAggregation = Selectable<DataElementTable>['time_aggregation'];
export type ElementPeriodType = Selectable<DataElementTable>['period_type'];
export type MissingValues = Selectable<DataElementTable>['missing_values'];

/** A data element's fields, as written. */
export interface DataElementFields {
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly valueType: ValueType;
  readonly unit: UnitOfMeasure | null;
  readonly aggregation: UnitAggregation;
  readonly periodType: ElementPeriodType;
  readonly timeAggregation: TimeAggregation;
  /** Null: missing values are skipped (no policy declared). */
  readonly missingValues: MissingValues;
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly description: string | null;
  /** The data-quality checks' thresholds; null: the defaults. */
  readonly outliers: ElementOutliers | null;
}

export interface DataElementRecord extends DataElementFields {
  readonly id: number;
  readonly code: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface DataElementFilter {
  readonly valueType?: ValueType;
  readonly text?: string;
}

function selectDataElements(db: Executor) {
  return db
    .selectFrom('data_element as d')
    .select([
      'd.id',
      'd.code',
      'd.name_en as nameEn',
      'd.name_zh as nameZh',
      'd.value_type as valueType',
      'd.unit as unitEn',
      'd.unit_zh as unitZh',
      'd.aggregation',
      'd.period_type as periodType',
      'd.time_aggregation as timeAggregation',
      'd.missing_values as missingValues',
      'd.min_value as minValue',
      'd.max_value as maxValue',
      'd.description',
      'd.outlier_threshold as outlierThreshold',
      'd.outlier_bound as outlierBound',
      'd.outlier_per as outlierPer',
      'd.created_at as createdAt',
      'd.updated_at as updatedAt',
    ]);
}

type DataElementRow = Omit<DataElementRecord, 'unit' | 'outliers'> & {
  readonly unitEn: string | null;
  readonly unitZh: string | null;
  readonly outlierThreshold: number | null;
  readonly outlierBound: number | null;
  readonly outlierPer: string | null;
};

/** The three outlier columns as one object, null when none is set. */
function outliersOf(
  threshold: number | null,
  bound: number | null,
  per: string | null,
): ElementOutliers | null {
  if (threshold === null && bound === null && per === null) return null;
  return {
    ...(threshold === null ? {} : { threshold }),
    ...(bound === null ? {} : { absoluteBound: bound }),
    ...(per === null ? {} : { per }),
  };
}

/**
 * A row as a record, its unit in both languages. A row stored before the Chinese word had its own column has
 * one text in `unit`, in either language: it is read through the table of common units, as an @1 file is.
 */
function toRecord({
  unitEn,
  unitZh,
  outlierThreshold,
  outlierBound,
  outlierPer,
  ...row
}: DataElementRow): DataElementRecord {
  let unit: UnitOfMeasure | null = null;
  if (unitEn !== null) unit = unitZh === null ? unitFromText(unitEn).unit : { en: unitEn, zh: unitZh };
  return { ...row, unit, outliers: outliersOf(outlierThreshold, outlierBound, outlierPer) };
}

function toColumns(fields: DataElementFields) {
  return {
    name_en: fields.nameEn,
    name_zh: fields.nameZh,
    value_type: fields.valueType,
    unit: fields.unit?.en ?? null,
    unit_zh: fields.unit?.zh ?? null,
    aggregation: fields.aggregation,
    period_type: fields.periodType,
    time_aggregation: fields.timeAggregation,
    missing_values: fields.missingValues,
    min_value: fields.minValue,
    max_value: fields.maxValue,
    description: fields.description,
    outlier_threshold: fields.outliers?.threshold ?? null,
    outlier_bound: fields.outliers?.absoluteBound ?? null,
    outlier_per: fields.outliers?.per ?? null,
  };
}

type DataElementScope = Database & { d: DataElementTable };

function filterConditions(
  eb: ExpressionBuilder<DataElementScope, 'd'>,
  filter: DataElementFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.valueType !== undefined) conditions.push(eb('d.value_type', '=', filter.valueType));
  if (filter.text !== undefined) {
    const pattern = containsPattern(filter.text);
    conditions.push(
      eb.or([
        eb('d.code', 'ilike', pattern),
        eb('d.name_en', 'ilike', pattern),
        eb('d.name_zh', 'ilike', pattern),
      ]),
    );
  }
  return conditions;
}

export async function findDataElementByCode(
  db: Executor,
  code: string,
): Promise<DataElementRecord | undefined> {
  const row = await selectDataElements(db).where('d.code', '=', code).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** The elements with these codes, by code (codes not found are absent). */
export async function findDataElementsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, DataElementRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await selectDataElements(db).where('d.code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, toRecord(row)]));
}

/** One page of elements ordered by code. */
export async function listDataElements(
  db: Executor,
  filter: DataElementFilter,
  window: PageWindow,
): Promise<PageRows<DataElementRecord>> {
  const [rows, count] = await Promise.all([
    selectDataElements(db)
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .orderBy('d.code')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('data_element as d')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filterConditions(eb, filter)))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRecord), total: count.total };
}

export async function insertDataElement(
  trx: Executor,
  code: string,
  fields: DataElementFields,
  now: Date,
): Promise<DataElementRecord> {
  const { id } = await trx
    .insertInto('data_element')
    .values({ code, ...toColumns(fields), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toRecord(await selectDataElements(trx).where('d.id', '=', id).executeTakeFirstOrThrow());
}

/** Replaces every field of an element and returns it as stored. */
export async function updateDataElement(
  trx: Executor,
  id: number,
  fields: DataElementFields,
  now: Date,
): Promise<DataElementRecord> {
  await trx
    .updateTable('data_element')
    .set({ ...toColumns(fields), updated_at: now })
    .where('id', '=', id)
    .execute();
  return toRecord(await selectDataElements(trx).where('d.id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteDataElement(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('data_element').where('id', '=', id).execute();
}

/** Locks an element's row until the transaction ends (a delete waits for a concurrent write of values). */
export async function lockDataElement(trx: Executor, id: number): Promise<void> {
  await trx.selectFrom('data_element').select('id').where('id', '=', id).forUpdate().execute();
}

/** How many values are stored for an element. */
export async function countDataValuesOf(db: Executor, dataElementId: number): Promise<number> {
  const row = await db
    .selectFrom('data_value')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('data_element_id', '=', dataElementId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Codes of the scorecards whose current structure version declares the element in its `dataElements`. */
export async function scorecardsDeclaring(db: Executor, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('scorecard as s')
    .innerJoin('scorecard_version as v', 'v.scorecard_id', 's.id')
    .select('s.code')
    .where(
      'v.version',
      '=',
      sql<number>`(select max(version) from scorecard_version where scorecard_id = s.id)`,
    )
    .where(sql<boolean>`v.definition -> 'dataElements' @> ${JSON.stringify([{ code }])}::jsonb`)
    .orderBy('s.code')
    .execute();
  return rows.map((row) => row.code);
}
