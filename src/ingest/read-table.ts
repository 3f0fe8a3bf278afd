/**
 * Reads a CSV or .xlsx export into a header and a stream of rows of text cells. Nothing is interpreted here
 * (no numbers, no codes): that is the row formats' job (row-formats.ts). Rows are produced one at a time, so
 * a 100 MB file is never held as rows in memory.
 */
import { badRequest } from '../core/errors/problem.ts';
import { collectBytes, looksLikeZip, openSource, type TableSource } from './byte-source.ts';
import {
  type CsvDelimiter,
  type CsvRecord,
  type CsvTokenizer,
  createCsvTokenizer,
  detectDelimiter,
} from './csv-tokenizer.ts';
import type { EncodingDetection, EncodingOption } from './detect-encoding.ts';
import { checkCells, checkRowCount, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { readXlsxRows } from './read-xlsx.ts';
import { createStreamDecoder } from './stream-decoder.ts';

export type { StreamSource, TableSource } from './byte-source.ts';

export interface TableRow {
  /** 1-based line of the file (CSV) or Excel row number (XLSX) where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
  /** CSV only: the file ended inside a quoted field that was never closed. */
  readonly unterminatedQuote?: true;
}

export interface ReadProgress {
  readonly bytesRead: number;
  /** null when a stream was given without its size. */
  readonly totalBytes: number | null;
  readonly rowsRead: number;
}

export interface ReadTableOptions {
  /** 'auto' (default) tells a workbook by its ZIP signature. */
  readonly format?: 'auto' | 'csv' | 'xlsx';
  /** CSV only; default 'auto'. */
  readonly encoding?: EncodingOption;
  /** CSV only; default 'auto' (see detectDelimiter). */
  readonly delimiter?: 'auto' | CsvDelimiter;
  /** XLSX only: the sheet's tab name; default the first sheet (refused when it is hidden). */
  readonly sheet?: string;
  /** Rows, cell length and inflation allowed (./import-limits.ts); default DEFAULT_IMPORT_LIMITS. */
  readonly limits?: Partial<ImportLimits>;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Rows between progress reports; default 10,000. A last report is always sent when the rows end. */
  readonly progressEvery?: number;
}

export interface TableInfo {
  readonly format: 'csv' | 'xlsx';
  /** CSV: the encoding used and why; null until known (under 'auto', until the first non-ASCII byte). */
  readonly encoding: EncodingDetection | null;
  readonly delimiter: CsvDelimiter | null;
  readonly sheet: string | null;
}

export interface Table {
  readonly header: readonly string[];
  readonly headerLine: number;
  /** The data rows after the header, blank lines left out. Iterate once. */
  readonly rows: AsyncIterable<TableRow>;
  /** What was detected; final once `rows` has been read to the end. */
  info(): TableInfo;
}

/** Text read before the delimiter is chosen: enough lines to see a pattern. */
const DELIMITER_SAMPLE_CHARS = 64 * 1024;
const DELIMITER_SAMPLE_LINES = 20;

function countLineEnds(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

interface ProgressCounter {
  bytes(n: number): void;
  row(): void;
  finish(): void;
}

function createProgress(options: ReadTableOptions, totalBytes: number | null): ProgressCounter {
  const onProgress = options.onProgress;
  const every = Math.max(1, options.progressEvery ?? 10_000);
  let bytesRead = 0;
  let rowsRead = 0;
  const report = (): void => onProgress?.({ bytesRead, totalBytes, rowsRead });
  return {
    bytes(n) {
      bytesRead += n;
    },
    row() {
      rowsRead += 1;
      if (rowsRead % every === 0) report();
    },
    finish: report,
  };
}

async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadTableOptions,
  progress: ProgressCounter,
  state: { delimiter: CsvDelimiter | null; detection: () => EncodingDetection | null },
): AsyncGenerator<CsvRecord> {
  const decoder = createStreamDecoder(options.encoding ?? 'auto');
  state.detection = decoder.detection;
  const asked = options.delimiter === undefined || options.delimiter === 'auto' ? null : options.delimiter;
  let tokenizer: CsvTokenizer | null = asked === null ? null : createCsvTokenizer(asked);
  state.delimiter = asked;
  let sample = '';
  let first = true;
  const feed = (text: string, final: boolean): CsvRecord[] => {
    let chunk = text;
    if (first && chunk.length > 0) {
      first = false;
      // A BOM that survived decoding (e.g. GB18030's own) is not part of the first header name.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (tokenizer === null) {
      sample += chunk;
      if (
        !final &&
        sample.length < DELIMITER_SAMPLE_CHARS &&
        countLineEnds(sample) < DELIMITER_SAMPLE_LINES
      ) {
        return [];
      }
      const delimiter = detectDelimiter(sample);
      state.delimiter = delimiter;
      tokenizer = createCsvTokenizer(delimiter);
      chunk = sample;
      sample = '';
    }
    const records = tokenizer.push(chunk);
    return final ? [...records, ...tokenizer.end()] : records;
  };
  for await (const bytes of chunks) {
    progress.bytes(bytes.length);
    yield* feed(decoder.write(bytes), false);
  }
  yield* feed(decoder.end(), true);
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

async function* counting(
  rows: AsyncIterator<TableRow>,
  progress: ProgressCounter,
  header: readonly string[],
  limits: ImportLimits,
): AsyncGenerator<TableRow> {
  let count = 0;
  for (;;) {
    const next = await rows.next();
    if (next.done === true) break;
    if (isBlank(next.value.cells)) continue;
    count += 1;
    checkRowCount(count, limits);
    checkCells(next.value.line, next.value.cells, header, limits);
    progress.row();
    yield next.value;
  }
  progress.finish();
}

/** Reads up to the first non-blank row and returns it with an iterator positioned after it. */
async function splitHeader(
  rows: AsyncIterable<TableRow>,
): Promise<{ header: TableRow; rest: AsyncIterator<TableRow> }> {
  const iterator = rows[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done === true) throw badRequest('file.empty', {});
    if (!isBlank(next.value.cells)) return { header: next.value, rest: iterator };
  }
}

/**
 * Opens a table. CSV: encoding and delimiter detected unless given, quoted fields, BOM stripped. XLSX: the
 * first sheet or `sheet`, cells as text (see cellText). The header is the first non-blank row; header
 * cells are trimmed.
 *
 * @example
 * const table = await readTable(bytes, { onProgress: (p) => console.log(p.rowsRead) });
 * for await (const row of table.rows) console.log(row.line, row.cells);
 */
export async function readTable(source: TableSource, options: ReadTableOptions = {}): Promise<Table> {
  const opened = await openSource(source);
  const format = options.format ?? 'auto';
  const isXlsx = format === 'xlsx' || (format === 'auto' && looksLikeZip(opened.head));
  const progress = createProgress(options, opened.totalBytes);
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };

  if (isXlsx) {
    const bytes = source instanceof Uint8Array ? source : await collectBytes(opened.chunks);
    const xlsx = readXlsxRows(bytes, { sheet: options.sheet, onBytes: progress.bytes, limits });
    const { header, rest } = await splitHeader(xlsx.rows);
    const names = header.cells.map((c) => c.trim());
    checkCells(header.line, header.cells, names, limits);
    return {
      header: names,
      headerLine: header.line,
      rows: counting(rest, progress, names, limits),
      info: () => ({ format: 'xlsx', encoding: null, delimiter: null, sheet: xlsx.sheet }),
    };
  }

  const state: { delimiter: CsvDelimiter | null; detection: () => EncodingDetection | null } = {
    delimiter: null,
    detection: () => null,
  };
  const records = csvRecords(opened.chunks, options, progress, state);
  const { header, rest } = await splitHeader(records);
  const names = header.cells.map((c) => c.trim());
  checkCells(header.line, header.cells, names, limits);
  return {
    header: names,
    headerLine: header.line,
    rows: counting(rest, progress, names, limits),
    info: () => ({ format: 'csv', encoding: state.detection(), delimiter: state.delimiter, sheet: null }),
  };
}
