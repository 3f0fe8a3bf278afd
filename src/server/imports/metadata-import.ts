/**
 * Metadata imports: a scorecard file (`healthbsc/scorecard@2`, or `@1`, converted; YAML or JSON) handed to the
 * scorecard service, which validates it whole, upserts its data elements and stores new structure and weight
 * versions only when they differ. The dry run compiles the file and compares it with the current version; errors carry the line
 * of the file they concern.
 *
 * The scorecard service writes in its own transaction; the import batch (history, undo) is recorded right
 * after it in a second one. Undo re-imports the versions that were current before the import (as new
 * versions: versions are never deleted); an import that created the scorecard cannot be undone.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { ImportErrorBody, ImportFormat, ImportReportBody } from '../../core/contracts/import.ts';
import {
  badRequest,
  conflict,
  formatPath,
  isProblemError,
  type ProblemIssue,
  type ProblemNote,
} from '../../core/errors/problem.ts';
import {
  type ImportBatchRecord,
  insertImportBatch,
  insertImportChanges,
  listImportChanges,
  lockImportBatch,
  markImportBatchUndone,
} from '../../db/repositories/import.repository.ts';
import type { ChangeEvent } from '../change-bus.ts';
import type { Actor, ServerContext } from '../context.ts';
import {
  checkScorecardImport,
  exportScorecard,
  importScorecard,
  listScorecardVersions,
} from '../services/scorecards.service.ts';
import { recordEffects } from './import-effects.ts';
import type { ProgressReporter } from './progress.ts';

export interface MetadataInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly format?: ImportFormat;
}

type MetadataReport = Pick<
  ImportReportBody,
  | 'format'
  | 'encoding'
  | 'encodingReason'
  | 'rowsRead'
  | 'toCreate'
  | 'toUpdate'
  | 'unchanged'
  | 'errors'
  | 'errorCount'
  | 'errorsNotListed'
  | 'ignoredColumns'
>;

export interface PreparedMetadata {
  readonly report: MetadataReport;
  /** The file equals the stored scorecard's current version: committing it does nothing. */
  readonly unchanged: boolean;
  readonly file: unknown;
  readonly code: string | null;
  readonly fileName: string;
  /** What converting an @1 file to @2 changed, for the dry-run report (empty for @2). */
  readonly notices: readonly ProblemNote[];
}

function formatOf(input: MetadataInput, text: string): 'yaml' | 'json' {
  if (input.format === 'yaml' || input.format === 'json') return input.format;
  if (input.format !== undefined) {
    throw badRequest(`A metadata import is a scorecard file in YAML or JSON, not ${input.format}.`, [
      'format',
    ]);
  }
  if (/\.json$/i.test(input.fileName)) return 'json';
  if (/\.ya?ml$/i.test(input.fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function definitionError(row: number, path: readonly (string | number)[], message: string): ImportErrorBody {
  return { row, column: formatPath(path), value: '', code: 'invalid-definition', reason: message };
}

/** Parses and compiles a scorecard file; every problem becomes a report error with its line. */
export async function prepareMetadata(
  ctx: ServerContext,
  input: MetadataInput,
  progress: ProgressReporter,
): Promise<PreparedMetadata> {
  progress.report('reading', 0, input.bytes.length);
  let text = new TextDecoder('utf-8').decode(input.bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const format = formatOf(input, text);
  progress.report('reading', input.bytes.length, input.bytes.length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const base = { format, encoding: 'utf-8', encodingReason: null, ignoredColumns: [] };
  const errors: ImportErrorBody[] = doc.errors.map((error) =>
    definitionError(
      error.linePos?.[0]?.line ?? 1,
      [],
      (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
    ),
  );
  const file: unknown = errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : null;
  progress.report('checking', 0, 1);
  let code: string | null = null;
  let action: 'create' | 'update' | 'unchanged' = 'create';
  let notices: readonly ProblemNote[] = [];
  if (errors.length === 0) {
    try {
      const check = await checkScorecardImport(ctx, file);
      code = check.code;
      action = check.action;
      notices = check.notices;
    } catch (error) {
      if (!isProblemError(error)) throw error;
      const issues: readonly ProblemIssue[] =
        error.problem.issues.length > 0
          ? error.problem.issues
          : [{ path: [], message: error.problem.detail }];
      for (const issue of issues) {
        errors.push(definitionError(lineOf(doc, lineCounter, issue.path), issue.path, issue.message));
      }
    }
  }
  progress.report('checking', 1, 1);
  const ok = errors.length === 0;
  return {
    report: {
      ...base,
      rowsRead: 1,
      toCreate: ok && action === 'create' ? 1 : 0,
      toUpdate: ok && action === 'update' ? 1 : 0,
      unchanged: ok && action === 'unchanged' ? 1 : 0,
      errors,
      errorCount: errors.length,
      errorsNotListed: 0,
    },
    unchanged: ok && action === 'unchanged',
    file,
    code,
    fileName: input.fileName,
    notices,
  };
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly (string | number)[],
): number {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

export interface MetadataOutcome {
  readonly batchId: number | null;
  readonly created: number;
  readonly updated: number;
  readonly events: readonly ChangeEvent[];
}

/** Imports the scorecard through the scorecard service, then records the batch when anything changed. */
export async function commitMetadata(
  ctx: ServerContext,
  actor: Actor,
  prepared: PreparedMetadata,
  info: { readonly checksum: string; readonly format: ImportFormat },
): Promise<MetadataOutcome> {
  const code = prepared.code;
  if (prepared.unchanged) return { batchId: null, created: 0, updated: 0, events: [] };
  const before = code === null ? null : await listScorecardVersions(ctx, actor, { code }).catch(() => null);
  const result = await importScorecard(ctx, actor, {
    file: prepared.file,
    mode: 'replace',
    note: `imported from ${prepared.fileName}`,
  });
  const elementsChanged = result.dataElements.created.length + result.dataElements.updated.length;
  if (!result.created && !result.structure.created && !result.weights.created && elementsChanged === 0) {
    return { batchId: null, created: 0, updated: 0, events: [] };
  }
  const versions = {
    structure: before?.structure[0]?.version ?? null,
    weights: before?.weights[0]?.version ?? null,
  };
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const batchId = await insertImportBatch(trx, {
      kind: 'metadata',
      fileName: prepared.fileName,
      format: info.format,
      encoding: 'utf-8',
      checksum: info.checksum,
      rowsRead: 1,
      created: result.created ? 1 : 0,
      updated: result.created ? 0 : 1,
      unchanged: 0,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    await insertImportChanges(trx, batchId, [
      {
        table: 'scorecard_version',
        key: { scorecard: result.code },
        oldValue:
          versions.structure === null
            ? null
            : { version: versions.structure, weightVersion: versions.weights },
        newValue: {
          version: result.structure.version,
          weightVersion: result.weights.version,
          dataElementsCreated: result.dataElements.created,
          dataElementsUpdated: result.dataElements.updated,
        },
      },
    ]);
    // The scorecard service has bumped the metadata counter and published; this records only the batch.
    await recordEffects(
      trx,
      actor,
      {
        action: 'import',
        batchId,
        detail: { kind: 'metadata', fileName: prepared.fileName, scorecard: result.code },
      },
      [],
    );
    return { batchId, created: result.created ? 1 : 0, updated: result.created ? 0 : 1, events: [] };
  });
}

function versionsOf(value: unknown): { version: number; weightVersion: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const version: unknown = Reflect.get(value, 'version');
  const weightVersion: unknown = Reflect.get(value, 'weightVersion');
  return typeof version === 'number' && typeof weightVersion === 'number' ? { version, weightVersion } : null;
}

/**
 * Undoes a metadata batch: when the scorecard's current versions are still the ones the import made, imports
 * the versions that were current before it. 409 when the import created the scorecard or a later change made
 * newer versions.
 */
export async function undoMetadataBatch(
  ctx: ServerContext,
  actor: Actor,
  batch: ImportBatchRecord,
  reason: string | null,
): Promise<{ batch: ImportBatchRecord; restored: number }> {
  const { rows } = await listImportChanges(ctx.db.kysely, batch.id);
  const change = rows[0];
  const key = change?.key;
  const code = typeof key === 'object' && key !== null && !Array.isArray(key) ? key.scorecard : undefined;
  const previous = versionsOf(change?.oldValue ?? null);
  const made = versionsOf(change?.newValue ?? null);
  if (typeof code !== 'string' || made === null)
    throw conflict(`Import ${batch.id} recorded no scorecard to undo.`);
  if (previous === null) {
    throw conflict(
      `Import ${batch.id} created the scorecard '${code}': there is no earlier version to go back to.`,
    );
  }
  const now = await listScorecardVersions(ctx, actor, { code });
  if (now.structure[0]?.version !== made.version || now.weights[0]?.version !== made.weightVersion) {
    throw conflict(
      `The scorecard '${code}' changed after import ${batch.id} (now version ${now.structure[0]?.version}, ` +
        `weights ${now.weights[0]?.version}); import the file you want instead.`,
    );
  }
  const file = await exportScorecard(ctx, actor, {
    code,
    version: previous.version,
    weightVersion: previous.weightVersion,
  });
  await importScorecard(ctx, actor, { file, mode: 'replace', note: `undo of import ${batch.id}` });
  const undone = await ctx.db.kysely.transaction().execute(async (trx) => {
    const locked = await lockImportBatch(trx, batch.id);
    if (locked?.status !== 'committed') throw conflict(`Import ${batch.id} was already undone.`);
    const marked = await markImportBatchUndone(trx, batch.id, actor.id, ctx.now());
    await recordEffects(
      trx,
      actor,
      { action: 'undo-import', batchId: batch.id, detail: { kind: 'metadata', scorecard: code }, reason },
      [],
    );
    return marked;
  });
  return { batch: undone, restored: 1 };
}
