import { describe, expect, it } from 'vitest';
import type { DataQualityReport } from '../../lib/api/data-quality.ts';
import { cellKey } from './grid-model.ts';
import { cellMarks } from './quality-marks.ts';

const violation: DataQualityReport['violations'][number] = {
  scorecard: 'UMG-BSC',
  rule: 'diabetics-managed-within-registered',
  importance: 'high',
  orgUnit: 'UMG-B1',
  period: '2024-02',
  left: 900_000,
  operator: '<=',
  right: 4_129,
  message: { en: 'More diabetics managed than registered', zh: '规范管理的糖尿病患者多于登记患者' },
  dataElements: ['diabetics_standard_managed', 'diabetics_registered'],
};

const outlier: DataQualityReport['outliers'][number] = {
  dataElement: 'outpatient_visits',
  orgUnit: 'UMG-B1',
  period: '2024-02',
  against: 'history',
  method: 'modified-z',
  value: 1_000,
  median: 100,
  mad: 1,
  score: 607.05,
  limit: 3.5,
  count: 12,
  per: null,
};

const report: DataQualityReport = {
  orgUnit: 'UMG-B1',
  period: '2024',
  periods: ['2024-02'],
  rulesChecked: 3,
  valuesChecked: 3,
  violations: [violation],
  outliers: [outlier],
};

describe('cellMarks', () => {
  it('marks a broken rule on the cell of every element it reads, in its month', () => {
    const marks = cellMarks(report);
    expect([
      marks.get(cellKey('diabetics_standard_managed', '2024-02'))?.map((m) => m.kind),
      marks.get(cellKey('diabetics_registered', '2024-02'))?.map((m) => m.kind),
      marks.get(cellKey('diabetics_registered', '2024-03')),
    ]).toEqual([['rule'], ['rule'], undefined]);
  });

  it('marks an outlier on its own cell', () => {
    expect(cellMarks(report).get(cellKey('outpatient_visits', '2024-02'))).toEqual([
      { kind: 'outlier', outlier },
    ]);
  });

  it('marks nothing without a report', () => {
    expect(cellMarks(undefined).size).toBe(0);
  });
});
