/**
 * The dry-run report of an import: what would be created, updated or left unchanged, and every error of the
 * whole file with its row, column and reason. The caller writes only when `errorCount` is 0.
 */
import type { ImportErrorCode } from '../core/contracts/import.ts';
import {
  type MessageParams,
  type ProblemCode,
  type ProblemParams,
  wordProblem,
} from '../core/errors/messages/index.ts';

/** Why a cell was refused: the contracts' codes (`non-numeric`), worded as `import-row.<code>`. */
export type { ImportErrorCode } from '../core/contracts/import.ts';

/** The parameters the wording of a row error code fills in. */
export type RowErrorParams<C extends ImportErrorCode> = ProblemParams<`import-row.${C}`>;

export interface ImportError {
  /** 1-based line of the file (CSV) or Excel row number (XLSX). */
  readonly row: number;
  /** The column's header as written in the file (`机构`, `beds_open`), or `#n` for a column without one. */
  readonly column: string;
  /** The cell's text as read. */
  readonly value: string;
  readonly code: ImportErrorCode;
  /** What the wording of `import-row.<code>` fills in; the UI words the error with them. */
  readonly params: MessageParams;
  /** The code worded in English. */
  readonly reason: string;
}

/** Where a row error is: the row, the column's header as written and the cell's text. */
export interface ErrorPlace {
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

/**
 * A row error, its English reason worded from `import-row.<code>` and `params`.
 *
 * @example rowError({ row: 3, column: 'value', value: 'n/a' }, 'non-numeric', { value: 'n/a' }).reason
 * // 'non-numeric: "n/a" is not a plain number (write 1234.5; a % sign only where the unit is %)'
 */
export function rowError<C extends ImportErrorCode>(
  at: ErrorPlace,
  code: C,
  params: RowErrorParams<C>,
): ImportError {
  return rowErrorOfCode(at, code, params);
}

/** A row error whose code is chosen at run time (one read back from a stored report, say). */
export function rowErrorOfCode(at: ErrorPlace, code: ImportErrorCode, params: MessageParams): ImportError {
  return {
    row: at.row,
    column: at.column,
    value: at.value,
    code,
    params,
    reason: wordProblem(`import-row.${code}`, params),
  };
}

/**
 * An `invalid-definition` error: the row defines something that cannot be (a unit that would move, a scorecard
 * file's problem). Its parameters carry the problem's own code (`problem`) and parameters, for the UI to word,
 * and the problem's English words (`detail`).
 *
 * @example definitionError({ row: 2, column: 'parent', value: 'H1' }, 'import.org-unit-cycle', { code: 'A', parent: 'B' }).params.problem // 'import.org-unit-cycle'
 */
export function definitionError<C extends ProblemCode>(
  at: ErrorPlace,
  problem: C,
  params: ProblemParams<C>,
): ImportError {
  return definitionErrorOfCode(at, problem, params);
}

/** `definitionError` for a problem code chosen at run time (an issue a validator found). */
export function definitionErrorOfCode(
  at: ErrorPlace,
  problem: ProblemCode,
  params: MessageParams,
): ImportError {
  return rowErrorOfCode(at, 'invalid-definition', {
    ...params,
    problem,
    detail: wordProblem(problem, params),
  });
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
  /**
   * Stored attributes the records clear, by column (header as written), in the order first seen: an empty cell
   * in a column the file has clears what is stored; a column the file lacks keeps it.
   */
  readonly clears: readonly ImportClear[];
  /** The valid records, normalised, each with what writing it would do. */
  readonly records: readonly R[];
}

/** How many stored attributes of one column an import clears. */
export interface ImportClear {
  readonly column: string;
  readonly count: number;
}

export const DEFAULT_MAX_ERRORS = 1000;

/** Collects one report; used by the checks in check-import.ts. */
export interface ReportBuilder<R> {
  row(): void;
  /** Records an error. With `once`, an identical error (same row, column, code) is kept only the first time. */
  error(error: ImportError, once?: boolean): void;
  /** Records a valid row; `clears` names the columns in which it clears a stored attribute. */
  record(record: R, action: ImportAction, clears?: readonly string[]): void;
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
  const cleared = new Map<string, number>();
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
    record(record, action, clears = []) {
      counts[action] += 1;
      records.push(record);
      for (const column of clears) cleared.set(column, (cleared.get(column) ?? 0) + 1);
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
        clears: [...cleared].map(([column, count]) => ({ column, count })),
        records,
      };
    },
  };
}
