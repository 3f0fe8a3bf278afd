/**
 * Imports of files: a dry run that checks a whole file against the database and reports, a commit that
 * writes it in one transaction (or nothing, when any row has an error), undo, and the history.
 *
 * Idempotence: committing a file whose rows are all already stored writes NOTHING, not even an
 * `import_batch` row (there would be nothing to undo); the report says `committed: false`, counts every row
 * as unchanged and gives `sameAsBatchId`, the committed batch with the same checksum and kind, when there is one.
 */
import { createHash } from 'node:crypto';
import { canAdminister } from '../../core/access/policy.ts';
import type { Page } from '../../core/contracts/common.ts';
import type {
  ImportBatch,
  ImportBatchDetail,
  ImportEncoding,
  ImportFormat,
  ImportKind,
  ImportProgress,
  ImportReportBody,
  UndoImportResult,
} from '../../core/contracts/import.ts';
import {
  badRequest,
  forbidden,
  issue,
  issueOfCode,
  makeProblem,
  notFound,
} from '../../core/errors/problem.ts';
import {
  findCommittedBatchByChecksum,
  findImportBatch,
  type ImportBatchRecord,
  type ImportChangeRecord,
  listImportBatches,
  listImportChanges,
} from '../../db/repositories/import.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { requireSomeRole } from '../services/access.ts';
import { publishAll } from './import-effects.ts';
import { alreadyUndone } from './import-undo.ts';
import { importKind } from './kinds/index.ts';
import type { CommitOutcome } from './kinds/kind.ts';
import { createProgressReporter, type ProgressReporter } from './progress.ts';

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
  /** XLSX: the worksheet to read (default the first; a hidden one only when named). */
  readonly sheet?: string;
  /** Why a commit goes ahead although values break rules of importance `high` (audited with the batch). */
  readonly overrideReason?: string;
  /** The definition the kind reads the file by (`extract`: its extract definition, YAML or JSON). */
  readonly definition?: string;
  /** Progress of reading, checking and writing, throttled. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * A commit refused because the file has errors; nothing was written. `report` lists them all, and the HTTP
 * error handler sends it beside the problem's members (RFC 9457 extension member `report`). Each listed row
 * error is an issue at `[row, column]` worded by its code `import-row.<code>`.
 */
export class ImportRejectedError extends ExtendedProblemError {
  readonly report: ImportReportBody;
  constructor(report: ImportReportBody) {
    const listed = report.errors.map((e) => issueOfCode(`import-row.${e.code}`, e.params, [e.row, e.column]));
    super(
      report.errorCount === 1
        ? makeProblem('validation', 'import.file-has-an-error', {}, listed)
        : makeProblem('validation', 'import.file-has-errors', { count: report.errorCount }, listed),
      { report },
    );
    this.name = 'ImportRejectedError';
    this.report = report;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Prepared {
  readonly report: ImportReportBody;
  readonly commit: (progress: ProgressReporter) => Promise<CommitOutcome>;
}

/** Checks the file through its kind's definition (kinds/), after the kind's roles and formats. */
async function prepare(ctx: ServerContext, actor: Actor, input: ImportInput): Promise<Prepared> {
  const definition = importKind(input.kind);
  requireSomeRole(actor, definition.roles);
  if (input.format !== undefined && !definition.formats.includes(input.format)) {
    const formats = definition.formats.join(', ');
    throw badRequest('import.format-not-taken', { kind: input.kind, format: input.format, formats }, [
      'format',
    ]);
  }
  const checksum = sha256(input.bytes);
  const sameAsBatchId = await findCommittedBatchByChecksum(ctx.db.kysely, checksum, input.kind);
  const progress = createProgressReporter(input.onProgress);
  const prepared = await definition.prepare(ctx, actor, { ...input, checksum, progress });
  return {
    report: {
      kind: input.kind,
      fileName: input.fileName,
      checksum,
      committed: false,
      batchId: null,
      sameAsBatchId,
      ...prepared.report,
    },
    commit: prepared.commit,
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
  const high = (prepared.report.violations ?? []).filter((v) => v.importance === 'high');
  if (high.length > 0 && input.overrideReason === undefined) {
    const listed = high.map((v) =>
      issue(
        'data-quality.rule-broken',
        {
          rule: v.rule,
          importance: v.importance,
          orgUnit: v.orgUnit,
          period: v.period,
          left: v.left,
          operator: v.operator,
          right: v.right,
        },
        [v.rows[0] ?? 0, v.rule],
      ),
    );
    const problem = makeProblem('validation', 'data-quality.high-violations', { count: high.length }, listed);
    throw new ExtendedProblemError(problem, { report: prepared.report });
  }
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
  if (batch === undefined) throw notFound('import.not-found', { id: batchId });
  requireOwnerOrAdministrator(actor, batch);
  if (batch.status === 'undone') throw alreadyUndone(batch);
  const outcome = await importKind(batch.kind).undo(ctx, actor, batch, reason ?? null);
  publishAll(ctx.changes, outcome.events);
  return { batch: toImportBatch(outcome.batch), restored: outcome.restored, deleted: outcome.deleted };
}

function requireOwnerOrAdministrator(actor: Actor, batch: ImportBatchRecord): void {
  if (batch.created_by !== actor.id && !canAdminister(actor.principal)) throw forbidden('import.owner-only');
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
  if (batch === undefined) throw notFound('import.not-found', { id: batchId });
  requireOwnerOrAdministrator(actor, batch);
  const { rows, total } = await listImportChanges(ctx.db.kysely, batchId, window);
  return {
    ...toImportBatch(batch),
    changes: { items: rows.map(toChange), total, limit: window.limit, offset: window.offset },
  };
}
