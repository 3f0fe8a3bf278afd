import { describe, expect, it } from 'vitest';
import { elementCodeOf, inspectColumns } from './inspect-columns.ts';

// The first rows of NHS England's A&E file (ae_trust_monthly_2021-04_to_2025-07.csv), as published.
const HEADER = ['nhs_trust22_code', 'total_attendances', 'attendances_over_4hours', 'date'];
const ROWS = [
  ['RC9', '17570', '', 'April 2021'],
  ['RGT', '12525', '', 'April 2021'],
  ['RWH', '13470', '2318', 'April 2021'],
];

describe('inspectColumns', () => {
  it('guesses each column type and reads the period format from the cells', () => {
    const inspection = inspectColumns(HEADER, ROWS);
    expect(inspection.columns.map((c) => [c.name, c.type, c.periodFormat])).toEqual([
      ['nhs_trust22_code', 'text', null],
      ['total_attendances', 'number', null],
      ['attendances_over_4hours', 'number', null],
      ['date', 'period', 'month-name'],
    ]);
  });

  it('keeps up to five distinct samples, blanks left out', () => {
    expect(inspectColumns(HEADER, ROWS).columns[3]?.samples).toEqual(['April 2021']);
  });

  it('lists the distinct cells of each column for its code table', () => {
    const { columns } = inspectColumns(HEADER, [...ROWS, ['RC9', '16001', '', 'May 2021']]);
    expect(columns[0]?.distinct).toEqual(['RC9', 'RGT', 'RWH']);
  });

  it('suggests the code column as the unit and the date column as the period', () => {
    const { unitColumn, periodColumn } = inspectColumns(HEADER, ROWS);
    expect([unitColumn, periodColumn]).toEqual(['nhs_trust22_code', 'date']);
  });

  it('reads a year column named as one as periods, not numbers', () => {
    const { columns } = inspectColumns(['Year', 'Cases'], [['2019', '12']]);
    expect(columns.map((c) => [c.type, c.periodFormat])).toEqual([
      ['period', 'YYYY'],
      ['number', null],
    ]);
  });
});

describe('elementCodeOf', () => {
  it.each([
    ['Total Attendances (Type 1)', 0, 'total_attendances_type_1'],
    ['# of Cases', 1, 'of_cases'],
    ['30天再入院', 2, 'c_30'],
    ['再入院率', 3, 'col_4'],
  ])('%s → %s', (name, position, code) => {
    expect(elementCodeOf(name, position)).toBe(code);
  });
});
