/**
 * The members some problems carry beyond RFC 9457's own, read with the very zod schemas the server sends them
 * by (core/contracts): `current`, what is stored now for every value of a batch whose `version` did not match
 * (data-values.ts `versionConflictProblemSchema`, also the assessments' 409); `approval`, the approval that
 * locks the data (approvals.ts `approvalLockProblemSchema`); `report`, the whole report of an import refused for
 * its errors (import.ts `importRejectedProblemSchema`). The api client keeps the whole problem body, so they are
 * read from it here; a member that does not match its schema reads as absent.
 */
import { z } from 'zod';
import { approvalLockProblemSchema } from '../../../core/contracts/approvals.ts';
import { problemSchema } from '../../../core/contracts/common.ts';
import { ruleViolationSchema } from '../../../core/contracts/data-quality.ts';
import { importRejectedProblemSchema } from '../../../core/contracts/import.ts';
import { versionConflictProblemSchema } from '../../../core/contracts/value-rows.ts';
import { isApiError, type ProblemBody } from './api-error.ts';

const versionConflict = versionConflictProblemSchema.pick({ current: true });
const approvalLock = approvalLockProblemSchema.pick({ approval: true });
const importRejected = importRejectedProblemSchema.pick({ report: true });
const openViolations = problemSchema
  .pick({ code: true })
  .extend({ violations: z.array(ruleViolationSchema) });

export type CurrentValue = z.infer<typeof versionConflict>['current'][number];
export type LockingApproval = z.infer<typeof approvalLock>['approval'];
export type RejectedReport = z.infer<typeof importRejected>['report'];
export type RuleViolation = z.infer<typeof ruleViolationSchema>;

function conflictProblem(error: unknown): ProblemBody | null {
  return isApiError(error) && error.status === 409 ? error.problem : null;
}

/**
 * The stored values of a version conflict (a 409 with `current`), or null when the error is something else.
 *
 * @example readVersionConflict(error) // [{ index: 0, value: 41, note: null, version: 3, updatedBy: 'admin@…', updatedAt: '…' }]
 */
export function readVersionConflict(error: unknown): CurrentValue[] | null {
  const parsed = versionConflict.safeParse(conflictProblem(error));
  return parsed.success ? parsed.data.current : null;
}

/** The approval that refused a write to locked data (a 409 with an approved `approval`), or null. */
export function readApprovalLock(error: unknown): LockingApproval | null {
  const parsed = approvalLock.safeParse(conflictProblem(error));
  return parsed.success && parsed.data.approval.status === 'approved' ? parsed.data.approval : null;
}

/** The rule violations an approval refused for them carries (a 409 `data-quality.open-violations`), or null. */
export function readOpenViolations(error: unknown): RuleViolation[] | null {
  const parsed = openViolations.safeParse(conflictProblem(error));
  return parsed.success && parsed.data.code === 'data-quality.open-violations'
    ? parsed.data.violations
    : null;
}

/**
 * The indexes in the batch of the values a save refused for breaking a rule without a comment (a 400
 * `data-quality.comments-required`, issues at `['values', index, 'comment']`), or null.
 */
export function readCommentsRequired(error: unknown): number[] | null {
  if (!isApiError(error) || error.problem.code !== 'data-quality.comments-required') return null;
  return error.problem.issues.flatMap((issue) => (typeof issue.path[1] === 'number' ? [issue.path[1]] : []));
}

/** The report a refused import carries with its problem, or null when the problem has none. */
export function readRejectedReport(problem: unknown): RejectedReport | null {
  const parsed = importRejected.safeParse(problem);
  return parsed.success ? parsed.data.report : null;
}
