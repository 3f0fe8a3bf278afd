/**
 * What the wizard shows of an import report (core/contracts/import.ts `importReportSchema`): its counts in a
 * fixed order, its row errors as table rows, and whether the file may be committed. Pure, so it is tested.
 */
import type { TFunction } from 'i18next';
import type {
  ImportBatch,
  ImportErrorBody,
  ImportNotice,
  ImportReportBody,
} from '../../../core/contracts/import.ts';
import { wordCode } from '../../components/problem-words.ts';

export type ReportCountKey = 'rowsRead' | 'toCreate' | 'toUpdate' | 'unchanged' | 'errorCount';

export interface ReportCount {
  readonly key: ReportCountKey;
  readonly value: number;
}

const COUNT_ORDER: readonly ReportCountKey[] = [
  'rowsRead',
  'toCreate',
  'toUpdate',
  'unchanged',
  'errorCount',
];

/** @example reportCounts(report).map((c) => c.key) // ['rowsRead', 'toCreate', 'toUpdate', 'unchanged', 'errorCount'] */
export function reportCounts(report: ImportReportBody): ReportCount[] {
  return COUNT_ORDER.map((key) => ({ key, value: report[key] }));
}

export interface ErrorRow extends ImportErrorBody {
  /** Unique within the report, for the table. */
  readonly key: string;
}

/** The listed errors by row, then column (the server lists them as it met them: a header error first). */
export function errorRows(report: ImportReportBody): ErrorRow[] {
  return report.errors
    .map((error, index) => ({ ...error, key: `${error.row}:${error.column}:${index}` }))
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}

export interface NoticeRow extends ImportNotice {
  /** Unique within the report: a file may repeat a notice word for word (two matrices with the same ratio). */
  readonly key: string;
}

/** The notices in the server's order (a conversion's notes, then the compiler's warnings), each with a key. */
export function noticeRows(report: ImportReportBody): NoticeRow[] {
  return report.notices.map((notice, index) => ({ ...notice, key: `${index}:${notice.code}` }));
}

/**
 * How many stored attributes the report's import clears in all (an empty cell in a column the file has clears
 * what is stored; a column it does not have leaves it alone), or 0.
 *
 * @example clearedTotal({ ...report, clears: [{ column: 'comment', count: 2 }, { column: 'source', count: 1 }] }) // 3
 */
export function clearedTotal(report: ImportReportBody): number {
  return report.clears.reduce((sum, clear) => sum + clear.count, 0);
}

/** A row error's parameters (`non-numeric` + `{ value }`). */
type RowParams = Readonly<Record<string, string | number>>;

/**
 * Why a row was refused, in the user's language: its code under the catalog's `import-row` domain
 * (`problems.import-row.non-numeric`) with its parameters; an `invalid-definition` error words the scorecard
 * file's own problem it carries (`params.problem`), not its English `params.detail`. The server's English
 * `reason` shows only for a code the catalog does not word.
 *
 * @example errorReason(t, { code: 'non-numeric', params: { value: 'x' }, reason: '…' }) // '非数字：“x”不是有效的数字（…）' in zh-CN
 */
export function errorReason(
  t: TFunction,
  error: Pick<ImportErrorBody, 'code' | 'reason'> & { readonly params?: RowParams | undefined },
): string {
  return wordCode(t, `import-row.${error.code}`, error.params ?? {}, error.reason);
}

/**
 * Whether the checked file may be committed: `blocked` with any error (the server would refuse it whole, and a
 * dry run wrote nothing), `unchanged` when every row is stored already (a commit would record nothing),
 * otherwise `ready`.
 */
export type CommitState = 'blocked' | 'unchanged' | 'ready';

/** How many of the rule violations the report lists are of importance high: each blocks a commit without a reason. */
export function highViolationCount(report: ImportReportBody): number {
  return (report.violations ?? []).filter((v) => v.importance === 'high').length;
}

export function commitState(report: ImportReportBody): CommitState {
  if (report.errorCount > 0) return 'blocked';
  if (report.toCreate === 0 && report.toUpdate === 0) return 'unchanged';
  return 'ready';
}

/** Whether a past import can still be undone from the history (the server may still refuse it with 409). */
export function canUndo(batch: ImportBatch): boolean {
  return batch.status === 'committed';
}
