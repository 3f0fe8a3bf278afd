/**
 * Reads one worksheet of an .xlsx workbook row by row with exceljs's streaming reader.
 *
 * exceljs streams a sheet only when the shared strings and workbook relations come before it in the ZIP;
 * otherwise it copies the sheet to a temporary file first. Excel writes the sheets first, so we never give
 * exceljs the archive as it is: we pick the parts it needs out of the ZIP directory (workbook, relations,
 * styles, shared strings, the one sheet asked for) and feed them to it in that order, compressed bytes
 * untouched. Nothing is written to disk. The compressed workbook is held in memory (its directory is at the
 * end); the rows of the sheet are decompressed and handed out one at a time.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badRequest, isProblemError } from '../core/errors/problem.ts';
import { checkInflation, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import {
  endOfArchive,
  listZipEntries,
  localRecord,
  readZipEntry,
  storedRecord,
  verifyInflatedSize,
  type ZipEntry,
} from './zip-entries.ts';

export interface XlsxRow {
  readonly line: number;
  readonly cells: string[];
}

export interface XlsxRows {
  /** The sheet's name as the workbook shows it on its tab. */
  readonly sheet: string;
  readonly rows: AsyncIterable<XlsxRow>;
}

const utf8 = new TextDecoder('utf-8');

/** Decodes the five predefined XML entities and numeric character references (XML 1.0 §4.6, §4.1). */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return named[ref] ?? '';
  });
}

/** The attributes of every `<tag …>` element in `xml`, with prefixes kept (`r:id`). */
function elements(xml: string, tag: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes = new Map<string, string>();
    for (const attr of (match[1] ?? '').matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attributes.set(attr[1] ?? '', decodeXml(attr[3] ?? attr[4] ?? ''));
    }
    out.push(attributes);
  }
  return out;
}

/** Resolves a relationship target against the workbook's folder (ECMA-376 Part 2 §9.3). */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

interface WorkbookParts {
  readonly sheetName: string;
  readonly records: Uint8Array[];
  readonly emittedBytes: number;
  /** The sheet's entry, to verify its inflated size before exceljs reads it. */
  readonly sheetEntry: ZipEntry;
}

/** Sheets hidden from the workbook's tabs (ECMA-376 Part 1 §18.18.68 ST_SheetState). */
const HIDDEN_STATES = new Set(['hidden', 'veryHidden']);

/**
 * Chooses the sheet (`sheet` by name, else the first tab) and lists the ZIP records to stream, in the order
 * exceljs needs them. Parts are renamed to the paths exceljs recognises (`xl/worksheets/sheet1.xml` …).
 */
function selectParts(bytes: Uint8Array, sheet: string | undefined, limits: ImportLimits): WorkbookParts {
  const entries = listZipEntries(bytes);
  for (const entry of entries) {
    checkInflation(entry.name, entry.compressedSize, entry.uncompressedSize, limits);
  }
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) {
    throw badRequest('file.not-a-workbook', {});
  }
  const sheets = elements(utf8.decode(readZipEntry(bytes, workbook)), 'sheet');
  const relations = elements(utf8.decode(readZipEntry(bytes, rels)), 'Relationship');
  const targetOf = (predicate: (type: string, id: string) => boolean): string | undefined => {
    const rel = relations.find((r) => predicate(r.get('Type') ?? '', r.get('Id') ?? ''));
    return rel === undefined ? undefined : resolveTarget(rel.get('Target') ?? '');
  };
  const names = sheets.map((s) => s.get('name') ?? '');
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.get('name') === sheet);
  if (chosen === undefined) {
    throw sheet === undefined
      ? badRequest('file.no-worksheet', {}, ['sheet'])
      : badRequest('file.no-such-sheet', { sheet, sheets: names.join(', ') }, ['sheet']);
  }
  // Rows nobody sees on screen are not imported by surprise: a hidden sheet is read only when named.
  if (sheet === undefined && HIDDEN_STATES.has(chosen.get('state') ?? '')) {
    const visible = sheets.filter((s) => !HIDDEN_STATES.has(s.get('state') ?? '')).map((s) => s.get('name'));
    throw badRequest(
      'guard.hidden-sheet',
      { sheet: chosen.get('name') ?? '', visible: visible.join(', ') || '-' },
      ['sheet'],
    );
  }
  const sheetPath = targetOf((_type, id) => id === chosen.get('r:id'));
  const sheetEntry = sheetPath === undefined ? undefined : byName.get(sheetPath);
  if (sheetEntry === undefined) throw badRequest('file.sheet-missing', { sheet: chosen.get('name') ?? '' });
  const stylesEntry = byName.get(targetOf((type) => type.endsWith('/styles')) ?? 'xl/styles.xml');
  const stringsEntry = byName.get(
    targetOf((type) => type.endsWith('/sharedStrings')) ?? 'xl/sharedStrings.xml',
  );

  const records: Uint8Array[] = [...localRecord(bytes, workbook), ...localRecord(bytes, rels)];
  if (stylesEntry !== undefined) records.push(...localRecord(bytes, stylesEntry, 'xl/styles.xml'));
  // Without a shared-strings part exceljs would spool the sheet to a temporary file: give it an empty one.
  records.push(
    ...(stringsEntry === undefined
      ? storedRecord(
          'xl/sharedStrings.xml',
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        )
      : localRecord(bytes, stringsEntry, 'xl/sharedStrings.xml')),
  );
  records.push(...localRecord(bytes, sheetEntry, 'xl/worksheets/sheet1.xml'), endOfArchive());
  const emittedBytes = records.reduce((sum, r) => sum + r.length, 0);
  return { sheetName: chosen.get('name') ?? '', records, emittedBytes, sheetEntry };
}

/** Excel number formats that show a date or time (ECMA-376 Part 1 §18.8.31), after removing literals. */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === '') return false;
  const bare = format
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * The width of a zero-padded whole-number format (`00000` for ZIP codes, `000000` for six-digit institution
 * codes), or 0 for any other format. Excel stores `010001` typed into such a column as the number 10001 and
 * shows it padded; the text of the cell is what it shows.
 *
 * @example zeroPaddedWidth('000000') // 6
 * @example zeroPaddedWidth('0.00') // 0
 */
export function zeroPaddedWidth(format: string | undefined): number {
  if (format === undefined) return 0;
  const bare = format.replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1');
  return /^0{2,}$/.test(bare) ? bare.length : 0;
}

/** Days from 1899-12-30 (the 1900 date system's day 0, ECMA-376 Part 1 §18.17.4.1) as an ISO date or date-time. */
function isoFromSerial(serial: number): string {
  return isoFromDate(new Date(Math.round((serial - 25_569) * 86_400) * 1000));
}

function isoFromDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * The text of a cell: numbers as JavaScript prints them (a whole number in a zero-padded format such as
 * `000000` as Excel shows it, `010001`: codes keep their leading zeros), dates as ISO `YYYY-MM-DD` (with
 * `THH:MM:SS` when there is a time), formulas as their cached result, rich text joined, errors as Excel shows
 * them (`#N/A`).
 * A formula with no cached result (written by a program that does not calculate) reads as `=` + its formula,
 * so it is reported rather than taken as an empty cell.
 *
 * @example cellText(1234.5, 'General') // '1234.5'
 * @example cellText(10001, '000000') // '010001'
 * @example cellText({ formula: 'B2*2', result: 42 }, 'General') // '42'
 */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '#VALUE!';
    if (isDateFormat(numFmt)) return isoFromSerial(value);
    const width = zeroPaddedWidth(numFmt);
    return width > 0 && Number.isInteger(value) && value >= 0
      ? String(value).padStart(width, '0')
      : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoFromDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return `=${'formula' in value ? value.formula : value.sharedFormula}`;
    return cellText(value.result, numFmt);
  }
  if ('hyperlink' in value) return value.text;
  return '';
}

/**
 * The XML parser's error (saxes: `2:20: unexpected close tag.`) as a 400 naming the part and the position;
 * any other error as it is.
 */
function malformedXml(error: unknown, entry: string): unknown {
  if (!(error instanceof Error) || isProblemError(error)) return error;
  const match = /^(\d+):(\d+): (.*)$/s.exec(error.message);
  if (match === null) return error;
  const [, line, column, reason] = match;
  return badRequest('guard.malformed-xml', {
    entry,
    line: Number(line),
    column: Number(column),
    reason: (reason ?? '').slice(0, 200),
  });
}

async function* counted(
  records: readonly Uint8Array[],
  onBytes: (n: number) => void,
): AsyncGenerator<Buffer> {
  const piece = 64 * 1024;
  for (const record of records) {
    for (let at = 0; at < record.length; at += piece) {
      const part = record.subarray(at, at + piece);
      onBytes(part.length);
      yield Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    }
  }
}

/**
 * Opens the chosen sheet of a workbook and returns its rows as text cells; `line` is the Excel row number.
 * `onBytes` is told how many bytes of the workbook each step consumed, for progress reports.
 */
export function readXlsxRows(
  bytes: Uint8Array,
  options: { sheet?: string; onBytes?: (n: number) => void; limits?: ImportLimits } = {},
): XlsxRows {
  const parts = selectParts(bytes, options.sheet, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const onBytes = options.onBytes ?? (() => {});
  // The parts left out count as read at once, so progress ends at the file's size.
  onBytes(Math.max(0, bytes.length - parts.emittedBytes));
  const stream = Readable.from(counted(parts.records, onBytes), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  async function* rows(): AsyncGenerator<XlsxRow> {
    // The directory's sizes were checked; a part that inflates past what it declares is refused here, before
    // exceljs parses it (a crafted header must not let a bomb through).
    await verifyInflatedSize(bytes, parts.sheetEntry);
    try {
      for await (const worksheet of reader) {
        for await (const row of worksheet) {
          const cells: string[] = [];
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            while (cells.length < column - 1) cells.push('');
            cells.push(cellText(cell.value, cell.numFmt));
          });
          yield { line: row.number, cells };
        }
      }
    } catch (error) {
      throw malformedXml(error, parts.sheetEntry.name);
    }
  }
  return { sheet: parts.sheetName, rows: rows() };
}
