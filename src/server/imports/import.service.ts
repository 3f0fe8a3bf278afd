/**
 * Imports of files: a dry run that checks a whole file against the database and reports, a commit that
 * writes it in one transaction (or nothing, when any row has an error), undo, and the history.
 *
 * Idempotence: committing a file whose rows are all already stored writes NOTHING, not even an
 * `import_batch` row (there would be nothing to undo); the report says `committed: false`, counts every row
 * as unchanged and gives `sameAsBatchId`, the committed batch with the same checksum and kind, when there is one.
 */
import { createHash } from 'node:crypto';
import { canAdminister, canImportRow, canManageOrgUnit, importRoles } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  ImportBatch,
  ImportBatchDetail,
  ImportEncoding,
  ImportErrorBody,
  ImportFormat,
  ImportKind,
  ImportProgress,
  ImportReportBody,
  UndoImportResult,
} from '../../core/contracts/import.ts';
import { badRequest, forbidden, makeProblem, notFound } from '../../core/errors/problem.ts';
import {
  findCommittedBatchByChecksum,
  findImportBatch,
  type ImportBatchRecord,
  type ImportChangeRecord,
  listImportBatches,
  listImportChanges,
} from '../../db/repositories/import.repository.ts';
import { readTable } from '../../ingest/index.ts';
import type { Actor, ServerContext } from '../context.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { requireSomeRole } from '../services/access.ts';
import { writeImport } from './import-commit.ts';
import { publishAll } from './import-effects.ts';
import {
  createCodeLookup,
  type ImportMetadata,
  loadImportMetadata,
  restrictOrgUnits,
} from './import-metadata.ts';
import { planImport } from './import-plan.ts';
import { alreadyUndone, undoBatch } from './import-undo.ts';
import { commitMetadata, prepareMetadata, undoMetadataBatch } from './metadata-import.ts';
import { commitOrgUnits, planOrgUnits, undoOrgUnitBatch } from './org-unit-import.ts';
import { createProgressReporter } from './progress.ts';

export interface ImportInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly kind: ImportKind;
  /** Default: told from the bytes (a ZIP is XLSX; `{` starts JSON) and the file name. */
  readonly format?: ImportFormat;
  /** CSV only; default `auto`. */
  readonly encoding?: ImportEncoding;
  /** The scorecard of targets, assessments and reported values (required when there are several). */
  readonly scorecard?: string;
  /** Progress of reading, checking and writing, throttled. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * A commit refused because the file has errors; nothing was written. `report` lists them all, and the HTTP
 * error handler sends it beside the problem's members (RFC 9457 extension member `report`).
 */
export class ImportRejectedError extends ExtendedProblemError {
  readonly report: ImportReportBody;
  constructor(report: ImportReportBody) {
    const listed = report.errors.map((e) => ({ path: [e.row, e.column], message: `${e.code}: ${e.reason}` }));
    super(
      makeProblem(
        'validation',
        `The file has ${report.errorCount} error${report.errorCount === 1 ? '' : 's'}; nothing was written.`,
        listed,
      ),
      { report },
    );
    this.name = 'ImportRejectedError';
    this.report = report;
  }
}

/** A metadata file in CSV or XLSX is an org-unit list; YAML and JSON are scorecard files. */
function isOrgUnitList(input: ImportInput): boolean {
  if (input.format !== undefined) return input.format === 'csv' || input.format === 'xlsx';
  const zip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  return zip || /\.(csv|tsv|txt|xlsx)$/i.test(input.fileName);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const TABLE_FORMATS = new Set<ImportFormat>(['csv', 'xlsx']);

export const ORG_UNIT_LIST_DETAIL =
  'An org-unit list may create organisations: it needs the role admin or strategist over the whole installation.';

export const IMPORT_OWNER_DETAIL =
  "Only the import's author or an admin over the whole installation may see or undo an import.";

/**
 * Errors of rows naming a unit the importer has no role over: the check saw an unknown unit (the metadata was
 * restricted), which is reported as what it is, `out-of-scope`.
 */
function markOutOfScope(errors: readonly ImportErrorBody[], all: ImportMetadata): ImportErrorBody[] {
  const find = createCodeLookup(all.orgUnitRefs);
  return errors.map((error) => {
    if (error.code !== 'unknown-org-unit') return error;
    const unit = find(error.value.trim());
    if (unit === undefined) return error;
    return {
      ...error,
      code: 'out-of-scope',
      reason: `org unit "${unit.code}" is outside your access: you may import only rows of the org units your roles cover`,
    };
  });
}

interface Prepared {
  readonly report: ImportReportBody;
  readonly commit: (progress: ReturnType<typeof createProgressReporter>) => ReturnType<typeof writeImport>;
}

async function prepare(ctx: ServerContext, actor: Actor, input: ImportInput): Promise<Prepared> {
  requireSomeRole(actor, importRoles(input.kind));
  const checksum = sha256(input.bytes);
  const sameAsBatchId = await findCommittedBatchByChecksum(ctx.db.kysely, checksum, input.kind);
  const progress = createProgressReporter(input.onProgress);
  const base = {
    kind: input.kind,
    fileName: input.fileName,
    checksum,
    committed: false,
    batchId: null,
    sameAsBatchId,
  };
  if (input.kind === 'metadata' && isOrgUnitList(input)) {
    if (!canManageOrgUnit(actor.principal, null)) throw forbidden(ORG_UNIT_LIST_DETAIL);
    const plan = await planOrgUnits(ctx, input.bytes, input.format, progress);
    const { creates, updates, errors, ...rest } = plan;
    return {
      report: {
        ...base,
        ...rest,
        toCreate: creates.length,
        toUpdate: updates.length,
        errors: [...errors],
        errorCount: errors.length,
        errorsNotListed: 0,
        ignoredColumns: [...plan.ignoredColumns],
      },
      commit: () => commitOrgUnits(ctx, actor, plan, { fileName: input.fileName, checksum }),
    };
  }
  if (input.kind === 'metadata') {
    const prepared = await prepareMetadata(ctx, input, progress);
    return {
      report: { ...base, ...prepared.report },
      commit: () => commitMetadata(ctx, actor, prepared, { ...base, format: prepared.report.format }),
    };
  }
  if (input.format !== undefined && !TABLE_FORMATS.has(input.format)) {
    throw badRequest(`A ${input.kind} import is a CSV or XLSX file, not ${input.format}.`, ['format']);
  }
  const table = await readTable(input.bytes, {
    format: input.format === 'csv' || input.format === 'xlsx' ? input.format : 'auto',
    encoding: input.encoding ?? 'auto',
    onProgress: (p) => progress.report('reading', p.bytesRead, p.totalBytes),
  });
  const allMeta = await loadImportMetadata(ctx.db.kysely);
  const kind = input.kind;
  const meta = restrictOrgUnits(allMeta, (unit) => canImportRow(actor.principal, kind, unit.path));
  const plan = await planImport(input.kind, {
    db: ctx.db.kysely,
    table,
    meta,
    ...(input.scorecard === undefined ? {} : { scorecard: input.scorecard }),
    progress,
  });
  const info = table.info();
  const report: ImportReportBody = {
    ...base,
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    encodingReason: info.encoding?.reason ?? null,
    ...plan.report,
    errors: markOutOfScope(plan.report.errors, allMeta),
    ignoredColumns: [...plan.report.ignoredColumns],
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
          checksum,
          rowsRead: report.rowsRead,
          unchanged: report.unchanged,
        },
        writing,
      ),
  };
}

/**
 * Checks a whole file against the database (org units, data elements, periods, the scorecard's indicators;
 * stored values fetched in bulk) and reports what a commit would do. Writes nothing.
 *
 * @example
 * const report = await dryRunImport(ctx, actor, { bytes, fileName: 'march.csv', kind: 'data' });
 * report.errors // [{ row: 7, column: 'beds', value: 'n/a', code: 'non-numeric', reason: … }]
 */
export async function dryRunImport(
  ctx: ServerContext,
  actor: Actor,
  input: ImportInput,
): Promise<ImportReportBody> {
  return (await prepare(ctx, actor, input)).report;
}

/**
 * Checks the file again and, when it has no error, writes it in one transaction and records the batch;
 * throws `ImportRejectedError` (400, nothing written) otherwise. Change events are published after commit.
 */
export async function commitImport(
  ctx: ServerContext,
  actor: Actor,
  input: ImportInput,
): Promise<ImportReportBody> {
  const prepared = await prepare(ctx, actor, input);
  if (prepared.report.errorCount > 0) throw new ImportRejectedError(prepared.report);
  const outcome = await prepared.commit(createProgressReporter(input.onProgress));
  publishAll(ctx.changes, outcome.events);
  const changed = outcome.created + outcome.updated;
  return {
    ...prepared.report,
    toCreate: outcome.created,
    toUpdate: outcome.updated,
    unchanged: prepared.report.unchanged + (prepared.report.toCreate + prepared.report.toUpdate - changed),
    committed: outcome.batchId !== null,
    batchId: outcome.batchId,
  };
}

export function toImportBatch(row: ImportBatchRecord): ImportBatch {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    checksum: row.checksum,
    status: row.status,
    rowsRead: row.rows_read,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    undoneBy: row.undone_by,
    undoneAt: row.undone_at?.toISOString() ?? null,
  };
}

/**
 * Undoes a committed import exactly: old values back, created rows deleted, all in one transaction, audited.
 * 409 when a row changed after the import (the rows are named) or the batch was undone already; 404 when
 * there is no such batch.
 */
export async function undoImport(
  ctx: ServerContext,
  actor: Actor,
  batchId: number,
  reason?: string,
): Promise<UndoImportResult> {
  const batch = await findImportBatch(ctx.db.kysely, batchId);
  if (batch === undefined) throw notFound(`There is no import ${batchId}.`);
  requireOwnerOrAdministrator(actor, batch);
  if (batch.status === 'undone') throw alreadyUndone(batch);
  if (batch.kind === 'metadata' && (batch.format === 'csv' || batch.format === 'xlsx')) {
    const undone = await undoOrgUnitBatch(ctx, actor, batch, reason ?? null);
    publishAll(ctx.changes, undone.events);
    return { batch: toImportBatch(undone.batch), restored: undone.restored, deleted: undone.deleted };
  }
  if (batch.kind === 'metadata') {
    const undone = await undoMetadataBatch(ctx, actor, batch, reason ?? null);
    return { batch: toImportBatch(undone.batch), restored: undone.restored, deleted: 0 };
  }
  const outcome = await undoBatch(ctx, actor, batchId, reason ?? null);
  publishAll(ctx.changes, outcome.events);
  return { batch: toImportBatch(outcome.batch), restored: outcome.restored, deleted: outcome.deleted };
}

function requireOwnerOrAdministrator(actor: Actor, batch: ImportBatchRecord): void {
  if (batch.created_by !== actor.id && !canAdminister(actor.principal)) throw forbidden(IMPORT_OWNER_DETAIL);
}

/** Committed (and undone) imports, newest first: all of them for an installation admin, else the actor's own. */
export async function importHistory(
  ctx: ServerContext,
  actor: Actor,
  window: { readonly limit: number; readonly offset: number },
): Promise<Page<ImportBatch>> {
  const filter = canAdminister(actor.principal) ? {} : { createdBy: actor.id };
  const { rows, total } = await listImportBatches(ctx.db.kysely, window, filter);
  return { items: rows.map(toImportBatch), total, limit: window.limit, offset: window.offset };
}

function toChange(row: ImportChangeRecord): ImportBatchDetail['changes']['items'][number] {
  const asRecord = (value: unknown): Record<string, unknown> | null =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null;
  const key: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(asRecord(row.key) ?? {})) {
    key[name] = typeof value === 'string' || typeof value === 'number' ? value : null;
  }
  return {
    seq: row.seq,
    table: row.table,
    key,
    oldValue: asRecord(row.oldValue),
    newValue: asRecord(row.newValue),
  };
}

/** One import with a page of the rows it changed (old → new), in the order it changed them. */
export async function getImportBatch(
  ctx: ServerContext,
  actor: Actor,
  batchId: number,
  window: { readonly limit: number; readonly offset: number },
): Promise<ImportBatchDetail> {
  const batch = await findImportBatch(ctx.db.kysely, batchId);
  if (batch === undefined) throw notFound(`There is no import ${batchId}.`);
  requireOwnerOrAdministrator(actor, batch);
  const { rows, total } = await listImportChanges(ctx.db.kysely, batchId, window);
  return {
    ...toImportBatch(batch),
    changes: { items: rows.map(toChange), total, limit: window.limit, offset: window.offset },
  };
}
