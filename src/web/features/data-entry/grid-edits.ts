/**
 * What the user changed in the grid, and what Save sends: only the changed, valid cells, in one batch, each
 * with the `version` it was typed over (optimistic concurrency: core/contracts/data-values.ts). A 409 names,
 * by index in the batch, what is stored now; `applyConflicts` turns that into a conflict per cell, and the
 * user keeps theirs (the edit takes the stored version, so the next Save overwrites knowingly) or takes the
 * stored value (the edit is dropped).
 */
import type { DataValue, DataValueInput } from '../../../core/contracts/data-values.ts';
import type { CurrentValue } from '../../../core/contracts/value-rows.ts';
import { type CellRules, cellText, checkCell } from './cell-validation.ts';
import { cellKey } from './grid-model.ts';

/** One edited cell. */
export interface CellEdit {
  readonly dataElement: string;
  readonly month: string;
  /** The input's text. */
  readonly text: string;
  /** The comment to store; undefined: leave the stored comment as it is. */
  readonly comment?: string | null;
  /** The version the edit replaces (undefined: there was none stored). */
  readonly version: number | undefined;
  /** The period the text was copied from (copy-previous.ts), until the user types over it. */
  readonly copiedFrom?: string;
}

/** Edits by cell key (grid-model.ts `cellKey`). */
export type Edits = ReadonlyMap<string, CellEdit>;
/** Stored values by cell key. */
export type StoredValues = ReadonlyMap<string, DataValue>;

/** What is stored now for a cell whose save conflicted, next to what the user typed. */
export interface CellConflict {
  readonly mine: number | null;
  readonly stored: Omit<CurrentValue, 'index'>;
}

/** Stored values by cell key. */
export function indexValues(values: readonly DataValue[]): Map<string, DataValue> {
  return new Map(values.map((value) => [cellKey(value.dataElement, value.period), value]));
}

/**
 * The edit after typing `text` into a cell: the version is the one first read (kept across keystrokes, so a
 * concurrent change is still noticed); typing the stored value back with no comment change drops the edit.
 */
export function typeIntoCell(
  edits: Edits,
  stored: StoredValues,
  cell: { readonly dataElement: string; readonly month: string },
  text: string,
): Map<string, CellEdit> {
  const key = cellKey(cell.dataElement, cell.month);
  const next = new Map(edits);
  const before = edits.get(key);
  const value = stored.get(key);
  const edit: CellEdit = {
    ...cell,
    text,
    version: before === undefined ? value?.version : before.version,
    ...(before?.comment === undefined ? {} : { comment: before.comment }),
  };
  const same =
    edit.comment === undefined && text.trim() === cellText(value?.value) && edit.version === value?.version;
  if (same) next.delete(key);
  else next.set(key, edit);
  return next;
}

/** The edit after changing a cell's comment (empty text clears it). */
export function commentCell(
  edits: Edits,
  stored: StoredValues,
  cell: { readonly dataElement: string; readonly month: string },
  comment: string,
): Map<string, CellEdit> {
  const key = cellKey(cell.dataElement, cell.month);
  const value = stored.get(key);
  const before = edits.get(key);
  const next = new Map(edits);
  next.set(key, {
    ...cell,
    text: before?.text ?? cellText(value?.value),
    version: before === undefined ? value?.version : before.version,
    comment: comment.trim() === '' ? null : comment,
    ...(before?.copiedFrom === undefined ? {} : { copiedFrom: before.copiedFrom }),
  });
  return next;
}

/** The check of an edited cell: its number, or why it cannot be stored. */
export function checkEdit(edit: CellEdit, rules: CellRules) {
  const check = checkCell(edit.text, rules);
  if (check.ok && check.value === null && edit.comment !== undefined && edit.comment !== null) {
    return { ok: false, error: { code: 'commentNeedsValue' } } as const;
  }
  return check;
}

export interface Batch {
  /** The body's `values`, in order. */
  readonly values: DataValueInput[];
  /** The cell key of each value sent, in the same order (a 409's `index` points here). */
  readonly keys: string[];
  /** Cells left out because what was typed cannot be stored. */
  readonly invalid: string[];
}

/**
 * The batch Save sends: every edited cell whose number or comment differs from what is stored, with the
 * version it was typed over; invalid cells are left out (and listed). An empty `values` means nothing to send.
 */
export function buildBatch(
  orgUnit: string,
  edits: Edits,
  stored: StoredValues,
  rulesOf: (dataElement: string) => CellRules | undefined,
): Batch {
  const batch: Batch = { values: [], keys: [], invalid: [] };
  for (const [key, edit] of edits) {
    const rules = rulesOf(edit.dataElement);
    const check = rules === undefined ? null : checkEdit(edit, rules);
    if (check === null || !check.ok) {
      batch.invalid.push(key);
      continue;
    }
    const current = stored.get(key);
    const commentChanged = edit.comment !== undefined && edit.comment !== (current?.comment ?? null);
    const versionMoved = edit.version !== current?.version;
    if (check.value === (current?.value ?? null) && !commentChanged && !versionMoved) continue;
    batch.values.push({
      orgUnit,
      dataElement: edit.dataElement,
      period: edit.month,
      value: check.value,
      ...(edit.comment === undefined ? {} : { comment: edit.comment }),
      ...(edit.version === undefined ? {} : { version: edit.version }),
    });
    batch.keys.push(key);
  }
  return batch;
}

/** The conflicts of a 409, by cell key: what each cell's value was in the batch, and what is stored now. */
export function applyConflicts(batch: Batch, current: readonly CurrentValue[]): Map<string, CellConflict> {
  const conflicts = new Map<string, CellConflict>();
  for (const { index, ...stored } of current) {
    const key = batch.keys[index];
    const sent = batch.values[index];
    if (key === undefined || sent === undefined) continue;
    conflicts.set(key, { mine: sent.value, stored });
  }
  return conflicts;
}

/** Keep mine: the edit now replaces the stored version, so the next Save overwrites it. */
export function keepMine(edits: Edits, key: string, conflict: CellConflict): Map<string, CellEdit> {
  const next = new Map(edits);
  const edit = edits.get(key);
  if (edit !== undefined) next.set(key, { ...edit, version: conflict.stored.version ?? undefined });
  return next;
}

/** Take theirs: the edit is dropped and the cell shows what is stored (once the values are read again). */
export function takeStored(edits: Edits, key: string): Map<string, CellEdit> {
  const next = new Map(edits);
  next.delete(key);
  return next;
}
