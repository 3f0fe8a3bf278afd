/**
 * The messages between the import reader's worker (./read-worker.ts) and the server (./read-in-worker.ts).
 * Rows come in batches the server asks for one at a time, so a slow check never makes the worker read ahead
 * of it and a 100 MB file is never held as rows in memory twice.
 */
import type { Problem } from '../../../core/errors/problem.ts';
import type {
  EncodingOption,
  ImportLimits,
  ReadProgress,
  TableInfo,
  TableRow,
} from '../../../ingest/index.ts';

export interface ReadRequest {
  readonly bytes: Uint8Array;
  readonly format: 'auto' | 'csv' | 'xlsx';
  readonly encoding: EncodingOption;
  readonly sheet?: string;
  readonly limits: ImportLimits;
}

export type ReadMessage =
  | { readonly type: 'header'; readonly header: readonly string[]; readonly headerLine: number }
  | { readonly type: 'rows'; readonly rows: readonly TableRow[] }
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | { readonly type: 'end'; readonly info: TableInfo }
  | { readonly type: 'problem'; readonly problem: Problem }
  | { readonly type: 'failure'; readonly message: string };

/** What the server asks of the worker after the header: the next batch of rows. */
export type ReadCommand = { readonly type: 'next' };

/** Rows sent per message: large enough that messages cost little, small enough to interleave requests. */
export const ROWS_PER_BATCH = 5000;
