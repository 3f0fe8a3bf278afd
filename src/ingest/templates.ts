/**
 * Files users download: the wide data-entry template of a scorecard, and table exports. CSV files are UTF-8
 * with a BOM and CRLF line ends, so Excel in a Chinese locale opens them with the right characters
 * (without the BOM it assumes the ANSI code page, GBK there). XLSX files are written with exceljs's
 * streaming writer.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LocalizedText } from '../core/indicators/indicator.ts';
import { COLUMN_ALIASES, NAMES_ROW_MARKERS } from './column-names.ts';

export type TableFormat = 'csv' | 'xlsx';
export type TableCellValue = string | number | null;

export interface WriteTableOptions {
  /** XLSX: the sheet's name; default "Data". */
  readonly sheetName?: string;
  /** XLSX: 0-based columns formatted as text (`@`), so codes and periods typed into them stay text. */
  readonly textColumns?: readonly number[];
  /** XLSX: rows frozen at the top (the header); default 1. */
  readonly frozenRows?: number;
}

const encoder = new TextEncoder();
const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV Injection"): starting with `=`, `+`, `-`, `@`,
 * tab or CR. Numbers written as text (`-3`, `+1.5`) are left alone.
 */
function neutralise(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return text;
  return `'${text}`;
}

/** One CSV field (RFC 4180 §2): quoted when it holds a comma, quote, line break or edge spaces. */
function csvField(value: TableCellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralise(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function writeCsv(
  header: readonly string[],
  rows: AsyncIterable<readonly TableCellValue[]> | Iterable<readonly TableCellValue[]>,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [encoder.encode(`${BOM}${header.map(csvField).join(',')}\r\n`)];
  let batch = '';
  for await (const row of rows) {
    batch += `${row.map(csvField).join(',')}\r\n`;
    if (batch.length > 1 << 16) {
      parts.push(encoder.encode(batch));
      batch = '';
    }
  }
  parts.push(encoder.encode(batch));
  return Buffer.concat(parts);
}

async function writeXlsx(
  header: readonly string[],
  rows: AsyncIterable<readonly TableCellValue[]> | Iterable<readonly TableCellValue[]>,
  options: WriteTableOptions,
): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  const frozen = options.frozenRows ?? 1;
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Data', {
    views: frozen > 0 ? [{ state: 'frozen', ySplit: frozen }] : [],
  });
  const text = new Set(options.textColumns ?? []);
  sheet.columns = header.map((_h, i) => ({
    width: Math.min(40, Math.max(10, (header[i] ?? '').length + 2)),
    ...(text.has(i) ? { style: { numFmt: '@' } } : {}),
  }));
  const headerRow = sheet.addRow([...header]);
  headerRow.font = { bold: true };
  headerRow.commit();
  for await (const row of rows) sheet.addRow(row.map((v) => (v === null ? null : v))).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Writes a table for download: CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-like text prefixed
 * with `'`) or XLSX (numbers as numbers, text as text, null as an empty cell).
 *
 * @example await writeTable(['org_unit', 'beds'], [['U1', 12]], 'csv') // bytes of "\uFEFForg_unit,beds\r\nU1,12\r\n"
 */
export async function writeTable(
  header: readonly string[],
  rows: AsyncIterable<readonly TableCellValue[]> | Iterable<readonly TableCellValue[]>,
  format: TableFormat,
  options: WriteTableOptions = {},
): Promise<Uint8Array> {
  return format === 'csv' ? writeCsv(header, rows) : writeXlsx(header, rows, options);
}

export interface WideTemplateInput {
  readonly dataElements: readonly { readonly code: string; readonly name: LocalizedText }[];
  readonly orgUnits: readonly { readonly code: string }[];
  /** Period ids as the import expects them (`2024-03`, `2024Q1`, `2024`). */
  readonly periods: readonly string[];
  readonly format: TableFormat;
}

/** "Beds open / 开放床位数", or the English name alone. */
function bilingual(name: LocalizedText): string {
  return name.zh === undefined || name.zh === name.en ? name.en : `${name.en} / ${name.zh}`;
}

/**
 * Builds the wide data-entry template of a scorecard: the header `org_unit,period,<codes>`, a `#names` row
 * with each data element's English and Chinese name (skipped on import), and one row per org unit × period
 * with the value cells empty. In the XLSX form the org_unit and period columns are text, so Excel does not
 * turn `2024-03` into a date when a user types it.
 *
 * @example
 * await buildWideTemplate({ dataElements: [{ code: 'beds', name: { en: 'Beds', zh: '床位' } }],
 *   orgUnits: [{ code: 'U1' }], periods: ['2024-03'], format: 'csv' })
 * // "\uFEFForg_unit,period,beds\r\n#names,,Beds / 床位\r\nU1,2024-03,\r\n"
 */
export async function buildWideTemplate(input: WideTemplateInput): Promise<Uint8Array> {
  const header = [COLUMN_ALIASES.org_unit[0] ?? 'org_unit', COLUMN_ALIASES.period[0] ?? 'period'];
  header.push(...input.dataElements.map((d) => d.code));
  const names: TableCellValue[] = [
    NAMES_ROW_MARKERS[0] ?? '#names',
    '',
    ...input.dataElements.map((d) => bilingual(d.name)),
  ];
  const empty: null[] = input.dataElements.map(() => null);
  function* rows(): Generator<readonly TableCellValue[]> {
    yield names;
    for (const unit of input.orgUnits)
      for (const period of input.periods) yield [unit.code, period, ...empty];
  }
  return writeTable(header, rows(), input.format, {
    sheetName: 'Template',
    textColumns: [0, 1],
    frozenRows: 2,
  });
}
