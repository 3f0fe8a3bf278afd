/**
 * Qualitative assessments: each rater's 0–100 score (seed 002's rating scale) of a qualitative indicator, with
 * the evidence, read and written in bulk exactly like data values. The rater defaults to the person sending
 * the request.
 */

import { DATA_ENTRY_ROLES } from '../../core/access/policy.ts';
import type {
  Assessment,
  AssessmentInput,
  ListAssessmentsQuery,
  WriteAssessmentsBody,
  WriteAssessmentsResult,
} from '../../core/contracts/assessments.ts';
import type { Page } from '../../core/contracts/common.ts';
import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';
import type { Period } from '../../core/periods/index.ts';
import {
  type AssessmentKey,
  type AssessmentRecord,
  assessmentKeyId,
  deleteAssessments,
  listAssessments,
  lockAssessments,
  upsertAssessments,
} from '../../db/repositories/assessment.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireRoleOverAll, requireSomeRole } from './access.ts';
import { isoTime, toPage } from './format.ts';
import { createIndicatorRefChecker } from './indicator-value-check.ts';
import { requireScorecard } from './lookups.ts';
import { type PreparedValue, type ValueTable, writeValueBatch } from './value-batch.ts';
import { resolveValueFilter } from './value-filters.ts';

const ASSESSMENTS: ValueTable<AssessmentKey> = {
  entity: 'assessment',
  batchField: 'assessments',
  valueName: 'score',
  noteName: 'evidence',
  lock: lockAssessments,
  upsert: upsertAssessments,
  remove: deleteAssessments,
  touched: (rootId) => ({ kind: 'root-inputs', rootId }),
  lockKey: (key) => ({ periodId: key.periodId, scorecardId: key.scorecardId }),
};

interface AssessmentCodes {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly rater: string;
}

async function checkBatch(
  db: Executor,
  actor: Actor,
  assessments: readonly AssessmentInput[],
): Promise<{ prepared: PreparedValue<AssessmentKey, AssessmentCodes>[]; periods: Period[] }> {
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const checker = await createIndicatorRefChecker(db, assessments, 'qualitative');
  requireRoleOverAll(actor, DATA_ENTRY_ROLES, checker.units.values());
  const issues: ProblemIssue[] = [];
  const prepared: PreparedValue<AssessmentKey, AssessmentCodes>[] = [];
  const periods: Period[] = [];
  const seen = new Map<string, number>();
  assessments.forEach((item, index) => {
    const ref = checker.check(item, ['assessments', index], issues);
    if (ref === null) return;
    const { scorecard, unit, period } = ref;
    const rater = item.rater ?? actor.id;
    const key: AssessmentKey = {
      rootId: unit.rootId,
      scorecardId: scorecard.id,
      indicatorCode: item.indicator,
      orgUnitId: unit.id,
      periodId: period.id,
      rater,
    };
    const keyId = assessmentKeyId(key);
    const first = seen.get(keyId);
    if (first !== undefined) {
      issues.push(issue('assessment.duplicate', { first }, ['assessments', index]));
      return;
    }
    seen.set(keyId, index);
    periods.push(period);
    const codes = {
      scorecard: scorecard.code,
      indicator: item.indicator,
      orgUnit: unit.code,
      period: period.id,
      rater,
    };
    prepared.push({
      index,
      key,
      keyId,
      entityKey: `${codes.scorecard}/${codes.indicator}/${codes.orgUnit}/${codes.period}/${rater}`,
      rootId: unit.rootId,
      orgUnitId: unit.id,
      value: item.score,
      note: item.evidence,
      expectedVersion: item.version,
      codes,
    });
  });
  if (issues.length > 0) throw invalid('assessment.batch-invalid', {}, issues);
  return { prepared, periods };
}

/** Writes a batch of assessments (`score: null` deletes; `version` makes it conditional); all or nothing. */
export async function writeAssessments(
  ctx: ServerContext,
  actor: Actor,
  input: WriteAssessmentsBody,
  options: { readonly importBatchId?: number | null } = {},
): Promise<WriteAssessmentsResult> {
  const { prepared, periods } = await checkBatch(ctx.db.kysely, actor, input.assessments);
  const result = await writeValueBatch(ctx, actor, ASSESSMENTS, prepared, {
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
      score: outcome.value,
      evidence: outcome.note,
      version: outcome.version,
    })),
  };
}

function toAssessment(row: AssessmentRecord): Assessment {
  return {
    scorecard: row.scorecardCode,
    indicator: row.indicatorCode,
    orgUnit: row.orgUnitCode,
    period: row.periodId,
    rater: row.rater,
    score: row.score,
    evidence: row.evidence,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: isoTime(row.updatedAt),
  };
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
  return toPage(page, input, toAssessment);
}
