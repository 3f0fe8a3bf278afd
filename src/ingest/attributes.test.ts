/**
 * The attribute rule of the checks: a column the file does not have keeps the stored attribute (the record
 * carries the stored one), an empty cell in a column it has clears it (the record carries null, the row is an
 * update, and the report's `clears` counts it under the column's header), a cell equal to the stored one
 * changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { checkDataValues } from './check-import.ts';
import { checkOrgUnitList, readOrgUnitRows, type StoredUnitRef } from './check-org-units.ts';
import { makeDataValueContext, tableOf } from './fixtures.ts';
import { readDataValueRows } from './row-formats.ts';

const STORED = { 'PUMCH|2024-03|beds_open': { value: 1520, comment: 'census' } };

async function checkData(header: string, row: string) {
  const ctx = makeDataValueContext({ stored: STORED });
  return checkDataValues(readDataValueRows(tableOf([header, row])).rows, ctx);
}

describe('data values: the comment', () => {
  test.each([
    [
      'no comment column',
      'org_unit,period,data_element,value',
      'PUMCH,2024-03,beds_open,1520',
      'census',
      'unchanged',
      [],
    ],
    [
      'the same comment',
      'org_unit,period,data_element,value,comment',
      'PUMCH,2024-03,beds_open,1520,census',
      'census',
      'unchanged',
      [],
    ],
    [
      'another comment',
      'org_unit,period,data_element,value,comment',
      'PUMCH,2024-03,beds_open,1520,recount',
      'recount',
      'update',
      [],
    ],
    [
      'an empty comment cell',
      'org_unit,period,data_element,value,备注',
      'PUMCH,2024-03,beds_open,1520,',
      null,
      'update',
      [{ column: '备注', count: 1 }],
    ],
  ] as const)(
    '%s: records the comment to store, the action and what it clears',
    async (_name, header, row, comment, action, clears) => {
      const report = await checkData(header, row);
      expect([report.records[0]?.comment, report.records[0]?.action, report.clears]).toEqual([
        comment,
        action,
        clears,
      ]);
    },
  );

  test('counts nothing cleared for a new value with an empty comment cell', async () => {
    const report = await checkData(
      'org_unit,period,data_element,value,comment',
      'RUIJIN,2024-03,beds_open,80,',
    );
    expect([report.records[0]?.action, report.clears]).toEqual(['create', []]);
  });
});

const ICU: StoredUnitRef = {
  parentCode: 'PUMCH',
  type: 'department',
  nameEn: 'Intensive care',
  nameZh: '重症医学科',
  role: null,
  sortOrder: 3,
};

async function checkUnits(lines: readonly string[]) {
  return checkOrgUnitList(readOrgUnitRows(tableOf(lines)).rows, {
    existing: (code) =>
      code === 'ICU' ? ICU : code === 'PUMCH' ? { ...ICU, parentCode: null, type: 'hospital' } : undefined,
  });
}

describe('org-unit lists: name_zh, role and sort_order', () => {
  test('a list without those columns keeps the stored ones and changes nothing', async () => {
    const report = await checkUnits(['code,parent,type,name_en', 'ICU,PUMCH,department,Intensive care']);
    expect(report.records).toEqual([
      expect.objectContaining({ code: 'ICU', nameZh: '重症医学科', sortOrder: 3, action: 'unchanged' }),
    ]);
  });

  test('empty cells clear the stored Chinese name and sort order, each counted', async () => {
    const report = await checkUnits([
      'code,parent,type,name_en,name_zh,role,sort_order',
      'ICU,PUMCH,department,Intensive care,,,',
    ]);
    expect([report.records[0]?.nameZh, report.records[0]?.sortOrder, report.records[0]?.action]).toEqual([
      null,
      0,
      'update',
    ]);
    expect(report.clears).toEqual([
      { column: 'name_zh', count: 1 },
      { column: 'sort_order', count: 1 },
    ]);
  });

  test('a new unit without those columns gets none', async () => {
    const report = await checkUnits(['code,parent,type,name_en', 'ER,PUMCH,department,Emergency']);
    expect(report.records).toEqual([
      expect.objectContaining({ code: 'ER', nameZh: null, role: null, sortOrder: 0, action: 'create' }),
    ]);
  });
});
