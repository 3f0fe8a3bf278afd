/**
 * Indicator values reported directly (seed 002's Table 4.9 is such a source), read and written in bulk exactly
 * like data values, keyed by scorecard + indicator instead of data element. The indicator must be a quantitative
 * indicator of the scorecard's current version; the period may be a month, a quarter or a year, since sources
 * report rates for the period they cover.
 */

import type { Page } from '../../core/contracts/common.ts';
import type {
  ListReportedValuesQuery,
  ReportedValue,
  WriteReportedValuesBody,
  WriteReportedValuesResult,
} from '../../core/contracts/reported-values.ts';
import { listReportedValues } from '../../db/repositories/value-lists.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { stamped, toPage } from './format.ts';
import { checkIndicatorValueBatch } from './indicator-value-check.ts';
import { requireScorecard } from './lookups.ts';
import { type ValueBatchKind, valueCommentItem, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const REPORTED_VALUES: ValueBatchKind = {
  table: 'reported_value',
  batchField: 'values',
  invalid: 'reported-value.batch-invalid',
  duplicate: 'reported-value.duplicate',
};

/** Writes a batch of reported values (`value: null` deletes; `version` makes it conditional); all or nothing. */
export async function writeReportedValues(
  ctx: ServerContext,
  actor: Actor,
  input: WriteReportedValuesBody,
): Promise<WriteReportedValuesResult> {
  const batch = await checkIndicatorValueBatch(
    ctx.db.kysely,
    actor,
    REPORTED_VALUES,
    input.values,
    'quantitative',
    (item) => ({ extraKey: {}, value: item.value, note: item.comment, expectedVersion: item.version }),
  );
  return writeValueBatch(ctx, actor, batch, valueCommentItem);
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
  return toPage(page, input, stamped);
}
