import { Worker } from 'node:worker_threads';
import type { PgliteClient, PgliteResult, PgliteSource } from './pglite-client.ts';
import {
  WorkerDatabaseError,
  type WorkerInit,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerStartup,
} from './pglite-worker-protocol.ts';

/** A request before it is numbered (`Omit` applied to each member of the union). */
type OmitId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody = OmitId<WorkerRequest>;

interface Pending {
  readonly resolve: (results: PgliteResult[]) => void;
  readonly reject: (error: Error) => void;
  /** Made at the call site so a failure's stack points at the caller, not at the message handler. */
  readonly callerError: Error;
}

function waitForStartup(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerStartup): void => {
      cleanup();
      if (message.type === 'ready') resolve();
      else reject(new WorkerDatabaseError(message.error));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`The PGlite worker exited with code ${code} before the database opened.`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/**
 * Opens PGlite in a worker thread (./pglite-worker.ts) and returns a client that forwards each statement
 * to it, so a slow query never blocks this thread's event loop. Values cross by structured clone
 * (BigInt, Date and bytea keep their types); database errors arrive as `WorkerDatabaseError` with the
 * SQLSTATE in `code`. The worker keeps the process alive only while a request is in flight.
 *
 * @example const client = await openWorkerPglite({ dataDir: '/var/lib/healthbsc/db' });
 */
export async function openWorkerPglite(source: PgliteSource): Promise<PgliteClient> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
    workerData: { ...source } satisfies WorkerInit,
  });
  try {
    await waitForStartup(worker);
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed: Promise<void> | undefined;
  let failure: Error | undefined;

  const settleAll = (error: Error): void => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (response: WorkerResponse) => {
    const request = pending.get(response.id);
    if (request === undefined) return;
    pending.delete(response.id);
    if (pending.size === 0) worker.unref();
    if (response.ok) {
      request.resolve(response.results);
    } else {
      const error = new WorkerDatabaseError(response.error);
      error.stack = `${error.name}: ${error.message}\n${request.callerError.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      request.reject(error);
    }
  });
  worker.on('error', (error) => settleAll(error));
  worker.on('exit', (code) => settleAll(new Error(`The PGlite worker exited (code ${code}).`)));
  worker.unref();

  const send = (body: RequestBody): Promise<PgliteResult[]> => {
    if (failure !== undefined) return Promise.reject(failure);
    if (closed !== undefined && body.op !== 'close') {
      return Promise.reject(new Error('The PGlite worker database is closed.'));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, callerError: new Error() });
      if (pending.size === 1) worker.ref();
      try {
        worker.postMessage({ ...body, id } satisfies WorkerRequest);
      } catch (error) {
        // A parameter that structured clone refuses (a function, a class instance with private state).
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };

  return {
    query: async (sql, params) => {
      const [result] = await send({ op: 'query', sql, params });
      if (result === undefined) throw new Error('The PGlite worker returned no result for a query.');
      return result;
    },
    exec: (sql) => send({ op: 'exec', sql }),
    close: () => {
      closed ??= (async () => {
        if (failure === undefined) await send({ op: 'close' });
        await worker.terminate();
      })();
      return closed;
    },
  };
}
