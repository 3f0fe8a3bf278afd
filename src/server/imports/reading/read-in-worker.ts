/**
 * Reads an import's file in a worker thread (./read-worker.ts) and gives it back as ingest's `Table`, whose
 * rows arrive in batches: decoding, tokenizing and unzipping a 100 MB file no longer hold the server's event
 * loop, and each batch is a turn of the loop in which other clients' requests are answered.
 *
 * At most `MAX_READERS` files are read at once in this process (each reader is a thread with its own heap);
 * one more is refused with 503 `guard.import-busy` and `Retry-After` rather than queued. The limit is per
 * process because the threads are: a second server has its own.
 */
import { Worker } from 'node:worker_threads';
import { makeProblem, ProblemError } from '../../../core/errors/problem.ts';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ReadProgress,
  type ReadTableOptions,
  type Table,
  type TableInfo,
  type TableRow,
} from '../../../ingest/index.ts';
import { ExtendedProblemError } from '../../problem-extensions.ts';
import type { ReadCommand, ReadMessage, ReadRequest } from './read-protocol.ts';

/** Files read at once: the machine this runs on has few cores, and the checks that follow need one too. */
export const MAX_READERS = 2;
const RETRY_AFTER_SECONDS = 5;

let reading = 0;

export interface WorkerReadOptions
  extends Pick<ReadTableOptions, 'format' | 'encoding' | 'sheet' | 'onProgress'> {
  readonly limits?: Partial<ImportLimits>;
}

type Settled = Extract<ReadMessage, { type: 'rows' | 'end' | 'problem' | 'failure' }>;

function failureOf(message: Extract<ReadMessage, { type: 'problem' | 'failure' }>): Error {
  return message.type === 'problem'
    ? new ProblemError(message.problem)
    : new Error(`Reading the file failed: ${message.message}`);
}

/**
 * Opens `bytes` as a table in a worker thread; the header is read before this resolves, and a refusal of the
 * file (its limits, its encoding, a hidden sheet) rejects with the same problem readTable throws.
 *
 * @example
 * const table = await readTableInWorker(bytes, { encoding: 'auto' });
 * for await (const row of table.rows) check(row);
 */
/** A table read in a worker; `close()` ends the worker (and frees its slot) whether or not its rows were read. */
export interface WorkerTable extends Table {
  close(): void;
}

/** A reader nobody has asked rows of for this long is ended: its slot must not be held by a forgotten table. */
const IDLE_MS = 60_000;

export async function readTableInWorker(
  bytes: Uint8Array,
  options: WorkerReadOptions = {},
): Promise<WorkerTable> {
  if (reading >= MAX_READERS) {
    throw new ExtendedProblemError(
      makeProblem('unavailable', 'guard.import-busy', { seconds: RETRY_AFTER_SECONDS }),
      {
        retryAfter: RETRY_AFTER_SECONDS,
      },
    );
  }
  reading += 1;
  // A copy the worker owns: the caller keeps its bytes (the checksum, the batch record).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const request: ReadRequest = {
    bytes: copy,
    format: options.format ?? 'auto',
    encoding: options.encoding ?? 'auto',
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    limits: { ...DEFAULT_IMPORT_LIMITS, ...options.limits },
  };
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), {
    workerData: request,
    transferList: [copy.buffer],
  });
  let finished = false;
  let idle: NodeJS.Timeout | undefined;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    reading -= 1;
    clearTimeout(idle);
    void worker.terminate();
  };
  const stillWanted = (): void => {
    clearTimeout(idle);
    idle = setTimeout(finish, IDLE_MS);
    idle.unref();
  };
  const queue: Settled[] = [];
  let wake: (() => void) | null = null;
  let info: TableInfo | null = null;
  let header: { header: readonly string[]; headerLine: number } | null = null;
  let headerWaiter: { resolve: () => void; reject: (error: Error) => void } | null = null;

  const onProgress = (progress: ReadProgress): void => options.onProgress?.(progress);
  worker.on('message', (message: ReadMessage) => {
    if (message.type === 'progress') return onProgress(message.progress);
    if (message.type === 'header') {
      header = { header: message.header, headerLine: message.headerLine };
      headerWaiter?.resolve();
      return;
    }
    if (header === null && (message.type === 'problem' || message.type === 'failure')) {
      finish();
      headerWaiter?.reject(failureOf(message));
      return;
    }
    queue.push(message);
    wake?.();
    wake = null;
  });
  worker.on('error', (error) => {
    const failure: Settled = { type: 'failure', message: error.message };
    if (header === null) {
      finish();
      headerWaiter?.reject(failureOf(failure));
      return;
    }
    queue.push(failure);
    wake?.();
    wake = null;
  });

  try {
    await new Promise<void>((resolve, reject) => {
      headerWaiter = { resolve, reject };
    });
  } catch (error) {
    finish();
    throw error;
  }
  const opened = header ?? { header: [], headerLine: 0 };
  stillWanted();

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        if (queue.length === 0) {
          stillWanted();
          worker.postMessage({ type: 'next' } satisfies ReadCommand);
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        const message = queue.shift();
        if (message === undefined) continue;
        if (message.type === 'rows') yield* message.rows;
        else if (message.type === 'end') {
          info = message.info;
          return;
        } else throw failureOf(message);
      }
    } finally {
      finish();
    }
  }

  return {
    header: opened.header,
    headerLine: opened.headerLine,
    rows: rows(),
    close: finish,
    info: () =>
      info ?? {
        format: request.format === 'xlsx' ? 'xlsx' : 'csv',
        encoding: null,
        delimiter: null,
        sheet: null,
      },
  };
}
