/**
 * readTable on real bytes: CSV in the encodings hospital systems export, workbooks written by exceljs, a
 * generated 50,000-row file for progress, and the first 200 lines of a real California HCAI export
 * (../shared/data/README.md §3: Windows-1252, CRLF, 11 columns).
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { ProblemError } from '../core/errors/problem.ts';
import { collect } from './fixtures.ts';
import { type ReadProgress, readTable } from './read-table.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readTable on CSV', () => {
  test.each([
    [
      'UTF-8 with a BOM and commas',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('机构,值\r\nA,1\r\n')]),
      ',',
      'utf-8',
    ],
    ['GBK with semicolons', iconv.encode('机构;值\r\nA;1\r\n', 'gbk'), ';', 'gb18030'],
    [
      'Windows-1252 with tabs',
      iconv.encode('机构\t值\r\nA\t1\r\n'.replace('机构', 'Ünit').replace('值', 'Wert'), 'windows-1252'),
      '\t',
      'windows-1252',
    ],
  ] as const)('reads %s', async (_name, bytes, delimiter, encoding) => {
    const table = await readTable(bytes);
    const rows = await collect(table.rows);
    expect(table.header).toHaveLength(2);
    expect(table.header[0]).not.toMatch(/^\uFEFF/);
    expect(rows).toEqual([{ line: 2, cells: ['A', '1'] }]);
    expect(table.info()).toMatchObject({ format: 'csv', delimiter, encoding: { encoding } });
  });

  test('header cells are trimmed, blank lines skipped, line numbers kept', async () => {
    const table = await readTable(utf8('\r\n org_unit , value \r\n\r\nA,1\r\n,\r\nB,2'));
    expect(table.header).toEqual(['org_unit', 'value']);
    expect(table.headerLine).toBe(2);
    expect(await collect(table.rows)).toEqual([
      { line: 4, cells: ['A', '1'] },
      { line: 6, cells: ['B', '2'] },
    ]);
  });

  test('an explicit delimiter and encoding are used as given', async () => {
    const table = await readTable(iconv.encode('a|b;c\r\n1|2;3\r\n', 'gbk'), {
      delimiter: ';',
      encoding: 'gbk',
    });
    expect(table.header).toEqual(['a|b', 'c']);
    expect(table.info().encoding?.reason).toEqual({
      code: 'encoding.asked-for',
      params: { encoding: 'gbk' },
      message: 'gbk was asked for',
    });
  });

  test('a Node stream of bytes reads like a buffer', async () => {
    const bytes = iconv.encode('机构,值\r\n北京协和医院,1\r\n上海瑞金医院,2\r\n', 'gbk');
    const chunks = Array.from({ length: bytes.length }, (_v, i) => bytes.subarray(i, i + 1));
    const table = await readTable({ stream: Readable.from(chunks), totalBytes: bytes.length });
    expect(table.header).toEqual(['机构', '值']);
    expect((await collect(table.rows)).map((r) => r.cells[0])).toEqual(['北京协和医院', '上海瑞金医院']);
  });

  test('an empty file is refused', async () => {
    await expect(readTable(utf8('\r\n\r\n'))).rejects.toBeInstanceOf(ProblemError);
  });

  test('a text stream is refused', async () => {
    await expect(readTable({ stream: Readable.from(['a,b\r\n']) })).rejects.toThrow(/must yield bytes/);
  });
});

describe('progress', () => {
  test('fires every 10,000 rows and once at the end on a generated 50,000-row CSV stream', async () => {
    const lines = ['org_unit,period,data_element,value'];
    for (let i = 0; i < 50_000; i += 1)
      lines.push(`U${i % 37},2024-${String((i % 12) + 1).padStart(2, '0')},beds,${i}`);
    const bytes = utf8(`${lines.join('\r\n')}\r\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_v, i) =>
      bytes.subarray(i * 65_536, (i + 1) * 65_536),
    );
    const reports: ReadProgress[] = [];
    const table = await readTable(
      { stream: Readable.from(chunks), totalBytes: bytes.length },
      { onProgress: (p) => reports.push(p) },
    );
    let count = 0;
    for await (const _row of table.rows) count += 1;
    expect(count).toBe(50_000);
    expect(reports.map((r) => r.rowsRead)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 50_000]);
    expect(reports.at(-1)).toEqual({ bytesRead: bytes.length, totalBytes: bytes.length, rowsRead: 50_000 });
    const bytesSeen = reports.map((r) => r.bytesRead);
    expect(bytesSeen).toEqual([...bytesSeen].sort((a, b) => a - b));
  });
});

// Resolved from the repository, where ../shared/data sits beside it (no path of one machine).
const CA_FILE = fileURLToPath(
  new URL(
    '../../../shared/data/california_hcai_ahrq_qi/ca_inpatient_mortality_imi_2010-2015.csv',
    import.meta.url,
  ),
);

describe('a real export: California HCAI inpatient mortality (Windows-1252, CRLF)', () => {
  test('the first 200 lines are detected as windows-1252 and read with 11 columns', async () => {
    expect(existsSync(CA_FILE)).toBe(true);
    const all = readFileSync(CA_FILE);
    let end = 0;
    for (let lines = 0; lines < 200; end += 1) if (all[end] === 0x0a) lines += 1;
    const table = await readTable(new Uint8Array(all.subarray(0, end)));
    const rows = await collect(table.rows);
    expect(table.info().encoding?.encoding).toBe('windows-1252');
    // The first non-ASCII byte, 0x96, is the 50th byte of line 26.
    expect(table.info().encoding?.reason).toMatchObject({
      code: 'encoding.read-as-windows-1252',
      params: { line: 26, byte: 50 },
    });
    expect(table.header).toEqual([
      'YEAR',
      'COUNTY',
      'HOSPITAL',
      'OSHPDID',
      'Procedure/Condition',
      'Risk Adjuested Mortality Rate',
      '# of Deaths',
      '# of Cases',
      'Hospital Ratings',
      'LONGITUDE',
      'LATITUDE',
    ]);
    expect(rows).toHaveLength(199);
    expect(rows.every((r) => r.cells.length === 11)).toBe(true);
    // Line 26 holds byte 0x96, the Windows-1252 en dash.
    expect(rows.find((r) => r.line === 26)?.cells[2]).toBe(
      'Alta Bates Summit Medical Center – Alta Bates Campus',
    );
  });
});

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readTable on XLSX', () => {
  const sample = (): Promise<Uint8Array> =>
    workbookBytes((workbook) => {
      workbook.addWorksheet('Notes').addRow(['not this sheet']);
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(['org_unit', 'period', 'beds_open', 'reported_on', 'note']);
      sheet.addRow(['PUMCH', '2024-03', 1520, new Date(Date.UTC(2024, 3, 5)), '北京协和医院']);
      sheet.addRow(['RUIJIN', '2024-03', null, new Date(Date.UTC(2024, 3, 6, 14, 30)), 'empty beds cell']);
      sheet.addRow([
        'ICU',
        '2024Q1',
        { formula: 'C2*2', result: 3040 },
        0.125,
        { richText: [{ text: 'rich ' }, { text: 'text' }] },
      ]);
    });

  test('reads numbers, text, dates, formulas and an empty cell of a named sheet', async () => {
    const table = await readTable(await sample(), { sheet: '数据' });
    expect(table.header).toEqual(['org_unit', 'period', 'beds_open', 'reported_on', 'note']);
    expect(await collect(table.rows)).toEqual([
      { line: 2, cells: ['PUMCH', '2024-03', '1520', '2024-04-05', '北京协和医院'] },
      { line: 3, cells: ['RUIJIN', '2024-03', '', '2024-04-06T14:30:00', 'empty beds cell'] },
      { line: 4, cells: ['ICU', '2024Q1', '3040', '0.125', 'rich text'] },
    ]);
    expect(table.info()).toEqual({ format: 'xlsx', encoding: null, delimiter: null, sheet: '数据' });
  });

  test('writes no temporary file, though exceljs puts the sheet before the shared strings', async () => {
    // exceljs's stream reader spools a sheet to os.tmpdir() when it comes before xl/sharedStrings.xml, as
    // in exceljs's and Excel's own files; with TMPDIR missing that spooling fails with ENOENT.
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = join(tmpdir(), `ingest-missing-${process.pid}`, 'none');
    try {
      const table = await readTable(await sample(), { sheet: '数据' });
      expect(await collect(table.rows)).toHaveLength(3);
    } finally {
      if (previous === undefined) Reflect.deleteProperty(process.env, 'TMPDIR');
      else process.env.TMPDIR = previous;
    }
  });

  test('keeps the leading zeros of a code Excel holds as a number in a zero-padded format (a CCN, 010001)', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Units');
      sheet.addRow(['code', 'zip', 'beds']);
      // As Excel stores `010001` typed into a column formatted 000000: the number 10001.
      sheet.addRow([10001, 36301, 420]);
      sheet.addRow(['010005', 35957, 12.5]);
      sheet.getColumn(1).numFmt = '000000';
      sheet.getColumn(2).numFmt = '00000';
    });
    const table = await readTable(bytes);
    expect(await collect(table.rows)).toEqual([
      { line: 2, cells: ['010001', '36301', '420'] },
      { line: 3, cells: ['010005', '35957', '12.5'] },
    ]);
  });

  test('reads the first sheet when none is named', async () => {
    const table = await readTable(await sample());
    expect(table.header).toEqual(['not this sheet']);
  });

  test('names the sheets when the one asked for is missing', async () => {
    await expect(readTable(await sample(), { sheet: 'Data' })).rejects.toThrow('its sheets are: Notes, 数据');
  });

  test('reads a workbook without shared strings (inline strings, streaming writer)', async () => {
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = writer.addWorksheet('S');
    sheet.addRow(['code', 'value']).commit();
    sheet.addRow(['外科', 7]).commit();
    sheet.commit();
    await writer.commit();
    const table = await readTable(new Uint8Array(Buffer.concat(chunks)));
    expect(await collect(table.rows)).toEqual([{ line: 2, cells: ['外科', '7'] }]);
  });

  test('reads a workbook from a stream and reports progress up to its size', async () => {
    const bytes = await sample();
    const reports: ReadProgress[] = [];
    const table = await readTable(
      { stream: Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]), totalBytes: bytes.length },
      { sheet: '数据', onProgress: (p) => reports.push(p) },
    );
    expect(await collect(table.rows)).toHaveLength(3);
    expect(reports).toEqual([{ bytesRead: bytes.length, totalBytes: bytes.length, rowsRead: 3 }]);
  });
});
