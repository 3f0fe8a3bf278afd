/**
 * Downloads: CSV bytes as Excel in a Chinese locale needs them (UTF-8 BOM, CRLF), RFC 4180 quoting, OWASP
 * "CSV Injection" neutralising, and the wide template read back through the importer.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { checkDataValues } from './check-import.ts';
import { collect, makeDataValueContext } from './fixtures.ts';
import { readTable } from './read-table.ts';
import { readDataValueRows } from './row-formats.ts';
import { buildWideTemplate, writeTable } from './templates.ts';

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('writeTable as CSV', () => {
  test('starts with the UTF-8 BOM and ends lines with CRLF', async () => {
    const bytes = await writeTable(['机构', 'value'], [['北京协和医院', 1520]], 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe('\uFEFF机构,value\r\n北京协和医院,1520\r\n');
  });

  test.each([
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['a leading space', ' x', '" x"'],
    ['a formula', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a negative number as text', '-3', '-3'],
    ['nothing', null, ''],
    ['a number', 0.1, '0.1'],
  ] as const)('writes %s safely', async (_name, value, field) => {
    const bytes = await writeTable(['x'], [[value]], 'csv');
    expect(decode(bytes)).toBe(`\uFEFFx\r\n${field}\r\n`);
  });
});

describe('writeTable as XLSX', () => {
  test('writes numbers as numbers and text as text', async () => {
    const bytes = await writeTable(
      ['code', 'value', 'note'],
      [
        ['001', 12.5, null],
        ['外科', -3, '备注'],
      ],
      'xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('Data');
    expect(sheet?.getRow(2).getCell(1).value).toBe('001');
    expect(sheet?.getRow(2).getCell(2).value).toBe(12.5);
    expect(sheet?.getRow(3).getCell(3).value).toBe('备注');
  });
});

const TEMPLATE = {
  dataElements: [
    { code: 'beds_open', name: { en: 'Beds open', zh: '开放床位数' } },
    { code: 'bed_occupancy', name: { en: 'Bed occupancy' } },
  ],
  orgUnits: [{ code: 'PUMCH' }, { code: 'ICU' }],
  periods: ['2024-03', '2024Q1'],
} as const;

describe('buildWideTemplate', () => {
  test('writes the codes, the #names row and one empty row per org unit and period', async () => {
    const bytes = await buildWideTemplate({ ...TEMPLATE, format: 'csv' });
    expect(decode(bytes)).toBe(
      '\uFEFForg_unit,period,beds_open,bed_occupancy\r\n' +
        '#names,,Beds open / 开放床位数,Bed occupancy\r\n' +
        'PUMCH,2024-03,,\r\nPUMCH,2024Q1,,\r\nICU,2024-03,,\r\nICU,2024Q1,,\r\n',
    );
  });

  test('read back unfilled, it imports nothing and reports nothing', async () => {
    const table = await readTable(await buildWideTemplate({ ...TEMPLATE, format: 'xlsx' }));
    const report = await checkDataValues(readDataValueRows(table).rows, makeDataValueContext());
    expect(report).toMatchObject({ rowsRead: 4, records: [], errors: [] });
  });

  test('CSV: filled in two cells, it reads back through the wide parser', async () => {
    const text = decode(await buildWideTemplate({ ...TEMPLATE, format: 'csv' }))
      .replace('PUMCH,2024-03,,', 'PUMCH,2024-03,1520,')
      .replace('ICU,2024Q1,,', 'ICU,2024Q1,,87.5%');
    const table = await readTable(new TextEncoder().encode(text));
    const report = await checkDataValues(readDataValueRows(table).rows, makeDataValueContext());
    expect(report.errors).toEqual([]);
    expect(report.records.map((r) => [r.row, r.orgUnit, r.period, r.dataElement, r.value])).toEqual([
      [3, 'PUMCH', '2024-03', 'beds_open', 1520],
      [6, 'ICU', '2024Q1', 'bed_occupancy', 87.5],
    ]);
  });

  test('XLSX: filled in two cells in Excel, it reads back through the wide parser', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await buildWideTemplate({ ...TEMPLATE, format: 'xlsx' })).buffer);
    const sheet = workbook.getWorksheet('Template');
    if (sheet === undefined) throw new Error('the template has no sheet named Template');
    expect(sheet.getCell('A3').value).toBe('PUMCH');
    expect(sheet.getCell('A1').numFmt).toBe('@');
    sheet.getCell('C3').value = 1520;
    sheet.getCell('D6').value = 87.5;
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTable(filled);
    const rows = await collect(readDataValueRows(table).rows);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    const report = await checkDataValues(rows, makeDataValueContext());
    expect(report.errors).toEqual([]);
    expect(report.records.map((r) => [r.row, r.orgUnit, r.period, r.dataElement, r.value])).toEqual([
      [3, 'PUMCH', '2024-03', 'beds_open', 1520],
      [6, 'ICU', '2024Q1', 'bed_occupancy', 87.5],
    ]);
  });
});
