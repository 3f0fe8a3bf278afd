/**
 * Data values, read and written in bulk. A write checks the whole batch first (unknown codes, a period that is
 * not a month, a value of the wrong type or out of the element's range, the same value twice, a value that
 * breaks a validation rule without a comment) and answers 400 listing every bad item by index, before anything
 * is stored; then ./value-batch.ts writes it in one
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
import { issue, notFound, type ProblemIssue } from '../../core/errors/problem.ts';
import { tryParsePeriod } from '../../core/periods/index.ts';
import {
  type DataElementRecord,
  findDataElementsByCodes,
} from '../../db/repositories/data-element.repository.ts';
import { findOrgUnitsByCodes } from '../../db/repositories/org-unit.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import { listDataValues } from '../../db/repositories/value-lists.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRuleComments } from '../data-quality/entry-check.ts';
import { requireRoleOverAll, requireSomeRole } from './access.ts';
import { stamped, toPage } from './format.ts';
import { createValueBatch, type ValueBatchKind, valueCommentItem, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const DATA_VALUES: ValueBatchKind = {
  table: 'data_value',
  batchField: 'values',
  invalid: 'data-value.batch-invalid',
  duplicate: 'data-value.duplicate',
};

/** Why a value does not fit its data element, as an issue at `path`, or null when it fits. */
export function checkValueFits(
  value: number,
  element: DataElementRecord,
  path: readonly (string | number)[] = [],
): ProblemIssue | null {
  const { code } = element;
  if (element.valueType === 'integer' && !Number.isInteger(value)) {
    return issue('data-value.not-whole', { code, value }, path);
  }
  if (element.minValue !== null && value < element.minValue) {
    return issue('data-value.below-minimum', { value, min: element.minValue, code }, path);
  }
  if (element.maxValue !== null && value > element.maxValue) {
    return issue('data-value.above-maximum', { value, max: element.maxValue, code }, path);
  }
  return null;
}

/** How a data value is named in a write's answer (a type, not an interface: it is a record of codes). */
type DataValueCodes = {
  readonly orgUnit: string;
  readonly dataElement: string;
  readonly period: string;
};

const PERIOD_TYPE_ISSUES = {
  month: 'data-value.period-not-month',
  quarter: 'data-value.period-not-quarter',
  year: 'data-value.period-not-year',
} as const;

async function checkBatch(db: Executor, actor: Actor, values: readonly DataValueInput[]) {
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const [units, elements] = await Promise.all([
    findOrgUnitsByCodes(db, distinct(values.map((v) => v.orgUnit))),
    findDataElementsByCodes(db, distinct(values.map((v) => v.dataElement))),
  ]);
  requireRoleOverAll(actor, DATA_ENTRY_ROLES, units.values());
  const batch = createValueBatch<DataValueCodes>(DATA_VALUES);
  const { issues } = batch;
  values.forEach((item, index) => {
    const at = (field: string) => batch.at(index, field);
    const before = issues.length;
    const unit = units.get(item.orgUnit);
    if (unit === undefined) issues.push(issue('org-unit.unknown', { code: item.orgUnit }, at('orgUnit')));
    const element = elements.get(item.dataElement);
    if (element === undefined) {
      issues.push(issue('data-element.unknown', { code: item.dataElement }, at('dataElement')));
    }
    const period = tryParsePeriod(item.period);
    if (period === null) {
      issues.push(issue('data-value.not-a-month', { value: item.period }, at('period')));
    } else if (element !== undefined && period.type !== element.periodType) {
      // One period type per data element: a value of another type would be stored and never evaluated.
      issues.push(
        issue(
          PERIOD_TYPE_ISSUES[element.periodType],
          { code: element.code, period: period.id },
          at('period'),
        ),
      );
    }
    const misfit =
      element === undefined || item.value === null ? null : checkValueFits(item.value, element, at('value'));
    if (misfit !== null) issues.push(misfit);
    if (issues.length > before || unit === undefined || element === undefined || period === null) return;
    batch.add({
      index,
      key: { root_id: unit.rootId, org_unit_id: unit.id, data_element_id: element.id, period_id: period.id },
      codes: { orgUnit: unit.code, dataElement: element.code, period: period.id },
      rootId: unit.rootId,
      orgUnitId: unit.id,
      period,
      value: item.value,
      note: item.comment,
      expectedVersion: item.version,
    });
  });
  return batch;
}

/**
 * Writes a batch of data values: `value: null` deletes one; `version` makes the write conditional (409 with the
 * stored values when any does not match). One transaction: all or nothing.
 */
export async function writeDataValues(
  ctx: ServerContext,
  actor: Actor,
  input: WriteDataValuesBody,
): Promise<WriteDataValuesResult> {
  const batch = await checkBatch(ctx.db.kysely, actor, input.values);
  if (batch.issues.length === 0) {
    const entered = batch.prepared.map((item) => ({
      index: item.index,
      rootId: item.rootId,
      orgUnitId: item.orgUnitId,
      orgUnit: item.codes.orgUnit,
      dataElement: item.codes.dataElement,
      period: item.period.id,
      value: item.value,
      comment: item.note,
    }));
    await requireRuleComments(ctx.db.kysely, entered, DATA_VALUES.batchField);
  }
  return writeValueBatch(ctx, actor, batch, valueCommentItem);
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
    if (unknown.length > 0) {
      throw unknown.length === 1
        ? notFound('data-element.not-found', { code: unknown[0] ?? '' })
        : notFound('data-element.not-found-many', { codes: unknown.map((c) => `'${c}'`).join(', ') });
    }
    dataElementIds = [...elements.values()].map((element) => element.id);
  }
  return toPage(await listDataValues(db, { ...filter, dataElementIds }, input), input, stamped);
}
