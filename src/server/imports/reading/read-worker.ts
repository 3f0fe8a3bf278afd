/**
 * The import reader's worker thread: reads a CSV or XLSX file with ingest's readTable (decoding, tokenizing,
 * unzipping, the limits of ingest/import-limits.ts) away from the server's event loop, and hands the rows over
 * in batches when asked (./read-protocol.ts). A refusal travels as its problem, anything else as a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isProblemError } from '../../../core/errors/problem.ts';
import { readTable, type TableRow } from '../../../ingest/index.ts';
import { type ReadCommand, type ReadMessage, type ReadRequest, ROWS_PER_BATCH } from './read-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('read-worker.ts runs as a worker thread');
const request: ReadRequest = workerData;

function post(message: ReadMessage): void {
  port?.postMessage(message);
}

// Batches asked for and not yet sent; the listener stays attached so that no request is missed.
let credits = 0;
let waiting: (() => void) | null = null;
port.on('message', (command: ReadCommand) => {
  if (command.type !== 'next') return;
  credits += 1;
  waiting?.();
  waiting = null;
});

/** Resolves once the server has asked for a batch (spending the request). */
async function nextCommand(): Promise<void> {
  if (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits -= 1;
}

async function run(): Promise<void> {
  const table = await readTable(request.bytes, {
    format: request.format,
    encoding: request.encoding,
    ...(request.sheet === undefined ? {} : { sheet: request.sheet }),
    limits: request.limits,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'header', header: table.header, headerLine: table.headerLine });
  let batch: TableRow[] = [];
  for await (const row of table.rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_BATCH) {
      await nextCommand();
      post({ type: 'rows', rows: batch });
      batch = [];
    }
  }
  await nextCommand();
  if (batch.length > 0) post({ type: 'rows', rows: batch });
  post({ type: 'end', info: table.info() });
}

run().catch((error: unknown) => {
  if (isProblemError(error)) post({ type: 'problem', problem: error.problem });
  else post({ type: 'failure', message: error instanceof Error ? error.message : String(error) });
});
