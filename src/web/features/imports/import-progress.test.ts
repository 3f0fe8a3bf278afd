import { describe, expect, it } from 'vitest';
import type { ImportReportBody } from '../../../core/contracts/import.ts';
import { classifyStreamLine, progressPercent } from './import-progress.ts';

const REPORT: ImportReportBody = {
  kind: 'data',
  format: 'csv',
  encoding: 'utf-8',
  encodingReason: null,
  fileName: 'a.csv',
  checksum: 'abc',
  rowsRead: 2,
  toCreate: 1,
  toUpdate: 1,
  unchanged: 0,
  errors: [],
  errorCount: 0,
  errorsNotListed: 0,
  ignoredColumns: [],
  clears: [],
  notices: [],
  committed: true,
  batchId: 7,
  sameAsBatchId: null,
};

describe('progressPercent', () => {
  it.each([
    [{ phase: 'reading', done: 0, total: 100 }, 0],
    [{ phase: 'reading', done: 100, total: 100 }, 30],
    [{ phase: 'checking', done: 50, total: 100 }, 45],
    [{ phase: 'writing', done: 1, total: 3 }, 73],
    [{ phase: 'writing', done: 3, total: 3 }, 100],
    [{ phase: 'writing', done: 9, total: 3 }, 100],
    [{ phase: 'checking', done: 5000, total: null }, 30],
    [{ phase: 'writing', done: 0, total: 0 }, 60],
  ] as const)('%o → %i %', (progress, expected) => {
    expect(progressPercent(progress)).toBe(expected);
  });

  it('never runs backwards over a commit’s phases in order', () => {
    const lines = [
      { phase: 'reading', done: 10, total: 20 },
      { phase: 'reading', done: 20, total: 20 },
      { phase: 'checking', done: 0, total: 20 },
      { phase: 'checking', done: 20, total: 20 },
      { phase: 'writing', done: 5, total: 20 },
      { phase: 'writing', done: 20, total: 20 },
    ] as const;
    const percents = lines.map(progressPercent);
    expect(percents).toEqual([15, 30, 30, 60, 70, 100]);
  });
});

describe('classifyStreamLine', () => {
  it('reads a progress line, with an unknown total as null', () => {
    expect(classifyStreamLine({ phase: 'checking', done: 5, total: null })).toEqual({
      type: 'progress',
      progress: { phase: 'checking', done: 5, total: null },
    });
  });

  it('reads the final report', () => {
    expect(classifyStreamLine({ report: REPORT })).toEqual({ type: 'report', report: REPORT });
  });

  it('reads a problem, with the refused commit’s report when it carries one', () => {
    const problem = {
      type: 'forbidden',
      title: 'Forbidden',
      status: 403,
      code: 'access.forbidden',
      params: {},
      detail: 'You do not have access to this resource.',
    };
    expect(classifyStreamLine({ problem })).toEqual({
      type: 'problem',
      problem: { ...problem, issues: [] },
      report: null,
    });
    const rejected = {
      type: 'bad-request',
      title: 'Bad',
      status: 400,
      detail: '2 errors',
      issues: [],
      report: REPORT,
    };
    expect(classifyStreamLine({ problem: rejected })).toMatchObject({ type: 'problem', report: REPORT });
  });

  it.each([
    [null],
    ['text'],
    [{ phase: 'sleeping', done: 1 }],
    [{ report: { rowsRead: 'x' } }],
    [{ problem: 3 }],
  ])('calls %o unknown', (line) => {
    expect(classifyStreamLine(line)).toEqual({ type: 'unknown' });
  });
});
