import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { readApprovalLock, readVersionConflict } from './problem-extensions.ts';

const problem = { type: 'conflict', title: 'Conflict', status: 409, detail: 'x', issues: [] };
/** A problem with extension members, as the server sends it and the api client keeps it. */
function apiError(extra: Record<string, unknown>): ApiError {
  const body = { ...problem, ...extra };
  return new ApiError(body);
}
const current = {
  index: 1,
  value: 41,
  note: 'checked',
  version: 3,
  updatedBy: 'admin@demo.healthbsc',
  updatedAt: '2026-11-23T07:00:00.000Z',
};
const approval = {
  scorecard: 'UMG-BSC',
  orgUnit: 'UMG-B1',
  period: '2024',
  status: 'approved',
  submittedBy: 'entry@demo.healthbsc',
  submittedAt: '2026-11-23T07:00:00.000Z',
  decidedBy: 'approver@demo.healthbsc',
  decidedAt: '2026-11-23T07:01:00.000Z',
  reason: null,
  updatedAt: '2026-11-23T07:01:00.000Z',
};

describe('readVersionConflict', () => {
  it('reads the stored values of a 409 version conflict', () => {
    expect(readVersionConflict(apiError({ current: [current] }))).toEqual([current]);
  });

  it('is null for another error, a 409 without `current`, or a malformed one', () => {
    expect(readVersionConflict(new Error('x'))).toBeNull();
    expect(readVersionConflict(new ApiError(problem))).toBeNull();
    expect(readVersionConflict(apiError({ status: 400, current: [current] }))).toBeNull();
    expect(readVersionConflict(apiError({ current: [{ index: 'x' }] }))).toBeNull();
  });
});

describe('readApprovalLock', () => {
  it('reads the approval that locks the data', () => {
    expect(readApprovalLock(apiError({ approval }))).toEqual(approval);
  });

  it('is null for a version conflict', () => {
    expect(readApprovalLock(apiError({ current: [current] }))).toBeNull();
  });
});
