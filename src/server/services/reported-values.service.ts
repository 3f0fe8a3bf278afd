/**
 * Indicator values reported directly (seed 002's Table 4.9 is such a source), read and written in bulk exactly
 * like data values, keyed by scorecard + indicator instead of data element. The indicator must be a quantitative
 * indicator of the scorecard's current version; the period may be a month, a quarter or a year, since sources
 * report rates for the period they cover.
 */

import { DATA_ENTRY_ROLES } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  ListReportedValuesQuery,
  ReportedValue,
  ReportedValueInput,
  WriteReportedValuesBody,
  WriteReportedValuesResult,
} from '../../core/contracts/reported-values.ts';
import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';
import type { Period } from '../../core/periods/index.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  deleteReportedValues,
  listReportedValues,
  lockReportedValues,
  type ReportedValueKey,
  type ReportedValueRecord,
  reportedValueKeyId,
  upsertReportedValues,
} from '../../db/repositories/reported-value.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRoleOverAll, requireSomeRole } from './access.ts';
import { isoTime, toPage } from './format.ts';
import { createIndicatorRefChecker } from './indicator-value-check.ts';
import { requireScorecard } from './lookups.ts';
import { type PreparedValue, type ValueTable, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const REPORTED_VALUES: ValueTable<ReportedValueKey> = {
  entity: 'reported_value',
  batchField: 'values',
  valueName: 'value',
  noteName: 'comment',
  lock: lockReportedValues,
  upsert: upsertReportedValues,
  remove: deleteReportedValues,
  touched: (rootId) => ({ kind: 'root-inputs', rootId }),
  lockKey: (key) => ({ periodId: key.periodId, scorecardId: key.scorecardId }),
};

interface ReportedValueCodes {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
}

async function checkBatch(
  db: Executor,
  actor: Actor,
  values: readonly ReportedValueInput[],
): Promise<{ prepared: PreparedValue<ReportedValueKey, ReportedValueCodes>[]; periods: Period[] }> {
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const checker = await createIndicatorRefChecker(db, values, 'quantitative');
  requireRoleOverAll(actor, DATA_ENTRY_ROLES, checker.units.values());
  const issues: ProblemIssue[] = [];
  const prepared: PreparedValue<ReportedValueKey, ReportedValueCodes>[] = [];
  const periods: Period[] = [];
  const seen = new Map<string, number>();
  values.forEach((item, index) => {
    const ref = checker.check(item, ['values', index], issues);
    if (ref === null) return;
    const { scorecard, unit, period } = ref;
    const key: ReportedValueKey = {
      rootId: unit.rootId,
      scorecardId: scorecard.id,
      indicatorCode: item.indicator,
      orgUnitId: unit.id,
      periodId: period.id,
    };
    const keyId = reportedValueKeyId(key);
    const first = seen.get(keyId);
    if (first !== undefined) {
      issues.push(issue('reported-value.duplicate', { first }, ['values', index]));
      return;
    }
    seen.set(keyId, index);
    periods.push(period);
    const codes = {
      scorecard: scorecard.code,
      indicator: item.indicator,
      orgUnit: unit.code,
      period: period.id,
    };
    prepared.push({
      index,
      key,
      keyId,
      entityKey: `${codes.scorecard}/${codes.indicator}/${codes.orgUnit}/${codes.period}`,
      rootId: unit.rootId,
      orgUnitId: unit.id,
      value: item.value,
      note: item.comment,
      expectedVersion: item.version,
      codes,
    });
  });
  if (issues.length > 0) throw invalid('reported-value.batch-invalid', {}, issues);
  return { prepared, periods };
}

/** Writes a batch of reported values (`value: null` deletes; `version` makes it conditional); all or nothing. */
export async function writeReportedValues(
  ctx: ServerContext,
  actor: Actor,
  input: WriteReportedValuesBody,
  options: { readonly importBatchId?: number | null } = {},
): Promise<WriteReportedValuesResult> {
  const { prepared, periods } = await checkBatch(ctx.db.kysely, actor, input.values);
  const result = await writeValueBatch(ctx, actor, REPORTED_VALUES, prepared, {
    importBatchId: options.importBatchId,
    beforeWrite: (trx) => ensurePeriods(trx, periods),
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

function toReportedValue(row: ReportedValueRecord): ReportedValue {
  return {
    scorecard: row.scorecardCode,
    indicator: row.indicatorCode,
    orgUnit: row.orgUnitCode,
    period: row.periodId,
    value: row.value,
    comment: row.comment,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: isoTime(row.updatedAt),
  };
}

export async function listReportedValuesPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListReportedValuesQuery,
): Promise<Page<ReportedValue>> {
  const db = ctx.db.kysely;
  const filter = await resolveValueFilter(db, actor, input);
  const scorecardId =
    input.scorecard === undefined ? undefined : (await requireScorecard(db, input.scorecard)).id;
  const page = await listReportedValues(
    db,
    { ...filter, scorecardId, indicatorCodes: input.indicator },
    input,
  );
  return toPage(page, input, toReportedValue);
}
