/**
 * How a written row is kept in `import_change` (its key with codes for people, and its value before and after
 * with who wrote it, when, under which batch and version), and how it is read back to undo the import.
 */

import {
  columnsOf,
  type RowValues,
  type Scalar,
  type StoredRow,
} from '../../db/repositories/value-store.repository.ts';
import { VALUE_TABLES, type ValueTableName } from '../../db/repositories/value-tables.ts';
import type { JsonValue } from '../../db/schema.ts';
import { sameNumber } from '../../ingest/index.ts';

/** A row an import wrote (or an undo put back): before (null: it did not exist) and after (null: deleted). */
export interface AppliedChange {
  readonly table: ValueTableName;
  readonly key: RowValues;
  readonly labels: Readonly<Record<string, string | null>>;
  readonly before: StoredRow | null;
  readonly after: StoredRow | null;
  readonly orgUnitId: number | null;
  readonly rootId: number | null;
}

/** `{ value, comment, updatedBy, updatedAt, importBatchId, version }` (target: its figures and source). */
export function storedToJson(row: StoredRow): JsonValue {
  return {
    ...row.values,
    updatedBy: row.by,
    updatedAt: row.at,
    importBatchId: row.batchId,
    version: row.version,
  };
}

function scalar(value: JsonValue | undefined): Scalar {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function asRecord(json: JsonValue | null): Record<string, JsonValue> | null {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : null;
}

/** Reads back what `storedToJson` wrote, with the key of the change. */
export function storedFromJson(
  table: ValueTableName,
  keyJson: JsonValue,
  json: JsonValue | null,
): StoredRow | null {
  const value = asRecord(json);
  if (value === null) return null;
  const keyRecord = asRecord(keyJson) ?? {};
  const { keys, values } = columnsOf(table);
  const version = value.version;
  const batch = value.importBatchId;
  return {
    key: Object.fromEntries(keys.map((k) => [k, scalar(keyRecord[k])])),
    values: Object.fromEntries(values.map((k) => [k, scalar(value[k])])),
    by: String(value.updatedBy ?? ''),
    at: String(value.updatedAt ?? ''),
    batchId: typeof batch === 'number' ? batch : null,
    version: typeof version === 'number' ? version : null,
  };
}

/**
 * The row as an import wrote it, from the change's `new_value` (its values only) and the batch: written by the
 * batch's author at the batch's time under its id, one version past the row it replaced (1 for a new row).
 */
export function writtenFromJson(
  table: ValueTableName,
  keyJson: JsonValue,
  json: JsonValue | null,
  batch: { readonly id: number; readonly created_by: string; readonly created_at: Date },
  before: StoredRow | null,
): StoredRow | null {
  const row = storedFromJson(table, keyJson, json);
  if (row === null) return null;
  const versioned = VALUE_TABLES[table].versioned;
  return {
    ...row,
    by: batch.created_by,
    at: batch.created_at.toISOString(),
    batchId: versioned ? batch.id : null,
    version: versioned ? (before?.version ?? 0) + 1 : null,
  };
}

/** The change's key as stored: the key columns (to find the row again) and the codes (to show it). */
export function keyToJson(key: RowValues, labels: Readonly<Record<string, string | null>>): JsonValue {
  return { ...key, ...labels };
}

/** The codes a change's stored key carries for people, beside the key columns (see `keyToJson`). */
const LABELS = ['orgUnit', 'dataElement', 'scorecard', 'orgUnitGroup'] as const;

/** The labels of a change's stored key (`{ orgUnit: 'ICU', dataElement: 'beds' }`). */
export function labelsFromJson(keyJson: JsonValue): Record<string, string | null> {
  const key = asRecord(keyJson) ?? {};
  const labels: Record<string, string | null> = {};
  for (const name of LABELS) {
    const value = key[name];
    if (typeof value === 'string') labels[name] = value;
  }
  return labels;
}

function sameScalar(a: Scalar, b: Scalar): boolean {
  return typeof a === 'number' && typeof b === 'number' ? sameNumber(a, b) : a === b;
}

/** The values of two rows are equal (numbers within a float's round trip through a database). */
export function sameValues(a: RowValues, b: RowValues): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) if (!sameScalar(a[name] ?? null, b[name] ?? null)) return false;
  return true;
}

/**
 * True when the stored row is still exactly what the import wrote: same values, same batch, same version
 * (every later write bumps it), and for target (which has no version) the same write time.
 */
export function isUntouchedSince(current: StoredRow, written: StoredRow): boolean {
  if (!sameValues(current.values, written.values) || current.batchId !== written.batchId) return false;
  if (written.version !== null) return current.version === written.version;
  return Date.parse(current.at) === Date.parse(written.at);
}
