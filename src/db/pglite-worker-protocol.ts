/**
 * Messages between `openWorkerPglite` (./pglite-worker-client.ts) and the worker (./pglite-worker.ts).
 *
 * Everything crosses by structured clone, which keeps BigInt, Date, Uint8Array (a Buffer arrives as a
 * Uint8Array, which PGlite accepts for bytea), plain objects and arrays. Errors do not keep their
 * own fields (`code`, `detail`, …) through a clone, so they cross as `SerializedDbError`.
 */
import type { PgliteResult, PgliteSource } from './pglite-client.ts';

/** What the worker is given at start (a Blob to load crosses by structured clone too). */
export type WorkerInit = PgliteSource;

export type WorkerRequest =
  | { readonly id: number; readonly op: 'query'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly id: number; readonly op: 'exec'; readonly sql: string }
  | { readonly id: number; readonly op: 'close' };

/** The error fields PostgreSQL sends (https://www.postgresql.org/docs/15/protocol-error-fields.html). */
export interface SerializedDbError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  readonly routine?: string;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly results: PgliteResult[] }
  | { readonly id: number; readonly ok: false; readonly error: SerializedDbError };

/** The worker's first message: the database is open, or it could not be opened. */
export type WorkerStartup =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly error: SerializedDbError };

const ERROR_FIELDS = [
  'code',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'constraint',
  'routine',
] as const;

/** Copies an error's PostgreSQL fields into plain data that survives `postMessage`. */
export function serializeDbError(error: unknown): SerializedDbError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, string> = {};
  for (const key of ERROR_FIELDS) {
    const value: unknown = Reflect.get(error, key);
    if (typeof value === 'string') fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

/**
 * An error raised by PGlite in the worker, rebuilt in the calling thread with the same fields as
 * `pg`'s `DatabaseError` (`code` is the SQLSTATE), so callers handle both engines alike.
 */
export class WorkerDatabaseError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly position: string | undefined;
  readonly where: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly constraint: string | undefined;
  readonly routine: string | undefined;

  constructor(error: SerializedDbError) {
    super(error.message);
    // PGlite and pg both name their database errors 'error'; kept as sent.
    this.name = error.name;
    this.code = error.code;
    this.detail = error.detail;
    this.hint = error.hint;
    this.position = error.position;
    this.where = error.where;
    this.schema = error.schema;
    this.table = error.table;
    this.column = error.column;
    this.constraint = error.constraint;
    this.routine = error.routine;
  }
}
