/**
 * The bounds of an imported file (./import-limits.ts) as readTable applies them: rows, cell length, control
 * characters, a workbook's inflation (declared and actual), hidden worksheets and malformed sheet XML.
 */
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isProblemError, type Problem } from '../core/errors/problem.ts';
import { checkInflation, DEFAULT_IMPORT_LIMITS } from './import-limits.ts';
import { readTable } from './read-table.ts';

const encoder = new TextEncoder();

function csv(lines: readonly string[]): Uint8Array {
  return encoder.encode(`${lines.join('\r\n')}\r\n`);
}

/** Reads every row of `bytes`, or gives the problem that refused it. */
async function problemOf(
  bytes: Uint8Array,
  options: Parameters<typeof readTable>[1] = {},
): Promise<Problem | null> {
  try {
    const table = await readTable(bytes, options);
    for await (const _row of table.rows);
    return null;
  } catch (error) {
    if (isProblemError(error)) return error.problem;
    throw error;
  }
}

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A ZIP of stored (uncompressed) entries, for parts written by hand (PKWARE APPNOTE 6.3.10 §4.3). */
function storedZip(files: Readonly<Record<string, string>>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(content);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook whose sheet XML is given as it is. */
function handWrittenWorkbook(sheetXml: string): Uint8Array {
  return storedZip({
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
  });
}

/** Sets the uncompressed size the central directory gives the entry `name`. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const target = encoder.encode(name);
  for (let at = 0; at + 46 < out.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const entry = out.subarray(at + 46, at + 46 + length);
    if (length === target.length && entry.every((b, i) => b === target[i])) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('import limits', () => {
  it('refuses a file with more rows than the limit', async () => {
    const problem = await problemOf(csv(['a,b', '1,2', '3,4', '5,6']), { limits: { maxRows: 2 } });
    expect([problem?.status, problem?.code, problem?.params]).toEqual([
      400,
      'guard.too-many-rows',
      { limit: 2 },
    ]);
  });

  it('reads a file with exactly as many rows as the limit', async () => {
    expect(await problemOf(csv(['a,b', '1,2', '3,4']), { limits: { maxRows: 2 } })).toBeNull();
  });

  it('refuses a comment of 2,001 characters, naming its row and column', async () => {
    const problem = await problemOf(csv(['org_unit,comment', `U1,${'x'.repeat(2001)}`]));
    expect([problem?.code, problem?.params]).toEqual([
      'guard.cell-too-long',
      { row: 2, column: 'comment', length: 2001, limit: 2000 },
    ]);
  });

  it('reads a comment of exactly 2,000 characters', async () => {
    expect(await problemOf(csv(['org_unit,comment', `U1,${'x'.repeat(2000)}`]))).toBeNull();
  });

  it('refuses a NUL byte in a cell, naming its row and column', async () => {
    const problem = await problemOf(csv(['org_unit,value', 'U1,1\u00002']));
    expect([problem?.code, problem?.params]).toEqual([
      'guard.cell-control-character',
      { row: 2, column: 'value', char: 'U+0000' },
    ]);
  });

  it('refuses a control character in the header', async () => {
    const problem = await problemOf(csv(['org\u0001unit,value', 'U1,1']));
    expect(problem?.code).toBe('guard.cell-control-character');
  });

  it('keeps a line break inside a quoted comment', async () => {
    expect(await problemOf(csv(['org_unit,comment', 'U1,"two\nlines"']))).toBeNull();
  });

  it('refuses a part declared to inflate from 1 MB to 1 GiB before inflating it', () => {
    expect(() =>
      checkInflation('xl/worksheets/sheet1.xml', 1_000_000, 1024 ** 3, DEFAULT_IMPORT_LIMITS),
    ).toThrow(/inflate to 1073741824 bytes \(1074 times/);
  });

  it('accepts a small part however well it compresses', () => {
    expect(() => checkInflation('xl/styles.xml', 100, 1_000_000, DEFAULT_IMPORT_LIMITS)).not.toThrow();
  });

  it('refuses a workbook whose sheet is declared past the inflation limit', async () => {
    const bytes = await workbook((book) => book.addWorksheet('Data').addRow(['org_unit', 'value']));
    const bomb = declareSize(bytes, 'xl/worksheets/sheet1.xml', 1024 ** 3);
    const problem = await problemOf(bomb);
    expect([problem?.code, problem?.params.entry]).toEqual([
      'guard.inflates-too-much',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('refuses a sheet that inflates to more than its directory declares', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Data');
      sheet.addRow(['org_unit', 'value']);
      for (let i = 0; i < 200; i += 1) sheet.addRow([`U${i}`, i]);
    });
    const lying = declareSize(bytes, 'xl/worksheets/sheet1.xml', 100);
    const problem = await problemOf(lying);
    expect(problem?.code).toBe('guard.inflated-size-wrong');
  });

  it('refuses a hidden first sheet unless it is named, listing the visible ones', async () => {
    const bytes = await workbook((book) => {
      const hidden = book.addWorksheet('Lookup');
      hidden.state = 'hidden';
      hidden.addRow(['code']);
      book.addWorksheet('Data').addRow(['org_unit', 'value']);
    });
    const problem = await problemOf(bytes);
    expect([problem?.code, problem?.params]).toEqual([
      'guard.hidden-sheet',
      { sheet: 'Lookup', visible: 'Data' },
    ]);
  });

  it('reads a hidden sheet when it is named', async () => {
    const bytes = await workbook((book) => {
      const hidden = book.addWorksheet('Lookup');
      hidden.state = 'hidden';
      hidden.addRow(['code']);
      hidden.addRow(['U1']);
    });
    const table = await readTable(bytes, { sheet: 'Lookup' });
    const rows = [];
    for await (const row of table.rows) rows.push(row.cells);
    expect([table.header, rows, table.info().sheet]).toEqual([['code'], [['U1']], 'Lookup']);
  });

  it('refuses malformed sheet XML with 400 guard.malformed-xml and its position', async () => {
    const bytes = handWrittenWorkbook(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>\n<row r="2"><c></row></sheetData></worksheet>`,
    );
    const problem = await problemOf(bytes);
    expect([problem?.status, problem?.code, problem?.params.line]).toEqual([400, 'guard.malformed-xml', 2]);
  });
});
