/**
 * Data values, read and written in bulk. A write checks the whole batch first (unknown codes, a period that is
 * not a month, a value of the wrong type or out of the element's range, the same value twice) and answers 400
 * listing every bad item by index, before anything is stored; then ./value-batch.ts writes it in one
 * transaction with optimistic concurrency.
 */

import { DATA_ENTRY_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  DataValue,
  DataValueInput,
  ListDataValuesQuery,
  WriteDataValuesBody,
  WriteDataValuesResult,
} from '../../core/contracts/data-values.ts';
import { invalid, notFound, type ProblemIssue } from '../../core/errors/problem.ts';
import { type Period, tryParsePeriod } from '../../core/periods/index.ts';
import {
  type DataElementRecord,
  findDataElementsByCodes,
} from '../../db/repositories/data-element.repository.ts';
import {
  type DataValueKey,
  type DataValueRecord,
  dataValueKeyId,
  deleteDataValues,
  listDataValues,
  lockDataValues,
  upsertDataValues,
} from '../../db/repositories/data-value.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRoleOverAll, requireSomeRole } from './access.ts';
import { isoTime, toPage } from './format.ts';
import { type PreparedValue, type ValueTable, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const DATA_VALUES: ValueTable<DataValueKey> = {
  entity: 'data_value',
  batchField: 'values',
  valueName: 'value',
  noteName: 'comment',
  lock: lockDataValues,
  upsert: upsertDataValues,
  remove: deleteDataValues,
  lockKey: (key) => ({ periodId: key.periodId, scorecardId: null }),
  touched: (rootId, changed) => ({
    kind: 'data-values',
    rootId,
    values: changed.map(({ key, value }) => ({
      orgUnitId: key.orgUnitId,
      dataElementId: key.dataElementId,
      periodId: key.periodId,
      value,
    })),
  }),
};

/** Why a value does not fit its data element, or null when it does. */
export function checkValueFits(value: number, element: DataElementRecord): string | null {
  if (element.valueType === 'integer' && !Number.isInteger(value)) {
    return `'${element.code}' holds whole numbers; got ${value}`;
  }
  if (element.minValue !== null && value < element.minValue) {
    return `${value} is below the minimum ${element.minValue} of '${element.code}'`;
  }
  if (element.maxValue !== null && value > element.maxValue) {
    return `${value} is above the maximum ${element.maxValue} of '${element.code}'`;
  }
  return null;
}

interface DataValueCodes {
  readonly orgUnit: string;
  readonly dataElement: string;
  readonly period: string;
}

interface CheckedBatch {
  readonly prepared: PreparedValue<DataValueKey, DataValueCodes>[];
  readonly periods: Period[];
}

async function checkBatch(
  db: Executor,
  actor: Actor,
  values: readonly DataValueInput[],
): Promise<CheckedBatch> {
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const [units, elements] = await Promise.all([
    findOrgUnitsByCodes(db, distinct(values.map((v) => v.orgUnit))),
    findDataElementsByCodes(db, distinct(values.map((v) => v.dataElement))),
  ]);
  requireRoleOverAll(actor, DATA_ENTRY_ROLES, units.values());
  const issues: ProblemIssue[] = [];
  const checked: CheckedBatch = { prepared: [], periods: [] };
  const seen = new Map<string, number>();
  values.forEach((item, index) => {
    const at = (field: string): (string | number)[] => ['values', index, field];
    const before = issues.length;
    const unit = units.get(item.orgUnit);
    if (unit === undefined)
      issues.push({ path: at('orgUnit'), message: `there is no org unit '${item.orgUnit}'` });
    const element = elements.get(item.dataElement);
    if (element === undefined) {
      issues.push({ path: at('dataElement'), message: `there is no data element '${item.dataElement}'` });
    }
    const period = tryParsePeriod(item.period);
    if (period === null) {
      issues.push({
        path: at('period'),
        message: `'${item.period}' is not a period: use a month such as 2024-03`,
      });
    } else if (period.type !== 'month') {
      issues.push({
        path: at('period'),
        message: `data values are stored per month; '${period.id}' is a ${period.type}, computed from its months`,
      });
    }
    const misfit = element === undefined || item.value === null ? null : checkValueFits(item.value, element);
    if (misfit !== null) issues.push({ path: at('value'), message: misfit });
    if (issues.length > before || unit === undefined || element === undefined || period === null) return;
    const key: DataValueKey = {
      rootId: unit.rootId,
      orgUnitId: unit.id,
      dataElementId: element.id,
      periodId: period.id,
    };
    const keyId = dataValueKeyId(key);
    const first = seen.get(keyId);
    if (first !== undefined) {
      issues.push({ path: ['values', index], message: `the same value as values[${first}]` });
      return;
    }
    seen.set(keyId, index);
    checked.periods.push(period);
    checked.prepared.push({
      index,
      key,
      keyId,
      entityKey: `${unit.code}/${element.code}/${period.id}`,
      rootId: unit.rootId,
      orgUnitId: unit.id,
      value: item.value,
      note: item.comment,
      expectedVersion: item.version,
      codes: { orgUnit: unit.code, dataElement: element.code, period: period.id },
    });
  });
  if (issues.length > 0) throw invalid('Some values cannot be stored; nothing was stored.', issues);
  return checked;
}

/**
 * Writes a batch of data values: `value: null` deletes one; `version` makes the write conditional (409 with the
 * stored values when any does not match). One transaction: all or nothing.
 */
export async function writeDataValues(
  ctx: ServerContext,
  actor: Actor,
  input: WriteDataValuesBody,
  options: { readonly importBatchId?: number | null } = {},
): Promise<WriteDataValuesResult> {
  const checked = await checkBatch(ctx.db.kysely, actor, input.values);
  const result = await writeValueBatch(ctx, actor, DATA_VALUES, checked.prepared, {
    importBatchId: options.importBatchId,
    beforeWrite: (trx) => ensurePeriods(trx, checked.periods),
  });
  return {
    created: result.created,
    updated: result.updated,
    deleted: result.deleted,
    unchanged: result.unchanged,
    items: result.outcomes.map((outcome) => ({
      ...outcome.item.codes,
      status: outcome.status,
      value: outcome.value,
      comment: outcome.note,
      version: outcome.version,
    })),
  };
}

function toDataValue(row: DataValueRecord): DataValue {
  return {
    orgUnit: row.orgUnitCode,
    dataElement: row.dataElementCode,
    period: row.periodId,
    value: row.value,
    comment: row.comment,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: isoTime(row.updatedAt),
  };
}

/**
 * A page of data values matching the filters, within the actor's scope; 404 for an unknown org unit or data
 * element, 403 for a unit outside the scope.
 */
export async function listDataValuesPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListDataValuesQuery,
): Promise<Page<DataValue>> {
  const db = ctx.db.kysely;
  const filter = await resolveValueFilter(db, actor, input);
  let dataElementIds: number[] | undefined;
  if (input.dataElement !== undefined) {
    const elements = await findDataElementsByCodes(db, input.dataElement);
    const unknown = input.dataElement.filter((code) => !elements.has(code));
    if (unknown.length > 0)
      throw notFound(`There is no data element ${unknown.map((c) => `'${c}'`).join(', ')}.`);
    dataElementIds = [...elements.values()].map((element) => element.id);
  }
  return toPage(await listDataValues(db, { ...filter, dataElementIds }, input), input, toDataValue);
}
