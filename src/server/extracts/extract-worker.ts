/**
 * An extract's worker thread: runs the compiled statement in DuckDB (run-duckdb.ts) away from the server's
 * event loop and sends back progress and the aggregate rows, or a failure whose message is already masked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractMessage, ExtractRequest } from './extract-protocol.ts';
import { ExtractEngineError, runSandboxed } from './run-duckdb.ts';

const port = parentPort;
if (port === null) throw new Error('extract-worker.ts runs as a worker thread');
const request: ExtractRequest = workerData;

function post(message: ExtractMessage): void {
  port?.postMessage(message);
}

try {
  const rows = await runSandboxed({
    ...request,
    onProgress: (percentage) => post({ type: 'progress', percentage }),
  });
  post({ type: 'rows', rows });
} catch (error) {
  // Only the masked engine message crosses; anything else is named by its kind, never by its text.
  post({
    type: 'failure',
    message: error instanceof ExtractEngineError ? error.message : 'the engine stopped unexpectedly',
  });
}
