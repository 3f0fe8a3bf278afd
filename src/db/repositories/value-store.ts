/**
 * What the three kinds of keyed values (data values, reported values, assessments) have in common: each row
 * belongs to one organisation (`root_id`, first in its primary key), holds a number and a note (a comment or
 * the evidence), and carries a version that every change increments, for optimistic concurrency.
 */

/** A value as stored. */
export interface StoredValue {
  /** The number: a data value, a reported value or a score. */
  readonly value: number;
  /** The comment or, for an assessment, the evidence. */
  readonly note: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** A value to store under `key`, with the version it will have. */
export interface ValueRow<K> {
  readonly key: K;
  readonly value: number;
  readonly note: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly importBatchId: number | null;
}

/** Rows per statement: well under PostgreSQL's 65,535 parameters for every table. */
export const VALUE_CHUNK = 2_000;
