/**
 * The worker thread that hosts PGlite for the server.
 *
 * PGlite runs PostgreSQL compiled to WebAssembly on the thread that calls it and blocks that thread's
 * event loop for the whole query (../shared/STACK.md: a 2.4 s query starved a 10 ms timer). Here it
 * blocks only this worker; the main thread keeps serving requests and timers.
 *
 * Started by `openWorkerPglite` (./pglite-worker-client.ts) with `workerData: WorkerInit`. Node runs this
 * file directly (type stripping), so it imports only what Node can load without a bundler.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions, toPgliteResult } from './pglite-client.ts';
import {
  serializeDbError,
  type WorkerInit,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerStartup,
} from './pglite-worker-protocol.ts';

function isWorkerInit(value: unknown): value is WorkerInit {
  if (typeof value !== 'object' || value === null) return false;
  const dataDir: unknown = Reflect.get(value, 'dataDir');
  const loadDataDir: unknown = Reflect.get(value, 'loadDataDir');
  return (
    (dataDir === null || typeof dataDir === 'string') &&
    (loadDataDir === undefined || loadDataDir instanceof Blob)
  );
}

async function handle(pglite: PGlite, request: WorkerRequest): Promise<WorkerResponse> {
  try {
    switch (request.op) {
      case 'query':
        return {
          id: request.id,
          ok: true,
          results: [toPgliteResult(await pglite.query(request.sql, [...request.params]))],
        };
      case 'exec':
        return { id: request.id, ok: true, results: (await pglite.exec(request.sql)).map(toPgliteResult) };
      case 'close':
        if (!pglite.closed) await pglite.close();
        return { id: request.id, ok: true, results: [] };
    }
  } catch (error) {
    return { id: request.id, ok: false, error: serializeDbError(error) };
  }
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('pglite-worker.ts must run as a worker thread (see openWorkerPglite).');
  if (!isWorkerInit(workerData)) {
    port.postMessage({
      type: 'failed',
      error: {
        name: 'TypeError',
        message: 'pglite-worker.ts needs workerData { dataDir: string | null, loadDataDir?: Blob }.',
      },
    } satisfies WorkerStartup);
    return;
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(pgliteOptions(workerData));
  } catch (error) {
    port.postMessage({ type: 'failed', error: serializeDbError(error) } satisfies WorkerStartup);
    return;
  }
  // PGlite queues statements on its single session itself; the client's driver already sends
  // them one transaction at a time, so requests are answered as they come.
  port.on('message', (request: WorkerRequest) => {
    void handle(pglite, request).then((response) => {
      try {
        port.postMessage(response);
      } catch (error) {
        // A row value that cannot be cloned (none of PostgreSQL's types today): report it, not hang.
        port.postMessage({
          id: request.id,
          ok: false,
          error: serializeDbError(error),
        } satisfies WorkerResponse);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerStartup);
}

await main();
