/**
 * What the import checks are given (the known codes, the period rule, the stored values) and what they give
 * back (records), plus the cell checks the three of them share.
 */
import { isPlausibleNumber, MAX_PLAUSIBLE_MAGNITUDE } from '../core/guard/edge-checks.ts';
import type { IndicatorKind } from '../core/indicators/indicator.ts';
import type { DataElementFile } from '../core/scorecard/scorecard-schema.ts';
import {
  type ImportAction,
  type ImportErrorCode,
  type ReportBuilder,
  type RowErrorParams,
  rowError,
} from './import-report.ts';
import { type ParsedNumber, parseNumber } from './parse-number.ts';
import type { Cell, RowProblem } from './row-formats.ts';

export interface OrgUnitRef {
  readonly code: string;
}

export interface DataElementRef {
  readonly code: string;
  readonly valueType: DataElementFile['valueType'];
  /** The one period type its values are reported for (the server always says); absent: not checked. */
  readonly periodType?: 'month' | 'quarter' | 'year';
  readonly min?: number;
  readonly max?: number;
}

export interface IndicatorRef {
  readonly code: string;
  readonly kind: IndicatorKind;
  /** `%` lets targets be written with a trailing `%`. */
  readonly unit?: string;
}

/** Normalises a period id (`2024-03`, `2024Q1`, `2024`) or returns null when it is not one (core/periods). */
export type PeriodNormalizer = (id: string) => string | null;

export interface BaseContext {
  /** Known org units by code. Codes match exactly, or ignoring case when that finds exactly one. */
  readonly orgUnits: ReadonlyMap<string, OrgUnitRef>;
  readonly normalizePeriod: PeriodNormalizer;
  /** Errors listed in the report; default 1,000 (the rest are counted). */
  readonly maxErrors?: number;
}

export interface DataValueKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly dataElement: string;
}

/** A stored value and its comment: what an import row is compared with. */
export interface StoredValueRef {
  /** null: stored as "no value". */
  readonly value: number | null;
  readonly comment: string | null;
}

export interface DataValueContext extends BaseContext {
  readonly dataElements: ReadonlyMap<string, DataElementRef>;
  /** The stored value, or undefined when there is none. */
  existing(key: DataValueKey): StoredValueRef | undefined;
}

export interface DataValueRecord extends DataValueKey {
  readonly row: number;
  readonly column: string;
  readonly value: number;
  /** The comment to store: the file's when it has the column (null for an empty cell), else the stored one. */
  readonly comment: string | null;
  readonly action: ImportAction;
}

export type TargetScope = 'all' | 'unit' | 'group';

export interface TargetKey {
  /** `all`: every unit of the scorecard (empty org_unit); `group`: an org-unit group's code. */
  readonly scope: TargetScope;
  readonly orgUnit: string | null;
  readonly period: string;
  readonly indicator: string;
}

export interface TargetValues {
  readonly target: number | null;
  readonly reference: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A stored target: its figures and where it came from. */
export interface StoredTargetRef extends TargetValues {
  readonly source: string | null;
}

export interface TargetContext extends BaseContext {
  readonly indicators: ReadonlyMap<string, IndicatorRef>;
  readonly orgUnitGroups?: ReadonlyMap<string, OrgUnitRef>;
  existing(key: TargetKey): StoredTargetRef | undefined;
}

export interface TargetRecord extends TargetKey, TargetValues {
  readonly row: number;
  /** Like `reference`, the file's when it has the column (null for an empty cell), else the stored one. */
  readonly source: string | null;
  readonly action: ImportAction;
}

export interface AssessmentKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly indicator: string;
  readonly rater: string;
}

export interface AssessmentContext extends BaseContext {
  readonly indicators: ReadonlyMap<string, IndicatorRef>;
  existing(key: AssessmentKey): { readonly score: number; readonly evidence: string | null } | undefined;
}

export interface AssessmentRecord extends AssessmentKey {
  readonly row: number;
  readonly score: number;
  readonly evidence: string | null;
  readonly action: ImportAction;
}

export type Rows<R> = AsyncIterable<R> | Iterable<R>;

/**
 * One attribute of a row (text or a number beside its figures: a comment, evidence, a reference value, a
 * source, a Chinese name): `given` is undefined when the file has no such column, so what is stored stays;
 * null for an empty cell, which clears what is stored. `stored` is undefined when nothing is stored.
 */
export interface Attribute<T> {
  readonly cell: Cell | null;
  readonly given: T | null | undefined;
  readonly stored: T | null | undefined;
}

/**
 * The text of an attribute's cell: undefined for a column the file lacks, null for an empty cell, else trimmed.
 *
 * @example attributeText(null) // undefined
 * @example attributeText({ line: 2, column: 'comment', text: '  ' }) // null
 */
export function attributeText(cell: Cell | null): string | null | undefined {
  if (cell === null) return undefined;
  const text = cell.text.trim();
  return text === '' ? null : text;
}

/**
 * What a row's attribute becomes: the file's where it has the column, else the stored one (null for a new row).
 *
 * @example settled({ cell: null, given: undefined, stored: 'night shift' }) // 'night shift'
 */
export function settled<T>(attribute: Attribute<T>): T | null {
  return attribute.given === undefined ? (attribute.stored ?? null) : attribute.given;
}

/** True when the attribute leaves what is stored as it is (no column, or the same value). */
export function keepsAttribute<T>(
  attribute: Attribute<T>,
  same: (a: T | null, b: T | null) => boolean = (a, b) => a === b,
): boolean {
  return attribute.given === undefined || same(attribute.given, attribute.stored ?? null);
}

/**
 * The columns (headers as written) whose empty cells clear something stored, for the report's `clears`.
 *
 * @example clearedColumns([{ cell: { line: 2, column: '备注', text: '' }, given: null, stored: 'x' }]) // ['备注']
 */
export function clearedColumns(attributes: readonly Attribute<unknown>[]): string[] {
  return attributes.flatMap((a) =>
    a.cell !== null && a.given === null && a.stored !== null && a.stored !== undefined ? [a.cell.column] : [],
  );
}

/** Finds a code: exactly, else ignoring case when exactly one code matches. */
export function createLookup<T>(map: ReadonlyMap<string, T>): (text: string) => T | undefined {
  let folded: Map<string, T[]> | null = null;
  return (text) => {
    const exact = map.get(text);
    if (exact !== undefined) return exact;
    if (folded === null) {
      folded = new Map();
      for (const [code, value] of map) {
        const key = code.toLowerCase();
        folded.set(key, [...(folded.get(key) ?? []), value]);
      }
    }
    const matches = folded.get(text.toLowerCase());
    return matches?.length === 1 ? matches[0] : undefined;
  };
}

/** Two stored numbers are the same when they differ by no more than a float round-trip through a database. */
export function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The cell checks shared by the imports, bound to one report. */
export interface Checker {
  /** Call at the start of each row, before any other method. */
  startRow(line: number, problems: readonly RowProblem[]): void;
  /** Reports an error; an error on a header cell (wide format) is reported once, not once per row. */
  fail<C extends ImportErrorCode>(cell: Cell, code: C, params: RowErrorParams<C>): void;
  /** False (with an error) when the cell holds U+FFFD. */
  decodable(cell: Cell | null): boolean;
  /** The trimmed text of a required cell, or null with a missing-value error. */
  present(cell: Cell): string | null;
  orgUnit(cell: Cell): string | null;
  period(cell: Cell): string | null;
  /** Parses a number cell; reports non-numeric text. */
  number(cell: Cell, options?: { allowPercent?: boolean }): ParsedNumber;
  /** Reports a number outside [min, max] of `of` (a data element's code, a column); true when it is inside. */
  inRange(cell: Cell, value: number, min: number | undefined, max: number | undefined, of: string): boolean;
}

/** How a missing bound of a range is written in an out-of-range error. */
const NO_MIN = '-∞';
const NO_MAX = '+∞';

export function createChecker<R>(report: ReportBuilder<R>, ctx: BaseContext): Checker {
  const findOrgUnit = createLookup(ctx.orgUnits);
  let line = 0;
  const fail = <C extends ImportErrorCode>(cell: Cell, code: C, params: RowErrorParams<C>): void =>
    report.error(
      rowError({ row: cell.line, column: cell.column, value: cell.text }, code, params),
      cell.line !== line,
    );
  return {
    startRow(rowLine, problems) {
      line = rowLine;
      report.row();
      for (const p of problems) report.error({ row: rowLine, ...p });
    },
    fail,
    decodable(cell) {
      if (cell === null || !cell.text.includes('\uFFFD')) return true;
      fail(cell, 'undecodable', {});
      return false;
    },
    present(cell) {
      const text = cell.text.trim();
      if (text === '') fail(cell, 'missing-value', { column: cell.column });
      return text === '' ? null : text;
    },
    orgUnit(cell) {
      const found = findOrgUnit(cell.text.trim());
      if (found === undefined) fail(cell, 'unknown-org-unit', { value: cell.text.trim() });
      return found?.code ?? null;
    },
    period(cell) {
      const normalised = ctx.normalizePeriod(cell.text.trim());
      if (normalised === null) fail(cell, 'unknown-period', {});
      return normalised;
    },
    number(cell, options = {}) {
      const parsed = parseNumber(cell.text, options);
      if (parsed.kind === 'invalid') fail(cell, 'non-numeric', { value: cell.text.trim() });
      // Beyond what any indicator holds (core/guard): refused as the API refuses it, whatever the element's range.
      if (parsed.kind === 'number' && !isPlausibleNumber(parsed.value)) {
        fail(cell, 'out-of-range', {
          of: cell.column,
          min: -MAX_PLAUSIBLE_MAGNITUDE,
          max: MAX_PLAUSIBLE_MAGNITUDE,
        });
        return { kind: 'invalid', reason: 'beyond 1e15 in magnitude' };
      }
      return parsed;
    },
    inRange(cell, value, min, max, of) {
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        fail(cell, 'out-of-range', { of, min: min ?? NO_MIN, max: max ?? NO_MAX });
        return false;
      }
      return true;
    },
  };
}

export async function* each<R>(rows: Rows<R>): AsyncGenerator<R> {
  for await (const row of rows) yield row;
}

export function classify<V>(stored: V | undefined, same: (stored: V) => boolean): ImportAction {
  if (stored === undefined) return 'create';
  return same(stored) ? 'unchanged' : 'update';
}

export function keyOf(...parts: readonly string[]): string {
  return parts.join('\u0000');
}
