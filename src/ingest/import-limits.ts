/**
 * The bounds of one imported file (issue 11, part 3): how many rows, how long a cell, how far a workbook's parts
 * may inflate. Each is refused with its own problem (`guard.*`) before the rows are checked, so that a crafted
 * or mistaken file cannot hold the server's memory or time.
 */
import { badRequest } from '../core/errors/problem.ts';
import { controlCharacterIn } from '../core/guard/edge-checks.ts';

export interface ImportLimits {
  /** Data rows after the header. Default 5,000,000 (a 100 MiB long CSV has about 2.5 million). */
  readonly maxRows: number;
  /** Characters in one cell. Default 2,000: the API's cap on a comment, the longest text a row holds. */
  readonly maxCellChars: number;
  /** Bytes one workbook part may inflate to. Default 512 MiB (an Excel sheet of a million rows is ~200 MB). */
  readonly maxInflatedBytes: number;
  /** Inflated over compressed size of a part past `RATIO_CHECKED_FROM` bytes. Default 200 (XLSX is ~5–50). */
  readonly maxInflateRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({
  maxRows: 5_000_000,
  maxCellChars: 2_000,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxInflateRatio: 200,
});

/** Below this inflated size a part's ratio is not judged: a small, repetitive part compresses very well. */
export const RATIO_CHECKED_FROM = 16 * 1024 * 1024;

/**
 * Refuses a part whose directory says it inflates beyond the limits (a ZIP bomb: 1 MB → 1 GiB), before it is
 * inflated at all.
 *
 * @example checkInflation('xl/worksheets/sheet1.xml', 1_000_000, 1_073_741_824, DEFAULT_IMPORT_LIMITS) // throws guard.inflates-too-much
 */
export function checkInflation(
  entry: string,
  compressedSize: number,
  uncompressedSize: number,
  limits: ImportLimits,
): void {
  const ratio = uncompressedSize / Math.max(1, compressedSize);
  const tooLarge = uncompressedSize > limits.maxInflatedBytes;
  const tooDense = uncompressedSize > RATIO_CHECKED_FROM && ratio > limits.maxInflateRatio;
  if (tooLarge || tooDense) {
    throw badRequest('guard.inflates-too-much', {
      entry,
      size: uncompressedSize,
      ratio: Math.round(ratio),
      limit: limits.maxInflatedBytes,
      maxRatio: limits.maxInflateRatio,
    });
  }
}

/**
 * Refuses a row whose cell is too long or holds a control character (tab and line breaks excepted: a quoted
 * comment may span lines), naming the row and the column (its header, or its number).
 */
export function checkCells(
  line: number,
  cells: readonly string[],
  header: readonly string[],
  limits: ImportLimits,
): void {
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    const column = header[i] || String(i + 1);
    if (cell.length > limits.maxCellChars) {
      throw badRequest(
        'guard.cell-too-long',
        { row: line, column, length: cell.length, limit: limits.maxCellChars },
        [line, column],
      );
    }
    const char = controlCharacterIn(cell, { allowLineBreaks: true });
    if (char !== null)
      throw badRequest('guard.cell-control-character', { row: line, column, char }, [line, column]);
  }
}

/** Refuses the row past the limit. */
export function checkRowCount(rowsRead: number, limits: ImportLimits): void {
  if (rowsRead > limits.maxRows) throw badRequest('guard.too-many-rows', { limit: limits.maxRows });
}
