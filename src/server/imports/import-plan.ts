/**
 * What the table kinds' plans share (kinds/data.ts, targets.ts, assessments.ts, reported.ts): a plan is the
 * ingest report (every error, the create / update / unchanged counts) and the rows to write, keyed by database
 * ids. The stored values the rows are classified against are fetched in ONE query per import (the file's org
 * units × data elements × periods, or the scorecard's rows), never per row. Writes nothing.
 */

import type { ImportErrorBody, ImportNotice } from '../../core/contracts/import.ts';
import { badRequest } from '../../core/errors/problem.ts';
import {
  findStoredWhere,
  type ImportTable,
  type RowValues,
  type Scalar,
  type StoredRow,
} from '../../db/repositories/import-values.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Table } from '../../ingest/index.ts';
import {
  createCodeLookup,
  type ImportMetadata,
  normalizePeriod,
  type ScorecardIndicators,
} from './import-metadata.ts';
import type { ProgressReporter } from './progress.ts';

/** One row to write: its key and values by column, and codes for people reading the change list. */
export interface PlannedWrite {
  readonly key: RowValues;
  readonly values: RowValues;
  readonly labels: Readonly<Record<string, string | null>>;
  /** The org unit and organisation it concerns (null for a target of a group or of every unit). */
  readonly orgUnitId: number | null;
  readonly rootId: number | null;
}

export interface PlanReport {
  readonly rowsRead: number;
  readonly toCreate: number;
  readonly toUpdate: number;
  readonly unchanged: number;
  readonly errors: readonly ImportErrorBody[];
  readonly errorCount: number;
  readonly errorsNotListed: number;
  readonly ignoredColumns: readonly string[];
}

export interface ImportPlan {
  readonly table: ImportTable;
  readonly report: PlanReport;
  /** Rows the check classified as create or update. */
  readonly writes: readonly PlannedWrite[];
  /** Value columns where a null in the file keeps the stored text (an empty comment is "no comment given"). */
  readonly keepWhenNull: readonly string[];
  /** Remarks for the report that are not errors (a converted file, a column read another way). */
  readonly notices?: readonly ImportNotice[];
}

export interface PlanInput {
  readonly db: Executor;
  readonly table: Table;
  readonly meta: ImportMetadata;
  readonly scorecard?: string;
  readonly progress: ProgressReporter;
}

export interface Resolved {
  readonly units: Map<string, { id: number; rootId: number; code: string }>;
  readonly periods: Set<string>;
}

export async function collect<R>(rows: AsyncIterable<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** Yields the rows while reporting the checking phase. */
export function* checking<R>(rows: readonly R[], progress: ProgressReporter): Generator<R> {
  progress.report('checking', 0, rows.length);
  let done = 0;
  for (const row of rows) {
    yield row;
    done += 1;
    if (done % 1000 === 0 || done === rows.length) progress.report('checking', done, rows.length);
  }
}

/** The org units and periods a file names (as far as they resolve), for the bulk fetch of stored rows. */
export function resolveKeys(
  meta: ImportMetadata,
  unitTexts: Iterable<string>,
  periodTexts: Iterable<string>,
): Resolved {
  const findRef = createCodeLookup(meta.orgUnitRefs);
  const units = new Map<string, { id: number; rootId: number; code: string }>();
  for (const text of unitTexts) {
    const code = findRef(text.trim())?.code;
    const unit = code === undefined ? undefined : meta.unitsByCode.get(code);
    if (unit !== undefined) units.set(unit.code, { id: unit.id, rootId: unit.rootId, code: unit.code });
  }
  const periods = new Set<string>();
  for (const text of periodTexts) {
    const id = normalizePeriod(text.trim());
    if (id !== null) periods.add(id);
  }
  return { units, periods };
}

export function distinctNumbers(values: Iterable<number>): number[] {
  return [...new Set(values)];
}

export function fetchOrNothing(
  db: Executor,
  table: ImportTable,
  filters: Record<string, readonly Scalar[]>,
): Promise<StoredRow[]> {
  return Object.values(filters).some((v) => v.length === 0)
    ? Promise.resolve([])
    : findStoredWhere(db, table, filters);
}

export function unitOf(meta: ImportMetadata, code: string): { id: number; rootId: number } {
  const unit = meta.unitsByCode.get(code);
  if (unit === undefined) throw new Error(`org unit ${code} vanished during the import`);
  return unit;
}

/** The scorecard an import of targets or assessments belongs to: the one named, or the only one there is. */
export function chooseScorecard(meta: ImportMetadata, code: string | undefined): ScorecardIndicators {
  if (code !== undefined) {
    const found = createCodeLookup(meta.scorecards)(code);
    if (found === undefined) throw badRequest('import.unknown-scorecard', { code }, ['scorecard']);
    return found;
  }
  const [only, ...others] = meta.scorecards.values();
  if (only !== undefined && others.length === 0) return only;
  throw badRequest('import.name-the-scorecard', {}, ['scorecard']);
}
