/**
 * The dry-run report of an import: what would be created, updated or left unchanged, and every error of the
 * whole file with its row, column and reason. The caller writes only when `errorCount` is 0.
 */

/** Why a cell was refused; `reason` says it in English, `code` lets the UI say it in the user's language. */
export type ImportErrorCode =
  | 'unknown-org-unit'
  | 'unknown-period'
  | 'unknown-data-element'
  | 'unknown-indicator'
  | 'wrong-indicator-kind'
  | 'non-numeric'
  | 'not-integer'
  | 'out-of-range'
  | 'missing-value'
  | 'invalid-band'
  | 'duplicate-key'
  | 'undecodable'
  | 'extra-cell'
  | 'unterminated-quote';

export interface ImportError {
  /** 1-based line of the file (CSV) or Excel row number (XLSX). */
  readonly row: number;
  /** The column's header as written in the file (`机构`, `beds_open`), or `#n` for a column without one. */
  readonly column: string;
  /** The cell's text as read. */
  readonly value: string;
  readonly code: ImportErrorCode;
  readonly reason: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportReport<R> {
  /** Data rows read (header, names row and blank lines not counted). */
  readonly rowsRead: number;
  readonly toCreate: number;
  readonly toUpdate: number;
  readonly unchanged: number;
  /** The first errors, in row order, at most `maxErrors` of them. */
  readonly errors: readonly ImportError[];
  /** All errors found, listed or not. */
  readonly errorCount: number;
  /** Errors found but not listed (`errorCount - errors.length`). */
  readonly errorsNotListed: number;
  /** The valid records, normalised, each with what writing it would do. */
  readonly records: readonly R[];
}

export const DEFAULT_MAX_ERRORS = 1000;

/** Collects one report; used by the checks in check-import.ts. */
export interface ReportBuilder<R> {
  row(): void;
  /** Records an error. With `once`, an identical error (same row, column, code) is kept only the first time. */
  error(error: ImportError, once?: boolean): void;
  record(record: R, action: ImportAction): void;
  /** Errors found so far (to tell whether a row added any). */
  errorCount(): number;
  build(): ImportReport<R>;
}

export function createReportBuilder<R>(maxErrors = DEFAULT_MAX_ERRORS): ReportBuilder<R> {
  let rowsRead = 0;
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  const errors: ImportError[] = [];
  let errorCount = 0;
  const seen = new Set<string>();
  const records: R[] = [];
  return {
    row() {
      rowsRead += 1;
    },
    error(error, once = false) {
      if (once) {
        const key = `${error.row}\u0000${error.column}\u0000${error.code}`;
        if (seen.has(key)) return;
        seen.add(key);
      }
      errorCount += 1;
      if (errors.length < maxErrors) errors.push(error);
    },
    record(record, action) {
      counts[action] += 1;
      records.push(record);
    },
    errorCount: () => errorCount,
    build() {
      // Errors about header cells are found while reading rows; sort so the list reads top to bottom.
      const listed = errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i);
      return {
        rowsRead,
        toCreate: counts.create,
        toUpdate: counts.update,
        unchanged: counts.unchanged,
        errors: listed.map((x) => x.e),
        errorCount,
        errorsNotListed: errorCount - errors.length,
        records,
      };
    },
  };
}
