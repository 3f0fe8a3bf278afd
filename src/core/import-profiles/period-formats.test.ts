import { describe, expect, it } from 'vitest';
import { readPeriodCell } from './period-formats.ts';

describe('readPeriodCell', () => {
  it.each([
    ['2023-01', 'auto', 'month', '2023-01'],
    ['202301', 'auto', 'month', '2023-01'],
    ['202301', 'YYYYMM', 'month', '2023-01'],
    ['2023/1/31', 'auto', 'month', '2023-01'],
    ['2023-01-01', 'YYYY-MM-DD', 'month', '2023-01'],
    ['2018-01-01', 'auto', 'month', '2018-01'],
    ['1/31/2023', 'M/D/YYYY', 'month', '2023-01'],
    ['2023年1月', 'auto', 'month', '2023-01'],
    ['2021年4月', 'month-name', 'month', '2021-04'],
    ['April 2021', 'month-name', 'month', '2021-04'],
    ['Sept 2025', 'auto', 'month', '2025-09'],
    ['dec 2023', 'auto', 'month', '2023-12'],
    ['2023Q1', 'auto', 'quarter', '2023Q1'],
    ['Q3 2023', 'YYYYQn', 'quarter', '2023Q3'],
    ['3Q2015', 'auto', 'quarter', '2015Q3'],
    ['2023年第二季度', 'auto', 'quarter', '2023Q2'],
    ['2023/5/31', 'auto', 'quarter', '2023Q2'],
    ['2019', 'auto', 'year', '2019'],
    ['2019年', 'YYYY', 'year', '2019'],
    ['April 2021', 'auto', 'year', '2021'],
    ['44927', 'excel-serial', 'month', '2023-01'],
    ['45016.5', 'excel-serial', 'month', '2023-03'],
  ] as const)('reads %s (%s) as the %s %s', (cell, format, type, id) => {
    expect(readPeriodCell(cell, format, type)).toBe(id);
  });

  it.each([
    ['2023-13', 'auto', 'month'],
    ['2023/2/30', 'auto', 'month'],
    ['2019', 'auto', 'month'],
    ['2023Q1', 'auto', 'month'],
    ['Smarch 2022', 'month-name', 'month'],
    ['April 2021', 'YYYY-MM', 'month'],
    ['', 'auto', 'month'],
  ] as const)('refuses %s (%s) as a %s', (cell, format, type) => {
    expect(readPeriodCell(cell, format, type)).toBeNull();
  });
});
