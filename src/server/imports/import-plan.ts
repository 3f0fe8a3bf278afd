/**
 * Turns a table into an import plan: the ingest report (every error, the create / update / unchanged counts)
 * and the rows to write, keyed by database ids. The stored values the rows are classified against are fetched
 * in ONE query per import (the file's org units × data elements × periods, or the scorecard's rows), never per
 * row. Writes nothing.
 */

import type { ImportErrorBody } from '../../core/contracts/import.ts';
import { badRequest } from '../../core/errors/problem.ts';
import {
  findStoredWhere,
  type ImportTable,
  type RowValues,
  type Scalar,
  type StoredRow,
} from '../../db/repositories/import-values.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  checkAssessments,
  checkDataValues,
  checkTargets,
  type OrgUnitRef,
  readAssessmentRows,
  readDataValueRows,
  readTargetRows,
  type Table,
  type TableRow,
  type TargetValues,
} from '../../ingest/index.ts';
import {
  createCodeLookup,
  type ImportMetadata,
  normalizePeriod,
  type ScorecardIndicators,
} from './import-metadata.ts';
import type { ProgressReporter } from './progress.ts';
import { checkReportedValues, indexReportedHeader } from './reported-rows.ts';

export type TableKind = 'data' | 'targets' | 'assessments' | 'reported';

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
}

export interface PlanInput {
  readonly db: Executor;
  readonly table: Table;
  readonly meta: ImportMetadata;
  readonly scorecard?: string;
  readonly progress: ProgressReporter;
}

interface Resolved {
  readonly units: Map<string, { id: number; rootId: number; code: string }>;
  readonly periods: Set<string>;
}

async function collect<R>(rows: AsyncIterable<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** Yields the rows while reporting the checking phase. */
function* checking<R>(rows: readonly R[], progress: ProgressReporter): Generator<R> {
  progress.report('checking', 0, rows.length);
  let done = 0;
  for (const row of rows) {
    yield row;
    done += 1;
    if (done % 1000 === 0 || done === rows.length) progress.report('checking', done, rows.length);
  }
}

/** The org units and periods a file names (as far as they resolve), for the bulk fetch of stored rows. */
function resolveKeys(
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

function distinctNumbers(values: Iterable<number>): number[] {
  return [...new Set(values)];
}

function fetchOrNothing(
  db: Executor,
  table: ImportTable,
  filters: Record<string, readonly Scalar[]>,
): Promise<StoredRow[]> {
  return Object.values(filters).some((v) => v.length === 0)
    ? Promise.resolve([])
    : findStoredWhere(db, table, filters);
}

function unitOf(meta: ImportMetadata, code: string): { id: number; rootId: number } {
  const unit = meta.unitsByCode.get(code);
  if (unit === undefined) throw new Error(`org unit ${code} vanished during the import`);
  return unit;
}

/** The scorecard an import of targets or assessments belongs to: the one named, or the only one there is. */
export function chooseScorecard(meta: ImportMetadata, code: string | undefined): ScorecardIndicators {
  if (code !== undefined) {
    const found = createCodeLookup(meta.scorecards)(code);
    if (found === undefined) throw badRequest(`There is no scorecard "${code}".`, ['scorecard']);
    return found;
  }
  const [only, ...others] = meta.scorecards.values();
  if (only !== undefined && others.length === 0) return only;
  throw badRequest('Name the scorecard this file belongs to (scorecard=CODE, or --scorecard CODE).', [
    'scorecard',
  ]);
}

async function planData(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const formatted = readDataValueRows(input.table);
  const rows = await collect(formatted.rows);
  const keys = resolveKeys(
    meta,
    rows.map((r) => r.orgUnit.text),
    rows.map((r) => r.period.text),
  );
  const findElement = createCodeLookup(meta.elementsByCode);
  const elements = new Map<number, string>();
  for (const row of rows) {
    for (const cell of row.values) {
      const element = findElement(cell.dataElement.text.trim());
      if (element !== undefined) elements.set(element.id, element.code);
    }
  }
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'data_value', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    org_unit_id: units.map((u) => u.id),
    data_element_id: [...elements.keys()],
    period_id: [...keys.periods],
  });
  const unitCodes = new Map(units.map((u) => [u.id, u.code]));
  const existing = new Map<string, number>();
  for (const row of stored) {
    const code = unitCodes.get(Number(row.key.org_unit_id));
    const element = elements.get(Number(row.key.data_element_id));
    existing.set([code, row.key.period_id, element].join('\u0000'), Number(row.values.value));
  }
  const report = await checkDataValues(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    dataElements: meta.elementRefs,
    normalizePeriod,
    existing: (k) => existing.get([k.orgUnit, k.period, k.dataElement].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const record of report.records) {
    if (record.action === 'unchanged') continue;
    const unit = unitOf(meta, record.orgUnit);
    const element = meta.elementsByCode.get(record.dataElement);
    if (element === undefined) continue;
    writes.push({
      key: {
        root_id: unit.rootId,
        org_unit_id: unit.id,
        data_element_id: element.id,
        period_id: record.period,
      },
      values: { value: record.value, comment: record.comment },
      labels: { orgUnit: record.orgUnit, dataElement: record.dataElement },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    });
  }
  return {
    table: 'data_value',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: ['comment'],
  };
}

async function planTargets(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const scorecard = chooseScorecard(meta, input.scorecard);
  const formatted = readTargetRows(input.table);
  const rows = await collect(formatted.rows);
  const stored = await findStoredWhere(input.db, 'target', { scorecard_id: [scorecard.id] });
  const unitCodes = new Map([...meta.unitsByCode.values()].map((u) => [u.id, u.code]));
  const groupCodes = new Map([...meta.groupsByCode.values()].map((g) => [g.id, g.code]));
  const existing = new Map<string, TargetValues>();
  for (const row of stored) {
    if (row.key.level !== null) continue; // targets by tree level are not addressed by files
    const unit = row.key.org_unit_id === null ? null : (unitCodes.get(Number(row.key.org_unit_id)) ?? null);
    const group =
      row.key.org_unit_group_id === null ? null : (groupCodes.get(Number(row.key.org_unit_group_id)) ?? null);
    const scope = unit !== null ? 'unit' : group !== null ? 'group' : 'all';
    const v = row.values;
    existing.set([scope, unit ?? group ?? '', row.key.period_id, row.key.indicator_code].join('\u0000'), {
      target: v.target === null ? null : Number(v.target),
      reference: v.reference === null ? null : Number(v.reference),
      lower: v.lower === null ? null : Number(v.lower),
      upper: v.upper === null ? null : Number(v.upper),
    });
  }
  const groupRefs = new Map<string, OrgUnitRef>(
    [...meta.groupsByCode.keys()].map((code) => [code, { code }]),
  );
  const report = await checkTargets(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    orgUnitGroups: groupRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => existing.get([k.scope, k.orgUnit ?? '', k.period, k.indicator].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = r.scope === 'unit' && r.orgUnit !== null ? unitOf(meta, r.orgUnit) : null;
    const group = r.scope === 'group' && r.orgUnit !== null ? meta.groupsByCode.get(r.orgUnit) : undefined;
    writes.push({
      key: {
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        period_id: r.period,
        org_unit_id: unit?.id ?? null,
        org_unit_group_id: group?.id ?? null,
        level: null,
      },
      values: { target: r.target, lower: r.lower, upper: r.upper, reference: r.reference, source: r.source },
      labels: {
        scorecard: scorecard.code,
        orgUnit: unit === null ? null : r.orgUnit,
        orgUnitGroup: group?.code ?? null,
      },
      orgUnitId: unit?.id ?? null,
      rootId: unit?.rootId ?? null,
    });
  }
  return {
    table: 'target',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: ['source'],
  };
}

async function planAssessments(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const scorecard = chooseScorecard(meta, input.scorecard);
  const formatted = readAssessmentRows(input.table);
  const rows = await collect(formatted.rows);
  const keys = resolveKeys(
    meta,
    rows.map((r) => r.orgUnit.text),
    rows.map((r) => r.period.text),
  );
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'assessment', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    scorecard_id: [scorecard.id],
    org_unit_id: units.map((u) => u.id),
    period_id: [...keys.periods],
  });
  const unitCodes = new Map(units.map((u) => [u.id, u.code]));
  const existing = new Map<string, { score: number; evidence: string | null }>();
  for (const row of stored) {
    const k = row.key;
    existing.set(
      [unitCodes.get(Number(k.org_unit_id)), k.period_id, k.indicator_code, k.rater].join('\u0000'),
      {
        score: Number(row.values.score),
        evidence: row.values.evidence === null ? null : String(row.values.evidence),
      },
    );
  }
  const report = await checkAssessments(checking(rows, input.progress), {
    orgUnits: meta.orgUnitRefs,
    indicators: scorecard.indicators,
    normalizePeriod,
    existing: (k) => existing.get([k.orgUnit, k.period, k.indicator, k.rater].join('\u0000')),
  });
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = unitOf(meta, r.orgUnit);
    writes.push({
      key: {
        root_id: unit.rootId,
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        org_unit_id: unit.id,
        period_id: r.period,
        rater: r.rater,
      },
      values: { score: r.score, evidence: r.evidence },
      labels: { scorecard: scorecard.code, orgUnit: r.orgUnit },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    });
  }
  return {
    table: 'assessment',
    report: { ...report, ignoredColumns: formatted.ignoredColumns },
    writes,
    keepWhenNull: [],
  };
}

async function planReported(input: PlanInput): Promise<ImportPlan> {
  const { meta } = input;
  const defaultScorecard =
    input.scorecard === undefined ? undefined : chooseScorecard(meta, input.scorecard).code;
  const { index } = indexReportedHeader(input.table);
  const rows: TableRow[] = await collect(input.table.rows);
  const cellOf = (row: TableRow, column: 'org_unit' | 'scorecard'): string => {
    const i = index.get(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const keys = resolveKeys(
    meta,
    rows.map((r) => cellOf(r, 'org_unit')),
    [],
  );
  const findScorecard = createCodeLookup(meta.scorecards);
  const scorecardIds = new Map<number, string>();
  for (const row of rows) {
    const text = cellOf(row, 'scorecard') || defaultScorecard || '';
    const found = findScorecard(text);
    if (found !== undefined) scorecardIds.set(found.id, found.code);
  }
  const units = [...keys.units.values()];
  const stored = await fetchOrNothing(input.db, 'reported_value', {
    root_id: distinctNumbers(units.map((u) => u.rootId)),
    scorecard_id: [...scorecardIds.keys()],
    org_unit_id: units.map((u) => u.id),
  });
  const unitCodes = new Map([...meta.unitsByCode.values()].map((u) => [u.id, u.code]));
  const existing = new Map<string, number>();
  for (const row of stored) {
    const k = row.key;
    const key = [
      unitCodes.get(Number(k.org_unit_id)),
      k.period_id,
      scorecardIds.get(Number(k.scorecard_id)),
      k.indicator_code,
    ];
    existing.set(key.join('\u0000'), Number(row.values.value));
  }
  const report = await checkReportedValues(
    { header: input.table.header, headerLine: input.table.headerLine, rows: checking(rows, input.progress) },
    {
      orgUnits: meta.orgUnitRefs,
      scorecards: meta.scorecards,
      normalizePeriod,
      ...(defaultScorecard === undefined ? {} : { defaultScorecard }),
      existing: (k) => existing.get([k.orgUnit, k.period, k.scorecard, k.indicator].join('\u0000')),
    },
  );
  const writes: PlannedWrite[] = [];
  for (const r of report.records) {
    if (r.action === 'unchanged') continue;
    const unit = unitOf(meta, r.orgUnit);
    const scorecard = meta.scorecards.get(r.scorecard);
    if (scorecard === undefined) continue;
    writes.push({
      key: {
        root_id: unit.rootId,
        scorecard_id: scorecard.id,
        indicator_code: r.indicator,
        org_unit_id: unit.id,
        period_id: r.period,
      },
      values: { value: r.value, comment: r.comment },
      labels: { scorecard: scorecard.code, orgUnit: r.orgUnit },
      orgUnitId: unit.id,
      rootId: unit.rootId,
    });
  }
  return { table: 'reported_value', report, writes, keepWhenNull: ['comment'] };
}

/** Reads and checks a table of the given kind against the database; writes nothing. */
export function planImport(kind: TableKind, input: PlanInput): Promise<ImportPlan> {
  switch (kind) {
    case 'data':
      return planData(input);
    case 'targets':
      return planTargets(input);
    case 'assessments':
      return planAssessments(input);
    case 'reported':
      return planReported(input);
  }
}
