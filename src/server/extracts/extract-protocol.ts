/** Messages between the server and an extract's worker thread (extract-worker.ts). */
import type { AggregateRow, SandboxedRun } from './run-duckdb.ts';

export type ExtractRequest = Omit<SandboxedRun, 'onProgress'>;

export type ExtractMessage =
  | { readonly type: 'progress'; readonly percentage: number }
  | { readonly type: 'rows'; readonly rows: readonly AggregateRow[] }
  | { readonly type: 'failure'; readonly message: string };
