/**
 * The scorecard-file part of metadata imports (metadata.ts): a scorecard file (`healthbsc/scorecard@2`, or
 * `@1`, converted; YAML or JSON) handed to the scorecard service, which validates it whole, upserts its data elements and stores new structure and weight versions only when
 * they differ. The dry run compiles the file and compares it with the current version; errors carry the line
 * of the file they concern.
 *
 * The scorecard service writes in its own transaction; the import batch (history, undo) is recorded right
 * after it in a second one. Undo re-imports the versions that were current before the import (as new
 * versions: versions are never deleted); an import that created the scorecard cannot be undone.
 */
import { isNode, LineCounter, parseDocument, stringify } from 'yaml';
import type { ImportErrorBody, ImportNotice } from '../../../core/contracts/import.ts';
import {
  badRequest,
  conflict,
  formatPath,
  isProblemError,
  notFound,
  type ProblemIssue,
} from '../../../core/errors/problem.ts';
import {
  type ImportBatchRecord,
  insertImportBatch,
  insertImportChanges,
  listImportChanges,
  lockImportBatch,
  markImportBatchUndone,
} from '../../../db/repositories/import.repository.ts';
import { definitionErrorOfCode } from '../../../ingest/index.ts';
import type { Actor, ServerContext } from '../../context.ts';
import {
  checkScorecardImport,
  exportScorecard,
  importScorecard,
  listScorecardVersions,
} from '../../services/scorecards.service.ts';
import { CONTENT_TYPES, type DownloadFile } from '../export.service.ts';
import { recordAudit } from '../import-effects.ts';
import { alreadyUndone } from '../import-undo.ts';
import type { CommitOutcome, KindInput, KindReport, PreparedImport, UndoOutcome } from './kind.ts';

/** What a checked scorecard file commits. */
interface CheckedFile {
  /** The file equals the stored scorecard's current version: committing it does nothing. */
  readonly unchanged: boolean;
  readonly file: unknown;
  readonly code: string | null;
}

function formatOf(input: KindInput, text: string): 'yaml' | 'json' {
  if (input.format === 'yaml' || input.format === 'json') return input.format;
  if (/\.json$/i.test(input.fileName)) return 'json';
  if (/\.ya?ml$/i.test(input.fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** A problem of the file as a report error on its line; the problem's code and params are the error's params. */
function issueError(row: number, issue: ProblemIssue): ImportErrorBody {
  return definitionErrorOfCode({ row, column: formatPath(issue.path), value: '' }, issue.code, issue.params);
}

/**
 * Parses and compiles a scorecard file; every problem becomes a report error with its line. What converting an
 * older format (@1) changed goes into the report's `notices`, so the dry run shows the conversion.
 */
export async function prepareScorecardFile(
  ctx: ServerContext,
  actor: Actor,
  input: KindInput,
): Promise<PreparedImport> {
  const progress = input.progress;
  progress.report('reading', 0, input.bytes.length);
  let text = new TextDecoder('utf-8').decode(input.bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const format = formatOf(input, text);
  progress.report('reading', input.bytes.length, input.bytes.length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const notices: ImportNotice[] = [];
  const base = { format, encoding: 'utf-8', encodingReason: null, ignoredColumns: [], notices };
  // A file that does not parse is refused as a whole, with where it broke (400, not a report of rows).
  const broken = doc.errors[0];
  if (broken !== undefined) {
    const [line, column] = [broken.linePos?.[0]?.line ?? 1, broken.linePos?.[0]?.col ?? 1];
    const reason = (broken.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw badRequest(format === 'json' ? 'guard.malformed-json' : 'guard.malformed-yaml', {
      line,
      column,
      reason,
    });
  }
  const errors: ImportErrorBody[] = [];
  let file: unknown;
  try {
    file = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Too many aliases (a "billion laughs" document) or another structural fault the parser found late.
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest('guard.malformed-yaml', { line: 1, column: 1, reason: reason.slice(0, 200) });
  }
  progress.report('checking', 0, 1);
  let code: string | null = null;
  let action: 'create' | 'update' | 'unchanged' = 'create';
  if (errors.length === 0) {
    try {
      const check = await checkScorecardImport(ctx, file);
      code = check.code;
      action = check.action;
      // The conversion's notes, then the compiler's warnings (an AHP matrix above its CR threshold): the dry
      // run shows both before anything is written.
      notices.push(...check.notices);
      for (const warning of check.warnings) {
        notices.push({ code: warning.code, params: warning.params, message: warning.message });
      }
    } catch (error) {
      if (!isProblemError(error)) throw error;
      const { problem } = error;
      const issues: readonly ProblemIssue[] =
        problem.issues.length > 0
          ? problem.issues
          : [{ path: [], code: problem.code, params: problem.params, message: problem.detail }];
      for (const issue of issues) errors.push(issueError(lineOf(doc, lineCounter, issue.path), issue));
    }
  }
  progress.report('checking', 1, 1);
  const ok = errors.length === 0;
  const report: KindReport = {
    ...base,
    rowsRead: 1,
    toCreate: ok && action === 'create' ? 1 : 0,
    toUpdate: ok && action === 'update' ? 1 : 0,
    unchanged: ok && action === 'unchanged' ? 1 : 0,
    errors,
    errorCount: errors.length,
    errorsNotListed: 0,
    // A scorecard file replaces the scorecard as a whole: it has no attribute columns to clear.
    clears: [],
  };
  const checked = { unchanged: ok && action === 'unchanged', file, code };
  return { report, commit: () => commitScorecardFile(ctx, actor, checked, { ...input, format }) };
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

/** Imports the scorecard through the scorecard service, then records the batch when anything changed. */
async function commitScorecardFile(
  ctx: ServerContext,
  actor: Actor,
  prepared: CheckedFile,
  info: KindInput & { readonly format: 'yaml' | 'json' },
): Promise<CommitOutcome> {
  const code = prepared.code;
  if (prepared.unchanged) return { batchId: null, created: 0, updated: 0, events: [] };
  const before = code === null ? null : await listScorecardVersions(ctx, actor, { code }).catch(() => null);
  const result = await importScorecard(ctx, actor, {
    file: prepared.file,
    mode: 'replace',
    note: `imported from ${info.fileName}`,
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
      kind: info.kind,
      fileName: info.fileName,
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
    await recordAudit(
      trx,
      actor,
      {
        action: 'import',
        batchId,
        detail: { kind: info.kind, fileName: info.fileName, scorecard: result.code },
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
export async function undoScorecardFile(
  ctx: ServerContext,
  actor: Actor,
  batch: ImportBatchRecord,
  reason: string | null,
): Promise<UndoOutcome> {
  const { rows } = await listImportChanges(ctx.db.kysely, batch.id);
  const change = rows[0];
  const key = change?.key;
  const code = typeof key === 'object' && key !== null && !Array.isArray(key) ? key.scorecard : undefined;
  const previous = versionsOf(change?.oldValue ?? null);
  const made = versionsOf(change?.newValue ?? null);
  if (typeof code !== 'string' || made === null) throw conflict('import.nothing-to-undo', { id: batch.id });
  if (previous === null) throw conflict('import.created-scorecard', { id: batch.id, code });
  const now = await listScorecardVersions(ctx, actor, { code });
  const version = now.structure[0]?.version ?? 0;
  const weightVersion = now.weights[0]?.version ?? 0;
  if (version !== made.version || weightVersion !== made.weightVersion) {
    throw conflict('import.scorecard-changed-since', { code, id: batch.id, version, weightVersion });
  }
  const file = await exportScorecard(ctx, actor, {
    code,
    version: previous.version,
    weightVersion: previous.weightVersion,
  });
  await importScorecard(ctx, actor, { file, mode: 'replace', note: `undo of import ${batch.id}` });
  const undone = await ctx.db.kysely.transaction().execute(async (trx) => {
    const locked = await lockImportBatch(trx, batch.id);
    if (locked === undefined) throw notFound('import.not-found', { id: batch.id });
    if (locked.status !== 'committed') throw alreadyUndone(locked);
    const marked = await markImportBatchUndone(trx, batch.id, actor.id, ctx.now());
    await recordAudit(
      trx,
      actor,
      { action: 'undo-import', batchId: batch.id, detail: { kind: batch.kind, scorecard: code }, reason },
      [],
    );
    return marked;
  });
  // The scorecard service has bumped the metadata counter and published for its own write.
  return { batch: undone, restored: 1, deleted: 0, events: [] };
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
