/**
 * Runs an extract: stages the file (stage-input.ts), compiles the definition (core/extracts), aggregates in
 * DuckDB in a worker thread (extract-worker.ts) and returns only the aggregates, the data values of units and
 * periods. The staged files are deleted before this returns or throws; a failure says what went wrong with
 * every record value masked.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractDefinition } from '../../core/contracts/extracts.ts';
import { badRequest, makeProblem } from '../../core/errors/problem.ts';
import { compileExtract } from '../../core/extracts/index.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import type { ExtractMessage, ExtractRequest } from './extract-protocol.ts';
import { type AggregateRow, DEFAULT_DUCKDB_LIMITS, type DuckDbLimits } from './run-duckdb.ts';
import { type ExtractEncoding, type ExtractFile, type StagedInput, stageExtract } from './stage-input.ts';

/** One aggregate: the value of a data element for a unit (its code, after translation) and a period. */
export interface ExtractValue {
  readonly orgUnit: string;
  readonly period: string;
  readonly dataElement: string;
  readonly value: number;
}

export interface ExtractRunInput {
  readonly definition: ExtractDefinition;
  readonly file: ExtractFile;
  readonly encoding?: ExtractEncoding;
  readonly limits?: DuckDbLimits;
  /** The engine's progress, 0–100. */
  readonly onProgress?: (percentage: number) => void;
}

export interface ExtractRunResult {
  readonly values: readonly ExtractValue[];
  readonly format: StagedInput['format'];
  readonly gzip: boolean;
  readonly encoding: StagedInput['encoding'];
  readonly seconds: number;
}

/** Extracts aggregated at once in this process: each one holds DuckDB's memory limit and threads. */
export const MAX_EXTRACTS = 1;
const RETRY_AFTER_SECONDS = 10;
let running = 0;

function inWorker(
  request: ExtractRequest,
  onProgress?: (percentage: number) => void,
): Promise<AggregateRow[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: request });
    let settled = false;
    worker.on('message', (message: ExtractMessage) => {
      if (message.type === 'progress') onProgress?.(message.percentage);
      else if (message.type === 'rows') {
        settled = true;
        resolve([...message.rows]);
      } else {
        settled = true;
        reject(badRequest('extract.engine-failed', { message: message.message }));
      }
    });
    worker.on('error', () => {
      settled = true;
      reject(badRequest('extract.worker-stopped', {}));
    });
    worker.on('exit', () => {
      if (!settled) reject(badRequest('extract.worker-stopped', {}));
    });
  });
}

/**
 * The aggregates of an extract under its definition.
 *
 * @example
 * const { values } = await runExtract({ definition, file: { path: 'discharges.csv.gz' } });
 * values[0] // { orgUnit: 'CARD', period: '2024-01', dataElement: 'READMISSIONS_30D', value: 3 }
 */
export async function runExtract(input: ExtractRunInput): Promise<ExtractRunResult> {
  if (running >= MAX_EXTRACTS) {
    throw new ExtendedProblemError(
      makeProblem('unavailable', 'guard.import-busy', { seconds: RETRY_AFTER_SECONDS }),
      { retryAfter: RETRY_AFTER_SECONDS },
    );
  }
  running += 1;
  const started = performance.now();
  let staged: StagedInput | null = null;
  try {
    staged = await stageExtract(input.file, input.encoding ?? 'auto');
    const { sql, elementOf } = compileExtract(input.definition, {
      format: staged.format,
      path: staged.path,
      gzip: staged.gzip,
    });
    const rows = await inWorker(
      {
        sql,
        inputPath: staged.path,
        spillDirectory: staged.spillDirectory,
        limits: input.limits ?? DEFAULT_DUCKDB_LIMITS,
      },
      input.onProgress,
    );
    const values = rows.map(([orgUnit, period, element, value]) => ({
      orgUnit,
      period,
      dataElement: elementOf[element] ?? element,
      value,
    }));
    values.sort(
      (a, b) =>
        a.dataElement.localeCompare(b.dataElement) ||
        a.orgUnit.localeCompare(b.orgUnit) ||
        a.period.localeCompare(b.period),
    );
    return {
      values,
      format: staged.format,
      gzip: staged.gzip,
      encoding: staged.encoding,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    running -= 1;
    await staged?.cleanup();
  }
}
