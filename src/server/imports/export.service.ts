/**
 * Files users download: the wide data-entry template of a scorecard, and exports of data values, targets,
 * assessments and reported values in the import formats, so an export edited and imported again round-trips
 * (README.md of src/ingest, "Formats"). Scorecard files are exported by the scorecard service.
 */
import { stringify } from 'yaml';
import { inScope } from '../../core/access/scope.ts';
import type { ExportAuditQuery } from '../../core/contracts/audit.ts';
import type { ExportDataValuesQuery, TemplateQuery } from '../../core/contracts/import.ts';
import { badRequest } from '../../core/errors/problem.ts';
import { periodRange } from '../../core/periods/index.ts';
import { listAssessments } from '../../db/repositories/assessment.repository.ts';
import { listAuditEntries } from '../../db/repositories/audit-query.repository.ts';
import { listDataValues } from '../../db/repositories/data-value.repository.ts';
import {
  loadImportDataElements,
  loadImportOrgUnits,
  loadScorecardUnitPaths,
} from '../../db/repositories/import.repository.ts';
import type { PageRows, PageWindow } from '../../db/repositories/query-helpers.ts';
import { listReportedValues } from '../../db/repositories/reported-value.repository.ts';
import { findStructureVersion } from '../../db/repositories/scorecard.repository.ts';
import { listTargets } from '../../db/repositories/target.repository.ts';
import { buildWideTemplate, type TableCellValue, type TableFormat, writeTable } from '../../ingest/index.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireAdministrator, requireReadableUnit } from '../services/access.ts';
import { resolveAuditFilter } from '../services/audit.service.ts';
import { requireScorecard } from '../services/lookups.ts';
import { exportScorecard } from '../services/scorecards.service.ts';
import { resolveValueFilter } from '../services/value-filters.ts';

/** A file to send: its bytes, a name for `Content-Disposition`, and its media type. */
export interface DownloadFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
}

export const CONTENT_TYPES: Readonly<Record<TableFormat | 'yaml' | 'json', string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  yaml: 'application/yaml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The most rows a template may have (org units × periods): a larger one is a mistake in the range. */
export const MAX_TEMPLATE_ROWS = 200_000;
const PAGE = 10_000;

/** Every row of a paged list, a page at a time. */
async function* allPages<T>(list: (window: PageWindow) => Promise<PageRows<T>>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await list({ limit: PAGE, offset });
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

async function* mapRows<T>(
  rows: AsyncIterable<T>,
  map: (row: T) => TableCellValue[],
): AsyncGenerator<TableCellValue[]> {
  for await (const row of rows) yield map(row);
}

function download(bytes: Uint8Array, base: string, format: TableFormat): DownloadFile {
  return { bytes, fileName: `${base}.${format}`, contentType: CONTENT_TYPES[format] };
}

/**
 * The wide template of a scorecard's data elements (`org_unit,period,<codes>`, a `#names` row, one empty row per
 * org unit × period). Units: `orgUnit` and its subtree, else the units the scorecard applies to (with their
 * subtrees unless told otherwise), else every unit; always only units the actor reads. Periods: `from`…`to`,
 * default the current month.
 *
 * @example await buildTemplate(ctx, actor, 'NHS-BEDS', { format: 'csv', from: '2025-01', to: '2025-03' })
 */
export async function buildTemplate(
  ctx: ServerContext,
  actor: Actor,
  code: string,
  query: TemplateQuery,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, code);
  const structure = await findStructureVersion(db, scorecard.id);
  const definition = structure?.definition;
  const declared =
    typeof definition === 'object' &&
    definition !== null &&
    !Array.isArray(definition) &&
    Array.isArray(definition.dataElements)
      ? definition.dataElements.flatMap((e) =>
          typeof e === 'object' && e !== null && !Array.isArray(e) && typeof e.code === 'string'
            ? [e.code]
            : [],
        )
      : [];
  const elements = new Map((await loadImportDataElements(db)).map((e) => [e.code, e]));
  const dataElements = declared.flatMap((c) => {
    const e = elements.get(c);
    return e === undefined
      ? []
      : [{ code: e.code, name: e.nameZh === null ? { en: e.nameEn } : { en: e.nameEn, zh: e.nameZh } }];
  });
  const scope = readScope(actor);
  const units = (await loadImportOrgUnits(db)).filter((u) => inScope(scope, u.path));
  let chosen = units;
  if (query.orgUnit !== undefined) {
    const unit = await requireReadableUnit(db, actor, query.orgUnit);
    chosen = units.filter((u) => u.path.startsWith(unit.path));
  } else {
    const applies = await loadScorecardUnitPaths(db, scorecard.id);
    if (applies.length > 0) {
      chosen = units.filter((u) =>
        applies.some((a) => (a.includeDescendants ? u.path.startsWith(a.path) : u.path === a.path)),
      );
    }
  }
  const current = ctx.now().toISOString().slice(0, 7);
  const from = query.from ?? query.to ?? current;
  const to = query.to ?? query.from ?? current;
  const periods = periodRange(from, to);
  if (chosen.length * periods.length > MAX_TEMPLATE_ROWS) {
    throw badRequest(
      `The template would have ${chosen.length * periods.length} rows (${chosen.length} org units × ${periods.length} periods); ` +
        `narrow it with orgUnit, from and to (at most ${MAX_TEMPLATE_ROWS}).`,
      ['to'],
    );
  }
  const bytes = await buildWideTemplate({ dataElements, orgUnits: chosen, periods, format: query.format });
  return download(bytes, `${scorecard.code}-template-${from}${to === from ? '' : `_${to}`}`, query.format);
}

/** Data values in the long import format `org_unit,period,data_element,value,comment`, within the actor's scope. */
export async function exportDataValues(
  ctx: ServerContext,
  actor: Actor,
  query: ExportDataValuesQuery,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const filter = await resolveValueFilter(db, actor, { ...query, limit: 1, offset: 0 });
  const elements = new Map((await loadImportDataElements(db)).map((e) => [e.code, e.id]));
  const dataElementIds = query.dataElement?.map((code, i) => {
    const id = elements.get(code);
    if (id === undefined) throw badRequest(`There is no data element '${code}'.`, ['dataElement', i]);
    return id;
  });
  const rows = allPages((window) =>
    listDataValues(db, { ...filter, ...(dataElementIds === undefined ? {} : { dataElementIds }) }, window),
  );
  const bytes = await writeTable(
    ['org_unit', 'period', 'data_element', 'value', 'comment'],
    mapRows(rows, (r) => [r.orgUnitCode, r.periodId, r.dataElementCode, r.value, r.comment]),
    query.format,
    { textColumns: [0, 1, 2] },
  );
  return download(bytes, 'data-values', query.format);
}

/**
 * Targets, assessments or reported values of a scorecard in their import formats, within the actor's scope.
 * Targets set by tree level have no place in the target file format (its org_unit column holds a unit or a
 * group) and are left out.
 */
export async function exportScorecardTable(
  ctx: ServerContext,
  actor: Actor,
  kind: 'targets' | 'assessments' | 'reported',
  scorecardCode: string,
  format: TableFormat,
): Promise<DownloadFile> {
  const db = ctx.db.kysely;
  const scorecard = await requireScorecard(db, scorecardCode);
  const base = `${scorecard.code}-${kind}`;
  const scope = readScope(actor);
  if (kind === 'targets') {
    const rows = allPages((window) =>
      listTargets(db, { scorecardId: scorecard.id, unitScope: scope }, window),
    );
    const bytes = await writeTable(
      ['org_unit', 'period', 'indicator', 'target', 'reference', 'lower', 'upper', 'source'],
      (async function* () {
        for await (const t of rows) {
          if (t.level !== null) continue;
          yield [
            t.orgUnitCode ?? t.orgUnitGroupCode ?? '',
            t.periodId,
            t.indicatorCode,
            t.target,
            t.reference,
            t.lower,
            t.upper,
            t.source,
          ];
        }
      })(),
      format,
      { textColumns: [0, 1, 2] },
    );
    return download(bytes, base, format);
  }
  if (kind === 'assessments') {
    const rows = allPages((window) => listAssessments(db, { scorecardId: scorecard.id, scope }, window));
    const bytes = await writeTable(
      ['org_unit', 'period', 'indicator', 'rater', 'score', 'evidence'],
      mapRows(rows, (a) => [a.orgUnitCode, a.periodId, a.indicatorCode, a.rater, a.score, a.evidence]),
      format,
      { textColumns: [0, 1, 2, 3] },
    );
    return download(bytes, base, format);
  }
  const rows = allPages((window) => listReportedValues(db, { scorecardId: scorecard.id, scope }, window));
  const bytes = await writeTable(
    ['org_unit', 'period', 'scorecard', 'indicator', 'value', 'comment'],
    mapRows(rows, (r) => [r.orgUnitCode, r.periodId, r.scorecardCode, r.indicatorCode, r.value, r.comment]),
    format,
    { textColumns: [0, 1, 2, 3] },
  );
  return download(bytes, base, format);
}

/** The scorecard file (current version) as YAML or JSON: importing it gives back the same scorecard. */
export async function exportScorecardFile(
  ctx: ServerContext,
  actor: Actor,
  code: string,
  format: 'yaml' | 'json',
): Promise<DownloadFile> {
  const file = await exportScorecard(ctx, actor, { code });
  const text = format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : stringify(file);
  return {
    bytes: new TextEncoder().encode(text),
    fileName: `${file.code}.${format === 'json' ? 'json' : 'yaml'}`,
    contentType: CONTENT_TYPES[format],
  };
}

/**
 * The audit trail the filters match, oldest first, as CSV or XLSX (installation admins only): who, when, from
 * which address, what (entity and key, with the org unit), old → new (as JSON text) and why.
 */
export async function exportAuditTrail(
  ctx: ServerContext,
  actor: Actor,
  query: ExportAuditQuery,
): Promise<DownloadFile> {
  requireAdministrator(actor);
  const db = ctx.db.kysely;
  const filter = await resolveAuditFilter(db, actor, query);
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const rows = allPages((window) => listAuditEntries(db, filter, window, { order: 'asc' }));
  const bytes = await writeTable(
    [
      'id',
      'occurred_at',
      'actor',
      'address',
      'action',
      'entity',
      'entity_key',
      'org_unit',
      'old_value',
      'new_value',
      'reason',
    ],
    mapRows(rows, (r) => [
      r.id,
      r.occurredAt.toISOString(),
      r.actor,
      r.address,
      r.action,
      r.entity,
      r.entityKey,
      r.orgUnitCode,
      json(r.oldValue),
      json(r.newValue),
      r.reason,
    ]),
    query.format,
    { textColumns: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  );
  return download(bytes, 'audit-trail', query.format);
}
