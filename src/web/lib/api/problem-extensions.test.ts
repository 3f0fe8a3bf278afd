import { describe, expect, it } from 'vitest';
import type { ImportReportBody } from '../../../core/contracts/import.ts';
import { ApiError } from './api-error.ts';
import { readApprovalLock, readRejectedReport, readVersionConflict } from './problem-extensions.ts';

const problem = {
  type: 'conflict',
  title: 'Conflict',
  status: 409,
  code: 'data-value.version-conflict',
  params: {},
  detail: 'x',
  issues: [],
};
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

  it('is null for an approval that does not lock (reopened) or does not match its schema', () => {
    expect(readApprovalLock(apiError({ approval: { ...approval, status: 'reopened' } }))).toBeNull();
    expect(readApprovalLock(apiError({ approval: { ...approval, updatedAt: 7 } }))).toBeNull();
  });
});

describe('readRejectedReport', () => {
  const report = {
    kind: 'data',
    format: 'csv',
    encoding: 'utf-8',
    encodingReason: { code: 'encoding.valid-utf8', params: {}, message: 'valid UTF-8' },
    fileName: 'values.csv',
    checksum: 'abc',
    rowsRead: 3,
    toCreate: 0,
    toUpdate: 0,
    unchanged: 0,
    errors: [
      {
        row: 2,
        column: 'value',
        value: 'x',
        code: 'non-numeric',
        params: { value: 'x' },
        reason: 'non-numeric: "x" is not a plain number (write 1234.5; a % sign only where the unit is %)',
      },
    ],
    errorCount: 1,
    errorsNotListed: 0,
    ignoredColumns: [],
    clears: [],
    notices: [],
    committed: false,
    batchId: null,
    sameAsBatchId: null,
  } satisfies ImportReportBody;

  it('reads the report a refused import carries', () => {
    expect(readRejectedReport({ ...problem, status: 400, report })).toEqual(report);
  });

  it('is null for a problem without one', () => {
    expect(readRejectedReport(problem)).toBeNull();
  });
});
