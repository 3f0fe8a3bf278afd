/**
 * Data elements: create, read, change and delete. A delete is refused (409) while values are stored for the
 * element or a scorecard's current version declares it, since either would lose meaning without it.
 */

import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  CreateDataElementBody,
  DataElement,
  ListDataElementsQuery,
  UpdateDataElementBody,
} from '../../core/contracts/data-elements.ts';
import { badRequest, conflict } from '../../core/errors/problem.ts';
import {
  countDataValuesOf,
  type DataElementFields,
  type DataElementRecord,
  deleteDataElement,
  findDataElementByCode,
  insertDataElement,
  listDataElements,
  lockDataElement,
  scorecardsDeclaring,
  updateDataElement,
} from '../../db/repositories/data-element.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireSomeRole } from './access.ts';
import { commitWrite } from './commit-write.ts';
import { isoTime, localized, toPage } from './format.ts';
import { requireDataElement } from './lookups.ts';

export function toDataElement(row: DataElementRecord): DataElement {
  return {
    code: row.code,
    name: localized(row.nameEn, row.nameZh),
    valueType: row.valueType,
    unit: row.unit,
    aggregation: row.aggregation,
    periodType: row.periodType,
    timeAggregation: row.timeAggregation,
    missingValues: row.missingValues,
    min: row.minValue,
    max: row.maxValue,
    description: row.description,
    outliers: row.outliers,
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

/** The stored fields of an element as a scorecard file declares it (absent optional fields become null). */
export function fieldsFromFile(element: CreateDataElementBody): DataElementFields {
  return {
    nameEn: element.name.en,
    nameZh: element.name.zh ?? null,
    valueType: element.valueType,
    unit: element.unit ?? null,
    aggregation: element.aggregation,
    periodType: element.periodType ?? 'month',
    timeAggregation: element.timeAggregation,
    missingValues: element.missingValues ?? null,
    minValue: element.min ?? null,
    maxValue: element.max ?? null,
    description: element.description ?? null,
    outliers: element.outliers ?? null,
  };
}

function fieldsOf(row: DataElementRecord): DataElementFields {
  return {
    nameEn: row.nameEn,
    nameZh: row.nameZh,
    valueType: row.valueType,
    unit: row.unit,
    aggregation: row.aggregation,
    periodType: row.periodType,
    timeAggregation: row.timeAggregation,
    missingValues: row.missingValues,
    minValue: row.minValue,
    maxValue: row.maxValue,
    description: row.description,
    outliers: row.outliers,
  };
}

/** The fields compared with `===` (the unit and the outliers, objects, are compared field by field). */
const FIELD_NAMES: readonly Exclude<keyof DataElementFields, 'unit' | 'outliers'>[] = [
  'nameEn',
  'nameZh',
  'valueType',
  'aggregation',
  'periodType',
  'timeAggregation',
  'missingValues',
  'minValue',
  'maxValue',
  'description',
];

/** Whether two sets of fields are the same (a stored record's other columns are ignored). */
export function sameFields(a: DataElementFields, b: DataElementFields): boolean {
  return (
    FIELD_NAMES.every((key) => a[key] === b[key]) &&
    a.unit?.en === b.unit?.en &&
    a.unit?.zh === b.unit?.zh &&
    a.outliers?.threshold === b.outliers?.threshold &&
    a.outliers?.absoluteBound === b.outliers?.absoluteBound &&
    a.outliers?.per === b.outliers?.per
  );
}

function checkRange(fields: DataElementFields): void {
  if (fields.minValue !== null && fields.maxValue !== null && fields.minValue > fields.maxValue) {
    throw badRequest('data-element.min-above-max', { min: fields.minValue, max: fields.maxValue }, ['min']);
  }
}

export async function createDataElement(
  ctx: ServerContext,
  actor: Actor,
  input: CreateDataElementBody,
): Promise<DataElement> {
  requireSomeRole(actor, DESIGN_ROLES);
  const fields = fieldsFromFile(input);
  checkRange(fields);
  return commitWrite(ctx, actor, async (trx) => {
    if ((await findDataElementByCode(trx, input.code)) !== undefined) {
      throw conflict('data-element.exists', { code: input.code });
    }
    const created = toDataElement(await insertDataElement(trx, input.code, fields, ctx.now()));
    return {
      result: created,
      audit: [{ action: 'create', entity: 'data_element', entityKey: created.code, newValue: created }],
      touched: [{ kind: 'metadata' }],
    };
  });
}

export async function updateDataElementByCode(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly changes: UpdateDataElementBody },
): Promise<DataElement> {
  requireSomeRole(actor, DESIGN_ROLES);
  return commitWrite(ctx, actor, async (trx) => {
    const found = await requireDataElement(trx, input.code);
    await lockDataElement(trx, found.id);
    const current = await requireDataElement(trx, input.code);
    const c = input.changes;
    const old = fieldsOf(current);
    const fields: DataElementFields = {
      nameEn: c.name?.en ?? old.nameEn,
      nameZh: c.name === undefined ? old.nameZh : (c.name.zh ?? null),
      valueType: c.valueType ?? old.valueType,
      unit: c.unit === undefined ? old.unit : c.unit,
      aggregation: c.aggregation ?? old.aggregation,
      periodType: c.periodType ?? old.periodType,
      timeAggregation: c.timeAggregation ?? old.timeAggregation,
      missingValues: c.missingValues === undefined ? old.missingValues : c.missingValues,
      minValue: c.min === undefined ? old.minValue : c.min,
      maxValue: c.max === undefined ? old.maxValue : c.max,
      description: c.description === undefined ? old.description : c.description,
      outliers: c.outliers === undefined ? old.outliers : c.outliers,
    };
    checkRange(fields);
    const before = toDataElement(current);
    if (sameFields(old, fields)) return { result: before, audit: [], touched: [] };
    const after = toDataElement(await updateDataElement(trx, current.id, fields, ctx.now()));
    return {
      result: after,
      audit: [
        {
          action: 'update',
          entity: 'data_element',
          entityKey: after.code,
          oldValue: before,
          newValue: after,
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}

/** Deletes an element; 409 while values are stored for it or a current scorecard declares it. */
export async function deleteDataElementByCode(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string },
): Promise<void> {
  requireSomeRole(actor, DESIGN_ROLES);
  await commitWrite(ctx, actor, async (trx) => {
    const element = await requireDataElement(trx, input.code);
    await lockDataElement(trx, element.id);
    const values = await countDataValuesOf(trx, element.id);
    if (values > 0) {
      throw values === 1
        ? conflict('data-element.has-value', { code: element.code })
        : conflict('data-element.has-values', { code: element.code, count: values });
    }
    const scorecards = await scorecardsDeclaring(trx, element.code);
    if (scorecards.length > 0) {
      const listed = scorecards.map((code) => `'${code}'`).join(', ');
      throw scorecards.length === 1
        ? conflict('data-element.declared-by-scorecard', { code: element.code, scorecards: listed })
        : conflict('data-element.declared-by-scorecards', { code: element.code, scorecards: listed });
    }
    await deleteDataElement(trx, element.id);
    return {
      result: undefined,
      audit: [
        {
          action: 'delete',
          entity: 'data_element',
          entityKey: element.code,
          oldValue: toDataElement(element),
        },
      ],
      touched: [{ kind: 'metadata' }],
    };
  });
}

export async function getDataElement(
  ctx: ServerContext,
  _actor: Actor,
  input: { readonly code: string },
): Promise<DataElement> {
  return toDataElement(await requireDataElement(ctx.db.kysely, input.code));
}

export async function listDataElementsPage(
  ctx: ServerContext,
  _actor: Actor,
  input: ListDataElementsQuery,
): Promise<Page<DataElement>> {
  const page = await listDataElements(ctx.db.kysely, { valueType: input.valueType, text: input.q }, input);
  return toPage(page, input, toDataElement);
}
