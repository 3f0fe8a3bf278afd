/**
 * `healthbsc import FILE [--dry-run] [--type …] [--encoding …] [--scorecard CODE] [--json]`
 * Checks a file whole against the database and, unless `--dry-run`, imports it in one transaction. Prints the
 * report (rows read, to create, to update, unchanged) and every error as `FILE:ROW column: reason`; exits 2
 * when the file has any error, and then nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type ImportEncoding,
  type ImportKind,
  type ImportProgress,
  type ImportReportBody,
  importEncodingSchema,
  importKindSchema,
} from '../../core/contracts/import.ts';
import { commitImport, dryRunImport, ImportRejectedError } from '../../server/imports/import.service.ts';
import { kindOfFile } from '../../server/imports/kinds/index.ts';
import { type Env, withDbSession } from '../db-session.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { InputFileError } from '../read-document.ts';
import { runProfileImport } from './import-profile.ts';

export const IMPORT_USAGE = `Usage: healthbsc import FILE [--dry-run] [--type ${importKindSchema.options.join('|')}]
                        [--encoding ${importEncodingSchema.options.join('|')}] [--scorecard CODE]
                        [--definition DEF] [--json]
       healthbsc import FILE --profile PROFILE.json|NAME[@VERSION] [--dry-run] [--json]
Checks FILE (CSV, XLSX, or a scorecard file in YAML/JSON) whole against the database and imports it in one
transaction. With --dry-run nothing is written. Any error: every one is listed, nothing is written, exit code 2.
--type defaults to metadata for .yaml/.yml/.json files and to data otherwise. --scorecard names the scorecard
of targets, assessments and reported values; --definition the extract definition (YAML or JSON) of an
extract (healthbsc extract). The database is the one the server uses (HEALTHBSC_DATABASE_URL,
or PGlite in HEALTHBSC_DATA_DIR, default ./data); stop the server first, or import over the HTTP API.
--profile maps a table as its source publishes it (CSV, gzip CSV, XLSX) with a mapping profile, a file or
the name of a profile saved in the database
(docs/profile-format.md; healthbsc schema profile) and shows a progress bar on a terminal.`;

/** Files at least this large get a progress line on stderr. */
export const PROGRESS_FILE_BYTES = 1024 * 1024;

const number = new Intl.NumberFormat('en-US');

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new InputFileError([
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`,
    ]);
  }
}

function progressPrinter(io: Io, file: string, size: number): ((p: ImportProgress) => void) | undefined {
  if (size < PROGRESS_FILE_BYTES) return undefined;
  let last = 0;
  return (p) => {
    const now = performance.now();
    const final = p.total !== null && p.done >= p.total;
    if (!final && now - last < 1000) return;
    last = now;
    const unit = p.phase === 'reading' ? 'bytes' : 'rows';
    const total = p.total === null ? '' : ` / ${number.format(p.total)}`;
    io.err(`${file}: ${p.phase} ${number.format(p.done)}${total} ${unit}`);
  };
}

/** The report as people read it: a summary line on stdout, one line per error on stderr. */
export function printReport(io: Io, file: string, report: ImportReportBody, dryRun: boolean): void {
  for (const e of report.errors) io.err(`${file}:${e.row} ${e.column}: ${e.reason}`);
  if (report.errorsNotListed > 0)
    io.err(`${file}: ${number.format(report.errorsNotListed)} more errors not listed`);
  const encoding = report.encoding === null ? '' : `, ${report.encoding}`;
  io.out(
    `${file}: ${number.format(report.rowsRead)} rows read (${report.kind}, ${report.format}${encoding}): ` +
      `${number.format(report.toCreate)} to create, ${number.format(report.toUpdate)} to update, ` +
      `${number.format(report.unchanged)} unchanged`,
  );
  if (report.ignoredColumns.length > 0) io.out(`ignored columns: ${report.ignoredColumns.join(', ')}`);
  for (const notice of report.notices) io.out(`note: ${notice.message}`);
  if (report.errorCount > 0) {
    io.out(
      `${number.format(report.errorCount)} error${report.errorCount === 1 ? '' : 's'}: nothing was written.`,
    );
  } else if (dryRun) {
    io.out('Dry run: nothing was written.');
  } else if (report.batchId !== null) {
    io.out(`Imported as batch ${report.batchId} (undo: POST /api/imports/${report.batchId}/undo).`);
  } else {
    const seen = report.sameAsBatchId === null ? '' : ` (the same file as batch ${report.sameAsBatchId})`;
    io.out(`Nothing to change: every value is already stored${seen}.`);
  }
}

function choice<T extends string>(
  value: string | undefined,
  options: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const found = options.find((o) => o === value);
  if (found === undefined)
    throw new UsageError(`${flag} must be one of ${options.join(', ')} (got '${value}')`, IMPORT_USAGE);
  return found;
}

export async function runImport(args: readonly string[], io: Io, env?: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      type: { type: 'string' },
      encoding: { type: 'string' },
      scorecard: { type: 'string' },
      definition: { type: 'string' },
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE', IMPORT_USAGE);
  const file = positionals[0] ?? '';
  if (values.profile !== undefined) {
    const bytes = await readInput(file);
    return runProfileImport(
      { file, bytes, profile: values.profile, dryRun: values['dry-run'], json: values.json },
      io,
      env,
    );
  }
  const kind: ImportKind = choice(values.type, importKindSchema.options, '--type') ?? kindOfFile(file);
  const encoding: ImportEncoding =
    choice(values.encoding, importEncodingSchema.options, '--encoding') ?? 'auto';
  const bytes = await readInput(file);
  const definition =
    values.definition === undefined
      ? undefined
      : new TextDecoder().decode(await readInput(values.definition));
  const dryRun = values['dry-run'];
  const onProgress = progressPrinter(io, file, bytes.length);
  const input = {
    bytes,
    fileName: file.split(/[\\/]/).pop() ?? file,
    kind,
    encoding,
    ...(values.scorecard === undefined ? {} : { scorecard: values.scorecard }),
    ...(definition === undefined ? {} : { definition }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
  const report = await withDbSession(
    { owner: 'healthbsc import', ...(env === undefined ? {} : { env }) },
    async (s) => {
      try {
        return dryRun ? await dryRunImport(s.ctx, s.actor, input) : await commitImport(s.ctx, s.actor, input);
      } catch (error) {
        if (error instanceof ImportRejectedError) return error.report;
        throw error;
      }
    },
  );
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else printReport(io, file, report, dryRun);
  return report.errorCount > 0 ? 2 : 0;
}

export const EXTRACT_USAGE = `Usage: healthbsc extract FILE --definition DEF [--dry-run] [--encoding auto|utf-8|gb18030|gbk] [--json]
Aggregates a record-level extract (CSV, gzip CSV or Parquet; UTF-8 or GB18030) by its extract definition DEF
(YAML or JSON, docs/extracts.md) in an embedded DuckDB, and imports only the aggregates as data values, checked
as a data import is (with --dry-run nothing is written). The records are never stored.`;

/** `healthbsc extract FILE --definition DEF`: an import of kind extract. */
export function runExtractCommand(args: readonly string[], io: Io, env?: Env): Promise<number> {
  if (!args.includes('--definition')) throw new UsageError('extract needs --definition DEF', EXTRACT_USAGE);
  if (args.includes('--type')) throw new UsageError('extract takes no --type', EXTRACT_USAGE);
  return runImport(['--type', 'extract', ...args], io, env);
}
