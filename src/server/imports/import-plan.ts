/**
 * What the table kinds' plans share (kinds/data.ts, targets.ts, assessments.ts, reported.ts): a plan is the
 * ingest report (every error, the create / update / unchanged counts) and the rows to write, keyed by database
 * ids. The stored values the rows are classified against are fetched in ONE query per import (the file's org
 * units × data elements × periods, or the scorecard's rows), never per row. Writes nothing.
 */

import type { ImportNotice, ImportViolation } from '../../core/contracts/import.ts';
import { badRequest } from '../../core/errors/problem.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  findStoredWhere,
  type RowValues,
  type Scalar,
  type StoredRow,
} from '../../db/repositories/value-store.repository.ts';
import { VALUE_TABLES, type ValueTableName } from '../../db/repositories/value-tables.ts';
import type { FormatRows, ImportAction, ImportReport, Table } from '../../ingest/index.ts';
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

/** The check's report without its records (a file may hold 100,000), and the header cells the format ignored. */
export type PlanReport = Omit<ImportReport<unknown>, 'records'> & {
  readonly ignoredColumns: readonly string[];
  /** Validation rules the file's values break (data files; absent when none). */
  readonly violations?: ImportViolation[];
};

export interface ImportPlan {
  readonly table: ValueTableName;
  readonly report: PlanReport;
  /** Rows the check classified as create or update. */
  readonly writes: readonly PlannedWrite[];
  /**
   * The table's attribute columns the file does not have: the commit keeps what is stored in them (read again
   * under lock), where a column the file has is written as the file says, an empty cell clearing it.
   */
  readonly keptColumns: readonly string[];
  /** Remarks for the report that are not errors (a converted file, a column read another way). */
  readonly notices?: readonly ImportNotice[];
  /** Why the commit goes ahead despite violations of rules of importance `high`, and which: audited. */
  readonly ruleOverride?: RuleOverride;
}

/** The reason an importer gave to commit values that break rules of importance `high`, and those rules. */
export interface RuleOverride {
  readonly reason: string;
  readonly violations: readonly {
    readonly rule: string;
    readonly orgUnit: string;
    readonly period: string;
    readonly rows: readonly number[];
  }[];
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

/** Rows checked between two turns of the event loop: about a millisecond of checking. */
const ROWS_PER_TURN = 2000;

/** Lets the event loop serve other requests (a macrotask turn, not a microtask). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Yields the rows while reporting the checking phase, giving the event loop a turn every ROWS_PER_TURN rows:
 * checking two million rows takes seconds, and other clients' requests are answered in between.
 */
export async function* checking<R>(rows: readonly R[], progress: ProgressReporter): AsyncGenerator<R> {
  progress.report('checking', 0, rows.length);
  let done = 0;
  for (const row of rows) {
    yield row;
    done += 1;
    if (done % 1000 === 0 || done === rows.length) progress.report('checking', done, rows.length);
    if (done % ROWS_PER_TURN === 0) await nextTurn();
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
  table: ValueTableName,
  filters: Record<string, readonly Scalar[]>,
): Promise<StoredRow[]> {
  return Object.values(filters).some((v) => v.length === 0)
    ? Promise.resolve([])
    : findStoredWhere(db, table, filters);
}

/**
 * The attribute columns of `table` (db/repositories/value-tables.ts) that a file's format left out
 * (`FormatRows.absentColumns` of ingest): the plan's `keptColumns`.
 *
 * @example keptColumns('data_value', ['comment']) // ['comment']
 */
export function keptColumns(table: ValueTableName, absent: readonly string[]): string[] {
  return VALUE_TABLES[table].attributes.filter((column) => absent.includes(column));
}

/**
 * The plan of a table kind: the check's report, the writes of the records it found to create or update (`write`
 * returns null for a record it cannot place) and the attribute columns the file lacks.
 */
export function tablePlan<R extends { readonly action: ImportAction }>(
  table: ValueTableName,
  report: ImportReport<R>,
  formatted: Pick<FormatRows<unknown>, 'ignoredColumns' | 'absentColumns'>,
  write: (record: R) => PlannedWrite | null,
): ImportPlan {
  const writes = report.records.flatMap((record) => {
    const planned = record.action === 'unchanged' ? null : write(record);
    return planned === null ? [] : [planned];
  });
  return {
    table,
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keptColumns: keptColumns(table, formatted.absentColumns),
  };
}

/**
 * The stored rows by a key of codes, as the checks ask for them (`existing(key)`): `keyOf` gives a row's key
 * parts, `compared` what the check compares.
 */
export function storedLookup<T>(
  rows: readonly StoredRow[],
  keyOf: (row: StoredRow) => readonly unknown[],
  compared: (row: StoredRow) => T,
): (...key: readonly unknown[]) => T | undefined {
  const found = new Map(rows.map((row) => [keyOf(row).join('\u0000'), compared(row)]));
  return (...key) => found.get(key.join('\u0000'));
}

/** A stored text column (null when empty). */
export function storedText(row: StoredRow, column: string): string | null {
  const value = row.values[column];
  return value === null || value === undefined ? null : String(value);
}

/** A stored number column (null when empty). */
export function storedNumber(row: StoredRow, column: string): number | null {
  const value = row.values[column];
  return value === null || value === undefined ? null : Number(value);
}

/**
 * The write of a reported value or an assessment of `scorecard`: keyed by organisation, scorecard, indicator,
 * unit, period and `extraKey` (an assessment's rater).
 */
export function indicatorValueWrite(
  meta: ImportMetadata,
  scorecard: { readonly id: number; readonly code: string },
  record: { readonly orgUnit: string; readonly period: string; readonly indicator: string },
  values: RowValues,
  extraKey: RowValues = {},
): PlannedWrite {
  const unit = unitOf(meta, record.orgUnit);
  return {
    key: {
      root_id: unit.rootId,
      scorecard_id: scorecard.id,
      indicator_code: record.indicator,
      org_unit_id: unit.id,
      period_id: record.period,
      ...extraKey,
    },
    values,
    labels: { scorecard: scorecard.code, orgUnit: record.orgUnit },
    orgUnitId: unit.id,
    rootId: unit.rootId,
  };
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
