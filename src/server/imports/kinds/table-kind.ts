/**
 * What the table kinds share (data, targets, assessments, reported): a CSV or XLSX file read by ingest, checked
 * against the metadata and the stored rows the importer may touch, written as rows of one table in one
 * transaction, undone row by row. A table kind gives its plan, locks, events and export; `defineTableKind`
 * makes the rest of its definition.
 */
import { hasRoleOver } from '../../../core/access/policy.ts';
import type { Role } from '../../../core/access/principal.ts';
import type { ImportErrorBody, ImportFormat } from '../../../core/contracts/import.ts';
import { readTable, rowError } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import { writeImport } from '../import-commit.ts';
import {
  createCodeLookup,
  type ImportMetadata,
  loadImportMetadata,
  restrictOrgUnits,
} from '../import-metadata.ts';
import type { ImportPlan, PlanInput } from '../import-plan.ts';
import { undoBatch } from '../import-undo.ts';
import type { ImportKindDefinition, KindInput, KindReport, PreparedImport } from './kind.ts';

/** The formats of every table kind. */
export const TABLE_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx'];

/** What a table kind defines itself; the reading, the scope, the write and the undo are shared. */
export interface TableKindParts extends Pick<ImportKindDefinition, 'roles' | 'locks' | 'events' | 'export'> {
  /** Reads the table's rows, fetches the stored rows they concern, checks them and plans the writes. */
  plan(input: PlanInput): Promise<ImportPlan>;
}

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

async function prepareTable(
  ctx: ServerContext,
  actor: Actor,
  input: KindInput,
  parts: TableKindParts,
): Promise<PreparedImport> {
  const table = await readTable(input.bytes, {
    format: input.format === 'csv' || input.format === 'xlsx' ? input.format : 'auto',
    encoding: input.encoding ?? 'auto',
    onProgress: (p) => input.progress.report('reading', p.bytesRead, p.totalBytes),
  });
  const allMeta = await loadImportMetadata(ctx.db.kysely);
  const meta = restrictOrgUnits(allMeta, (unit) => hasRoleOver(actor.principal, parts.roles, unit.path));
  const plan = await parts.plan({
    db: ctx.db.kysely,
    table,
    meta,
    ...(input.scorecard === undefined ? {} : { scorecard: input.scorecard }),
    progress: input.progress,
  });
  const info = table.info();
  const report: KindReport = {
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    encodingReason: info.encoding?.reason ?? null,
    ...plan.report,
    errors: markOutOfScope(plan.report.errors, allMeta),
    ignoredColumns: [...plan.report.ignoredColumns],
    notices: [...(plan.notices ?? [])],
  };
  return {
    report,
    commit: (writing) =>
      writeImport(
        ctx,
        actor,
        plan,
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
        parts,
      ),
  };
}

/**
 * The definition of a table kind from its parts.
 *
 * @example export const dataKind = defineTableKind({ roles: DATA_ENTRY_ROLES, plan: planData, locks, events })
 */
export function defineTableKind(
  parts: TableKindParts & { readonly roles: readonly Role[] },
): ImportKindDefinition {
  return {
    roles: parts.roles,
    formats: TABLE_FORMATS,
    prepare: (ctx, actor, input) => prepareTable(ctx, actor, input, parts),
    locks: parts.locks,
    events: parts.events,
    undo: (ctx, actor, batch, reason) => undoBatch(ctx, actor, batch.id, reason, parts),
    ...(parts.export === undefined ? {} : { export: parts.export }),
  };
}
