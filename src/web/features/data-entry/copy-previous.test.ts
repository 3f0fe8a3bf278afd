import { describe, expect, it } from 'vitest';
import type { DataValue } from '../../../core/contracts/data-values.ts';
import { copyPlan, fillFromPrevious, sourcePeriod } from './copy-previous.ts';
import { indexValues, typeIntoCell } from './grid-edits.ts';
import { cellKey } from './grid-model.ts';

function stored(dataElement: string, period: string, value: number, version = 1): DataValue {
  return {
    orgUnit: 'UMG-B1-INTM',
    dataElement,
    period,
    value,
    comment: null,
    version,
    updatedBy: 'system:demo',
    updatedAt: '2026-11-23T06:00:00.000Z',
  };
}

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];

describe('copyPlan', () => {
  it('a chosen month fills that month of each monthly row from the month before, and skips year columns', () => {
    const rows = [
      { dataElement: 'visits', columns: MONTHS },
      { dataElement: 'beds', columns: ['2024'] },
    ];
    expect(copyPlan(rows, '2024-03')).toEqual([{ dataElement: 'visits', month: '2024-03', from: '2024-02' }]);
  });

  it('a chosen year fills every column of the row from the same column a year earlier', () => {
    const rows = [
      { dataElement: 'visits', columns: ['2024-01', '2024-12'] },
      { dataElement: 'staff', columns: ['2024Q1', '2024Q4'] },
      { dataElement: 'beds', columns: ['2024'] },
    ];
    expect(copyPlan(rows, '2024').map((cell) => `${cell.month}←${cell.from}`)).toEqual([
      '2024-01←2023-01',
      '2024-12←2023-12',
      '2024Q1←2023Q1',
      '2024Q4←2023Q4',
      '2024←2023',
    ]);
  });

  it('a chosen quarter steps months back by three and its own quarter back by one', () => {
    const rows = [
      { dataElement: 'visits', columns: ['2024-03', '2024-04', '2024-06', '2024-07'] },
      { dataElement: 'staff', columns: ['2024Q1', '2024Q2'] },
    ];
    expect(copyPlan(rows, '2024Q2').map((cell) => `${cell.month}←${cell.from}`)).toEqual([
      '2024-04←2024-01',
      '2024-06←2024-03',
      '2024Q2←2024Q1',
    ]);
  });

  it('is empty for an id that is not a period', () => {
    expect(copyPlan([{ dataElement: 'visits', columns: MONTHS }], 'last month')).toEqual([]);
  });
});

describe('sourcePeriod', () => {
  it('is the period before the chosen one, across a year boundary too', () => {
    expect([
      sourcePeriod('2024-03'),
      sourcePeriod('2024-01'),
      sourcePeriod('2024'),
      sourcePeriod('x'),
    ]).toEqual(['2024-02', '2023-12', '2023', null]);
  });
});

describe('fillFromPrevious', () => {
  const plan = copyPlan(
    [
      { dataElement: 'visits', columns: MONTHS },
      { dataElement: 'revenue', columns: MONTHS },
      { dataElement: 'staff', columns: MONTHS },
      { dataElement: 'beds', columns: MONTHS },
    ],
    '2024-03',
  );
  const previous = indexValues([
    stored('visits', '2024-02', 1250),
    stored('revenue', '2024-02', 98000.5),
    stored('staff', '2024-02', 40),
  ]);

  it('fills empty cells as unsaved edits marked with their source, over no stored version', () => {
    const result = fillFromPrevious(new Map(), new Map(), plan, previous);
    expect([result.copied, result.kept]).toEqual([3, 0]);
    expect(result.edits.get(cellKey('visits', '2024-03'))).toEqual({
      dataElement: 'visits',
      month: '2024-03',
      text: '1250',
      version: undefined,
      copiedFrom: '2024-02',
    });
    expect(result.edits.get(cellKey('revenue', '2024-03'))?.text).toBe('98000.5');
  });

  it('never overwrites a stored value or something typed, and leaves a cell whose source is empty', () => {
    const current = indexValues([stored('visits', '2024-03', 1300, 4)]);
    const typed = typeIntoCell(new Map(), current, { dataElement: 'revenue', month: '2024-03' }, '5');
    const result = fillFromPrevious(typed, current, plan, previous);
    expect([result.copied, result.kept]).toEqual([1, 2]);
    expect(result.edits.has(cellKey('visits', '2024-03'))).toBe(false);
    expect(result.edits.get(cellKey('revenue', '2024-03'))?.text).toBe('5');
    expect(result.edits.get(cellKey('staff', '2024-03'))?.text).toBe('40');
    expect(result.edits.has(cellKey('beds', '2024-03'))).toBe(false);
  });

  it('fills a cell whose stored value was emptied by typing, over its stored version', () => {
    const current = indexValues([stored('visits', '2024-03', 1300, 4)]);
    const emptied = typeIntoCell(new Map(), current, { dataElement: 'visits', month: '2024-03' }, '');
    const result = fillFromPrevious(emptied, current, plan, previous);
    expect(result.edits.get(cellKey('visits', '2024-03'))).toMatchObject({ text: '1250', version: 4 });
  });

  it('typing over a copied cell drops the mark', () => {
    const { edits } = fillFromPrevious(new Map(), new Map(), plan, previous);
    const typed = typeIntoCell(edits, new Map(), { dataElement: 'staff', month: '2024-03' }, '41');
    expect(typed.get(cellKey('staff', '2024-03'))?.copiedFrom).toBeUndefined();
  });
});
