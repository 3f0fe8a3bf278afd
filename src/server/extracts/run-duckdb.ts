/**
 * Runs a compiled extract statement in an embedded DuckDB locked down to the one input file: `memory_limit`
 * and `threads` set, `enable_external_access = false` with only the input file (and the engine's own spill
 * directory) allowed, then `lock_configuration` so the statement cannot change any of it. Shared by the worker
 * thread (extract-worker.ts) and the benchmark's direct DuckDB run.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface DuckDbLimits {
  /** DuckDB's memory_limit, e.g. `1GB`. */
  readonly memoryLimit: string;
  readonly threads: number;
}

export interface SandboxedRun {
  /** The one file the statement may read. */
  readonly inputPath: string;
  /** A directory of ours where DuckDB may spill; deleted with the rest of the run's files. */
  readonly spillDirectory: string;
  readonly sql: string;
  readonly limits: DuckDbLimits;
  /** Called with the engine's progress, 0–100, about every `progressMs`. */
  readonly onProgress?: (percentage: number) => void;
  readonly progressMs?: number;
}

/** An aggregate row as the statement returns it. */
export type AggregateRow = readonly [unit: string, period: string, element: string, value: number];

/** The default limits of a run in the server: a share of a small machine. */
export const DEFAULT_DUCKDB_LIMITS: DuckDbLimits = { memoryLimit: '1GB', threads: 2 };

function settingLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Runs the statement and returns its rows. Throws an `ExtractEngineError` with a masked message on failure.
 *
 * @example const rows = await runSandboxed({ inputPath, spillDirectory, sql, limits: DEFAULT_DUCKDB_LIMITS });
 */
export async function runSandboxed(run: SandboxedRun): Promise<AggregateRow[]> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: run.limits.memoryLimit,
    threads: String(run.limits.threads),
  });
  const connection = await instance.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    const spill = run.spillDirectory.endsWith('/') ? run.spillDirectory : `${run.spillDirectory}/`;
    await connection.run(`SET temp_directory = ${settingLiteral(spill)}`);
    await connection.run(`SET allowed_paths = [${settingLiteral(run.inputPath)}]`);
    await connection.run(`SET allowed_directories = [${settingLiteral(spill)}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET autoinstall_known_extensions = false');
    await connection.run('SET autoload_known_extensions = false');
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
    await connection.run('SET lock_configuration = true');
    if (run.onProgress !== undefined) {
      const report = run.onProgress;
      timer = setInterval(() => {
        const percentage = connection.progress.percentage;
        if (percentage >= 0) report(Math.min(100, percentage));
      }, run.progressMs ?? 200);
    }
    const reader = await connection.runAndReadAll(run.sql);
    return reader
      .getRows()
      .map((row) => [String(row[0]), String(row[1]), String(row[2]), Number(row[3])] as const);
  } catch (error) {
    throw new ExtractEngineError(maskEngineMessage(error instanceof Error ? error.message : String(error)));
  } finally {
    if (timer !== undefined) clearInterval(timer);
    connection.closeSync();
    instance.closeSync();
  }
}

/** The engine refused or failed the statement; `message` has had every quoted text and record line removed. */
export class ExtractEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractEngineError';
  }
}

/**
 * An engine message without record values: only its first line (CSV errors quote the offending line below),
 * with every quoted text replaced by `…` (conversion errors quote the value). Column names are quoted too and
 * are lost with them: a refusal says what went wrong, never with what.
 *
 * @example maskEngineMessage(`Conversion Error: Could not convert string 'P0042' to INT64\nLINE 1: …`)
 * // 'Conversion Error: Could not convert string '…' to INT64'
 */
export function maskEngineMessage(message: string): string {
  const first = message.split(/\r?\n/, 1)[0] ?? '';
  return first
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/"(?:[^"]|"")*"/g, '"…"')
    .slice(0, 300);
}
