/**
 * The members some problems carry beyond RFC 9457's own, read with the very zod schemas the server sends them
 * by (core/contracts): `current`, what is stored now for every value of a batch whose `version` did not match
 * (data-values.ts `versionConflictProblemSchema`, also the assessments' 409); `approval`, the approval that
 * locks the data (approvals.ts `approvalLockProblemSchema`); `report`, the whole report of an import refused for
 * its errors (import.ts `importRejectedProblemSchema`). The api client keeps the whole problem body, so they are
 * read from it here; a member that does not match its schema reads as absent.
 */
import type { z } from 'zod';
import { approvalLockProblemSchema } from '../../../core/contracts/approvals.ts';
import { importRejectedProblemSchema } from '../../../core/contracts/import.ts';
import { versionConflictProblemSchema } from '../../../core/contracts/value-rows.ts';
import { isApiError, type ProblemBody } from './api-error.ts';

const versionConflict = versionConflictProblemSchema.pick({ current: true });
const approvalLock = approvalLockProblemSchema.pick({ approval: true });
const importRejected = importRejectedProblemSchema.pick({ report: true });

export type CurrentValue = z.infer<typeof versionConflict>['current'][number];
export type LockingApproval = z.infer<typeof approvalLock>['approval'];
export type RejectedReport = z.infer<typeof importRejected>['report'];

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

/** The report a refused import carries with its problem, or null when the problem has none. */
export function readRejectedReport(problem: unknown): RejectedReport | null {
  const parsed = importRejected.safeParse(problem);
  return parsed.success ? parsed.data.report : null;
}
