/**
 * Qualitative assessments: each rater's 0–100 score (seed 002's rating scale) of a qualitative indicator, with
 * the evidence, read and written in bulk exactly like data values. The rater defaults to the person sending
 * the request.
 */

import type {
  Assessment,
  ListAssessmentsQuery,
  WriteAssessmentsBody,
  WriteAssessmentsResult,
} from '../../core/contracts/assessments.ts';
import type { Page } from '../../core/contracts/common.ts';
import { listAssessments } from '../../db/repositories/value-lists.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { stamped, toPage } from './format.ts';
import { checkIndicatorValueBatch } from './indicator-value-check.ts';
import { requireScorecard } from './lookups.ts';
import { type ValueBatchKind, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const ASSESSMENTS: ValueBatchKind = {
  table: 'assessment',
  batchField: 'assessments',
  invalid: 'assessment.batch-invalid',
  duplicate: 'assessment.duplicate',
};

/** Writes a batch of assessments (`score: null` deletes; `version` makes it conditional); all or nothing. */
export async function writeAssessments(
  ctx: ServerContext,
  actor: Actor,
  input: WriteAssessmentsBody,
): Promise<WriteAssessmentsResult> {
  const batch = await checkIndicatorValueBatch(
    ctx.db.kysely,
    actor,
    ASSESSMENTS,
    input.assessments,
    'qualitative',
    (item) => ({
      extraKey: { rater: item.rater ?? actor.id },
      value: item.score,
      note: item.evidence,
      expectedVersion: item.version,
    }),
  );
  return writeValueBatch(ctx, actor, batch, (outcome) => ({
    ...outcome.item.codes,
    status: outcome.status,
    score: outcome.value,
    evidence: outcome.note,
    version: outcome.version,
  }));
}

export async function listAssessmentsPage(
  ctx: ServerContext,
  actor: Actor,
  input: ListAssessmentsQuery,
): Promise<Page<Assessment>> {
  const db = ctx.db.kysely;
  const filter = await resolveValueFilter(db, actor, input);
  const scorecardId =
    input.scorecard === undefined ? undefined : (await requireScorecard(db, input.scorecard)).id;
  const page = await listAssessments(
    db,
    { ...filter, scorecardId, indicatorCodes: input.indicator, rater: input.rater },
    input,
  );
  return toPage(page, input, stamped);
}
