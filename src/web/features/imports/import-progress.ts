/**
 * How far an import has come, from the server's progress lines (`{ phase, done, total }`, see
 * src/server/imports/progress.ts) and its final `{"report"}` or `{"problem"}` line. The phases share one bar:
 * reading the file, checking it, then (a commit only) writing, so the bar never runs backwards when a new
 * phase starts. Pure, so it is unit-tested.
 */

import type { ImportProgress, ImportReportBody } from '../../../core/contracts/import.ts';
import { type ProblemBody, toProblemBody } from '../../lib/api/api-error.ts';
import { readRejectedReport } from '../../lib/api/problem-extensions.ts';

export type ImportPhase = ImportProgress['phase'];

/** Where each phase starts and ends on the bar, in percent. A dry run ends after checking (then 100). */
const PHASE_SPAN: Readonly<Record<ImportPhase, readonly [number, number]>> = {
  reading: [0, 30],
  checking: [30, 60],
  writing: [60, 100],
};

/**
 * The bar's percent (0–100, whole numbers) for one progress line. A phase with an unknown total stays at its
 * start until its total is known.
 *
 * @example progressPercent({ phase: 'writing', done: 50, total: 100 }) // 80
 */
export function progressPercent(progress: ImportProgress): number {
  const [start, end] = PHASE_SPAN[progress.phase];
  if (progress.total === null || progress.total <= 0) return start;
  const fraction = Math.min(1, Math.max(0, progress.done / progress.total));
  return Math.floor(start + fraction * (end - start));
}

/** One line of the stream, told apart. */
export type ImportStreamLine =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'report'; readonly report: ImportReportBody }
  | { readonly type: 'problem'; readonly problem: ProblemBody; readonly report: ImportReportBody | null }
  | { readonly type: 'unknown' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPhase(value: unknown): value is ImportPhase {
  return value === 'reading' || value === 'checking' || value === 'writing';
}

/** A report as the server sends it (validated there with the contract's schema): its counts and errors. */
function isReport(value: unknown): value is ImportReportBody {
  return (
    isRecord(value) &&
    typeof value.rowsRead === 'number' &&
    typeof value.errorCount === 'number' &&
    Array.isArray(value.errors)
  );
}

/**
 * Tells a parsed line apart: progress, the final report, or a problem (a 403 for a kind the user may not
 * import, a refused commit carrying its report, …), by the shape core/contracts/import.ts
 * `importStreamLineSchema` defines. A refused commit's report is read with the contract's own schema
 * (lib/api/problem-extensions.ts).
 */
export function classifyStreamLine(line: unknown): ImportStreamLine {
  if (!isRecord(line)) return { type: 'unknown' };
  if (isPhase(line.phase) && typeof line.done === 'number') {
    const total = typeof line.total === 'number' ? line.total : null;
    return { type: 'progress', progress: { phase: line.phase, done: line.done, total } };
  }
  if (isReport(line.report)) return { type: 'report', report: line.report };
  if (isRecord(line.problem)) {
    const problem: Record<string, unknown> = line.problem;
    const report = readRejectedReport(problem);
    const body = toProblemBody({ issues: [], ...problem });
    if (body !== null) return { type: 'problem', problem: body, report };
  }
  return { type: 'unknown' };
}
