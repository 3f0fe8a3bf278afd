/**
 * The members some 409 problems carry beyond RFC 9457's own: `current` (what is stored now, for every value of
 * a batch whose `version` did not match: core/contracts/data-values.ts `versionConflictProblemSchema`) and
 * `approval` (the approval that locks the data: core/contracts/approvals.ts `approvalLockProblemSchema`).
 * The api client keeps the whole problem body, so they are read here, checked field by field.
 */
import type { ApprovalResource } from '../../../core/contracts/approvals.ts';
import type { CurrentValue } from '../../../core/contracts/data-values.ts';
import { isApiError } from './api-error.ts';

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? { ...value } : null;
}

const isNullableString = (value: unknown) => value === null || typeof value === 'string';
const isNullableNumber = (value: unknown) => value === null || typeof value === 'number';

function isCurrentValue(value: unknown): value is CurrentValue {
  const item = record(value);
  return (
    item !== null &&
    typeof item.index === 'number' &&
    isNullableNumber(item.value) &&
    isNullableString(item.note) &&
    isNullableNumber(item.version) &&
    isNullableString(item.updatedBy) &&
    isNullableString(item.updatedAt)
  );
}

/**
 * The stored values of a version conflict (a 409 with `current`), or null when the error is something else.
 *
 * @example readVersionConflict(error) // [{ index: 0, value: 41, note: null, version: 3, updatedBy: 'admin@…', updatedAt: '…' }]
 */
export function readVersionConflict(error: unknown): CurrentValue[] | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = record(error.problem)?.current;
  if (!Array.isArray(current) || !current.every(isCurrentValue)) return null;
  return current;
}

/** The approval that refused a write to locked data (a 409 with `approval`), or null for any other error. */
export function readApprovalLock(error: unknown): ApprovalResource | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const approval = record(record(error.problem)?.approval);
  if (
    approval === null ||
    typeof approval.scorecard !== 'string' ||
    typeof approval.orgUnit !== 'string' ||
    typeof approval.period !== 'string' ||
    approval.status !== 'approved'
  ) {
    return null;
  }
  return {
    scorecard: approval.scorecard,
    orgUnit: approval.orgUnit,
    period: approval.period,
    status: 'approved',
    submittedBy: typeof approval.submittedBy === 'string' ? approval.submittedBy : null,
    submittedAt: typeof approval.submittedAt === 'string' ? approval.submittedAt : null,
    decidedBy: typeof approval.decidedBy === 'string' ? approval.decidedBy : null,
    decidedAt: typeof approval.decidedAt === 'string' ? approval.decidedAt : null,
    reason: typeof approval.reason === 'string' ? approval.reason : null,
    updatedAt: typeof approval.updatedAt === 'string' ? approval.updatedAt : '',
  };
}
