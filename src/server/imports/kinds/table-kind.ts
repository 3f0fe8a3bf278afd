/**
 * What the table kinds share (data, targets, assessments, reported): a CSV or XLSX file read by ingest, checked
 * against the metadata and the stored rows the importer may touch, written as rows of one table of values in
 * one transaction, undone row by row. A table kind names its table and gives its plan and export;
 * `defineTableKind` makes the rest of its definition, its approval locks and change events from the table's
 * spec (db/repositories/value-tables.ts), as the API's batch writes do.
 */
import { hasRoleOver } from '../../../core/access/policy.ts';
import type { Role } from '../../../core/access/principal.ts';
import type { OrgScope } from '../../../core/access/scope.ts';
import type { ImportErrorBody, ImportFormat } from '../../../core/contracts/import.ts';
import type { Executor, PageRows, PageWindow } from '../../../db/repositories/query-helpers.ts';
import type { ValueTableName } from '../../../db/repositories/value-tables.ts';
import { rowError, type TableCellValue, type TableFormat, writeTable } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import { readScope } from '../../services/access.ts';
import { requireScorecard } from '../../services/lookups.ts';
import {
  allPages,
  type DownloadFile,
  download,
  exportFormat,
  exportScorecardCode,
} from '../export.service.ts';
import { writeImport } from '../import-commit.ts';
import { valueEvents } from '../import-effects.ts';
import { rowLocks } from '../import-locks.ts';
import {
  createCodeLookup,
  type ImportMetadata,
  loadImportMetadata,
  restrictOrgUnits,
} from '../import-metadata.ts';
import type { ImportPlan, PlanInput } from '../import-plan.ts';
import { undoBatch } from '../import-undo.ts';
import { readTableInWorker } from '../reading/read-in-worker.ts';
import type { ImportKindDefinition, KindExport, KindInput, KindReport, PreparedImport } from './kind.ts';

/** The formats of every table kind. */
export const TABLE_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx'];

/** What a table kind defines itself; the reading, the scope, the write, the undo, locks and events are shared. */
export interface TableKindParts extends Pick<ImportKindDefinition, 'roles' | 'export'> {
  /** The table its rows go to. */
  readonly table: ValueTableName;
  /** Reads the table's rows, fetches the stored rows they concern, checks them and plans the writes. */
  plan(input: PlanInput): Promise<ImportPlan>;
}

/** The approval locks and change events of a table kind's rows: its table's (rowLocks, valueEvents). */
const TABLE_HOOKS = { locks: rowLocks, events: valueEvents } as const;

/**
 * Errors of rows naming a unit the importer has no role over: the check saw an unknown unit (the metadata was
 * restricted), which is reported as what it is, `out-of-scope`.
 */
function markOutOfScope(errors: readonly ImportErrorBody[], all: ImportMetadata): ImportErrorBody[] {
  const find = createCodeLookup(all.orgUnitRefs);
  return errors.map((error) => {
    if (error.code !== 'unknown-org-unit') return error;
    const unit = find(error.value.trim());
    return unit === undefined ? error : rowError(error, 'out-of-scope', { orgUnit: unit.code });
  });
}

/** The plan with the importer's reason to commit values that break rules of importance `high`, if any do. */
function withRuleOverride(plan: ImportPlan, reason: string | undefined): ImportPlan {
  const high = (plan.report.violations ?? []).filter((v) => v.importance === 'high');
  if (reason === undefined || high.length === 0) return plan;
  const violations = high.map((v) => ({ rule: v.rule, orgUnit: v.orgUnit, period: v.period, rows: v.rows }));
  return { ...plan, ruleOverride: { reason, violations } };
}

async function prepareTable(
  ctx: ServerContext,
  actor: Actor,
  input: KindInput,
  parts: TableKindParts,
): Promise<PreparedImport> {
  // Read in a worker thread (reading/read-in-worker.ts): the server keeps answering other requests meanwhile.
  const table = await readTableInWorker(input.bytes, {
    format: input.format === 'csv' || input.format === 'xlsx' ? input.format : 'auto',
    encoding: input.encoding ?? 'auto',
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    onProgress: (p) => input.progress.report('reading', p.bytesRead, p.totalBytes),
  });
  const allMeta = await loadImportMetadata(ctx.db.kysely);
  const meta = restrictOrgUnits(allMeta, (unit) => hasRoleOver(actor.principal, parts.roles, unit.path));
  let plan: ImportPlan;
  try {
    plan = await parts.plan({
      db: ctx.db.kysely,
      table,
      meta,
      ...(input.scorecard === undefined ? {} : { scorecard: input.scorecard }),
      progress: input.progress,
    });
  } finally {
    // A plan that refused the header never reads the rows: the reader's thread ends here all the same.
    table.close();
  }
  const info = table.info();
  const report: KindReport = {
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    encodingReason: info.encoding?.reason ?? null,
    ...(info.sheet === null ? {} : { sheet: info.sheet }),
    ...plan.report,
    errors: markOutOfScope(plan.report.errors, allMeta),
    ignoredColumns: [...plan.report.ignoredColumns],
    clears: [...plan.report.clears],
    notices: [...(plan.notices ?? [])],
  };
  return {
    report,
    commit: (writing) =>
      writeImport(
        ctx,
        actor,
        withRuleOverride(plan, input.overrideReason),
        {
          kind: input.kind,
          fileName: input.fileName,
          format: info.format,
          encoding: report.encoding,
          checksum: input.checksum,
          rowsRead: report.rowsRead,
          unchanged: report.unchanged,
        },
        writing,
        TABLE_HOOKS,
      ),
  };
}

/**
 * The definition of a table kind from its parts.
 *
 * @example export const dataKind = defineTableKind({ roles: DATA_ENTRY_ROLES, table: 'data_value', plan: planData })
 */
export function defineTableKind(
  parts: TableKindParts & { readonly roles: readonly Role[] },
): ImportKindDefinition {
  return {
    roles: parts.roles,
    formats: TABLE_FORMATS,
    prepare: (ctx, actor, input) => prepareTable(ctx, actor, input, parts),
    ...TABLE_HOOKS,
    undo: (ctx, actor, batch, reason) => undoBatch(ctx, actor, batch.id, reason, TABLE_HOOKS),
    ...(parts.export === undefined ? {} : { export: parts.export }),
  };
}

/** How a kind writes one scorecard's rows in its import format (targets, assessments, reported values). */
export interface ScorecardRowsFile<T> {
  /** The file is `<scorecard>-<suffix>.<format>`. */
  readonly suffix: string;
  readonly header: readonly string[];
  /** Columns written as text in XLSX (codes and periods, which Excel would otherwise turn into numbers). */
  readonly textColumns: readonly number[];
  /** A page of the scorecard's rows within the reader's scope. */
  list(db: Executor, scorecardId: number, scope: OrgScope, window: PageWindow): Promise<PageRows<T>>;
  /** A row's cells, or null to leave it out. */
  cells(row: T): TableCellValue[] | null;
}

/** The export of a scorecard's rows, within the actor's scope, as `file` describes them. */
export function scorecardRowsExporter<T>(
  file: ScorecardRowsFile<T>,
): (ctx: ServerContext, actor: Actor, scorecardCode: string, format: TableFormat) => Promise<DownloadFile> {
  return async (ctx, actor, scorecardCode, format) => {
    const db = ctx.db.kysely;
    const scorecard = await requireScorecard(db, scorecardCode);
    const scope = readScope(actor);
    const rows = allPages((window) => file.list(db, scorecard.id, scope, window));
    const cells = async function* () {
      for await (const row of rows) {
        const line = file.cells(row);
        if (line !== null) yield line;
      }
    };
    const bytes = await writeTable(file.header, cells(), format, { textColumns: file.textColumns });
    return download(bytes, `${scorecard.code}-${file.suffix}`, format);
  };
}

/** A kind's `export` of one scorecard's rows in CSV (the default) or XLSX, named by `healthbsc export <kind>`. */
export function scorecardRowsExport(
  kind: string,
  run: (
    ctx: ServerContext,
    actor: Actor,
    scorecardCode: string,
    format: TableFormat,
  ) => Promise<DownloadFile>,
): KindExport {
  const formats = ['csv', 'xlsx'] as const;
  return {
    formats,
    needsScorecard: true,
    run: (ctx, actor, request) =>
      run(
        ctx,
        actor,
        exportScorecardCode(kind, request.scorecard),
        exportFormat(kind, formats, request.format),
      ),
  };
}
