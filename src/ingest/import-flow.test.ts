/**
 * The whole path a hospital export takes: bytes as a Chinese HIS writes them (GBK, CRLF, Chinese headers)
 * → readTable → readDataValueRows → checkDataValues → report. The caller writes only when errorCount is 0.
 */
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { checkDataValues } from './check-import.ts';
import { collect, makeDataValueContext } from './fixtures.ts';
import { readTable } from './read-table.ts';
import { readDataValueRows } from './row-formats.ts';
import { writeTable } from './templates.ts';

const HIS_EXPORT =
  '机构编码,统计期,指标数据项,数值,备注\r\n' +
  '外科,2024-03,beds_open,"1,520.0",外科病区（含日间病房）\r\n' +
  '外科,2024-03,bed_occupancy,93.6%,\r\n' +
  'PUMCH,2024Q1,discharges,5210,北京协和医院\r\n';

describe('a GBK export from a Chinese HIS', () => {
  test('is detected as GB18030 and its Chinese cells round-trip', async () => {
    const table = await readTable(iconv.encode(HIS_EXPORT, 'gbk'));
    const rows = await collect(table.rows);
    expect(table.info().encoding?.encoding).toBe('gb18030');
    expect(table.header).toEqual(['机构编码', '统计期', '指标数据项', '数值', '备注']);
    expect(rows).toEqual([
      { line: 2, cells: ['外科', '2024-03', 'beds_open', '1,520.0', '外科病区（含日间病房）'] },
      { line: 3, cells: ['外科', '2024-03', 'bed_occupancy', '93.6%', ''] },
      { line: 4, cells: ['PUMCH', '2024Q1', 'discharges', '5210', '北京协和医院'] },
    ]);
    const exported = await writeTable(
      table.header,
      rows.map((r) => r.cells),
      'csv',
    );
    expect(new TextDecoder().decode(exported)).toBe(HIS_EXPORT);
  });

  test('checks clean into records with Chinese codes', async () => {
    const table = await readTable(iconv.encode(HIS_EXPORT, 'gbk'));
    const report = await checkDataValues(readDataValueRows(table).rows, makeDataValueContext());
    expect(report.errors).toEqual([]);
    expect(
      report.records.map((r) => [r.row, r.orgUnit, r.period, r.dataElement, r.value, r.comment]),
    ).toEqual([
      [2, '外科', '2024-03', 'beds_open', 1520, '外科病区（含日间病房）'],
      [3, '外科', '2024-03', 'bed_occupancy', 93.6, null],
      [4, 'PUMCH', '2024Q1', 'discharges', 5210, '北京协和医院'],
    ]);
  });

  test('read as UTF-8 by mistake, every cell that lost characters is an error', async () => {
    const bytes = iconv.encode(
      HIS_EXPORT.replace(
        '机构编码,统计期,指标数据项,数值,备注',
        'org_unit,period,data_element,value,comment',
      ),
      'gbk',
    );
    const table = await readTable(bytes, { encoding: 'utf-8' });
    const report = await checkDataValues(readDataValueRows(table).rows, makeDataValueContext());
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'org_unit', 'undecodable'],
      [2, 'comment', 'undecodable'],
      [3, 'org_unit', 'undecodable'],
      [4, 'comment', 'undecodable'],
    ]);
    expect(report.records).toEqual([]);
  });
});

describe('a CSV cut off inside a quoted field', () => {
  test('reports the unclosed quote on the row it opens and records nothing from it', async () => {
    const bytes = new TextEncoder().encode(
      'org_unit,period,data_element,value,comment\r\nPUMCH,2024-03,beds_open,5,ok\r\nICU,2024-03,beds_open,6,"cut\r\n',
    );
    const report = await checkDataValues(
      readDataValueRows(await readTable(bytes)).rows,
      makeDataValueContext(),
    );
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'comment', 'unterminated-quote'],
    ]);
    expect(report.records.map((r) => r.row)).toEqual([2]);
  });
});
