/**
 * Files users download: the wide data-entry template of a scorecard, the audit trail, and what the kinds'
 * exports share (kinds/: each kind exports its rows in its import format, so an export edited and imported
 * again round-trips; README.md of src/ingest, "Formats").
 */
import { inScope } from '../../core/access/scope.ts';
import type { ExportAuditQuery } from '../../core/contracts/audit.ts';
import type { TemplateQuery } from '../../core/contracts/import.ts';
import { badRequest } from '../../core/errors/problem.ts';
import { periodRange } from '../../core/periods/index.ts';
import { listAuditEntries } from '../../db/repositories/audit-query.repository.ts';
import {
  loadImportDataElements,
  loadImportOrgUnits,
  loadScorecardUnitPaths,
} from '../../db/repositories/import.repository.ts';
import type { PageRows, PageWindow } from '../../db/repositories/query-helpers.ts';
import { findStructureVersion } from '../../db/repositories/scorecard.repository.ts';
import { buildWideTemplate, type TableCellValue, type TableFormat, writeTable } from '../../ingest/index.ts';
import type { Actor, ServerContext } from '../context.ts';
import { readScope, requireAdministrator, requireReadableUnit } from '../services/access.ts';
import { resolveAuditFilter } from '../services/audit.service.ts';
import { requireScorecard } from '../services/lookups.ts';

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
export async function* allPages<T>(list: (window: PageWindow) => Promise<PageRows<T>>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await list({ limit: PAGE, offset });
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

export async function* mapRows<T>(
  rows: AsyncIterable<T>,
  map: (row: T) => TableCellValue[],
): AsyncGenerator<TableCellValue[]> {
  for await (const row of rows) yield map(row);
}

export function download(bytes: Uint8Array, base: string, format: TableFormat): DownloadFile {
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
    const size = { rows: chosen.length * periods.length, units: chosen.length, periods: periods.length };
    throw badRequest('import.template-too-large', { ...size, max: MAX_TEMPLATE_ROWS }, ['to']);
  }
  const bytes = await buildWideTemplate({ dataElements, orgUnits: chosen, periods, format: query.format });
  return download(bytes, `${scorecard.code}-template-${from}${to === from ? '' : `_${to}`}`, query.format);
}

/**
 * The format an export was asked for, one of `formats` (the first when none was asked); 400 otherwise.
 *
 * @example exportFormat('targets', ['csv', 'xlsx'], undefined) // 'csv'
 */
export function exportFormat<F extends string>(
  command: string,
  formats: readonly [F, ...F[]],
  asked: string | undefined,
): F {
  if (asked === undefined) return formats[0];
  const found = formats.find((format) => format === asked);
  if (found !== undefined) return found;
  throw badRequest('import.export-format', { kind: command, format: asked, formats: formats.join(', ') }, [
    'format',
  ]);
}

/** The scorecard an export names; 400 when it names none. */
export function exportScorecardCode(command: string, scorecard: string | undefined): string {
  if (scorecard === undefined)
    throw badRequest('import.export-needs-scorecard', { kind: command }, ['scorecard']);
  return scorecard;
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
