/**
 * Writing a batch of keyed values (data values, reported values, assessments) the same way for all three, from
 * the table's spec (db/repositories/value-tables.ts): each service checks its items (codes, periods, ranges)
 * and hands them to a `ValueBatch`, which refuses the whole batch with a 400 listing every bad item (a key sent
 * twice among them); then, in one transaction, the stored rows are locked and read, the whole batch is refused
 * with a 409 (and what is stored now, `current`) if any `version` does not match, approved data refuses with a
 * 409 naming the approval, and each value is created, updated or deleted through the bulk writer the imports
 * use, every change audited (old → new) and the organisation's counters bumped.
 */
import type { CurrentValue, WriteCounts, WriteStatus } from '../../core/contracts/value-rows.ts';
import { invalid, issue, makeProblem, type ProblemIssue } from '../../core/errors/problem.ts';
import type { Period } from '../../core/periods/index.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import { ensurePeriods } from '../../db/repositories/period.repository.ts';
import {
  deleteRows,
  keyText,
  lockStoredByKeys,
  type RowValues,
  type StoredRow,
  upsertRows,
} from '../../db/repositories/value-store.repository.ts';
import { type KeyedValueTableName, VALUE_TABLES } from '../../db/repositories/value-tables.ts';
import type { Actor, ServerContext } from '../context.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { assertUnlocked } from './approval-locks.ts';
import { commitWrite } from './commit-write.ts';
import { approvalLockOf, touchedBy } from './value-effects.ts';

/** How one API batch of a table is named in requests and problems. */
export interface ValueBatchKind {
  readonly table: KeyedValueTableName;
  /** The batch's field in the request body (`values`, `assessments`), for the paths of problems. */
  readonly batchField: string;
  /** The 400 of a batch with a bad item. */
  readonly invalid: 'data-value.batch-invalid' | 'reported-value.batch-invalid' | 'assessment.batch-invalid';
  /** The issue of an item whose key an earlier item has. */
  readonly duplicate: 'data-value.duplicate' | 'reported-value.duplicate' | 'assessment.duplicate';
}

/** One item as its service checked it, its key resolved to ids; `C` is how the response names it (codes). */
export interface CheckedValue<C> {
  /** Its index in the batch, for messages. */
  readonly index: number;
  /** By the table's key columns (`root_id`, `org_unit_id`, …). */
  readonly key: RowValues;
  /** The key in codes, in the key's order: the response's names, and joined by `/` the audit trail's. */
  readonly codes: C;
  readonly rootId: number;
  readonly orgUnitId: number;
  readonly period: Period;
  /** The number to store; null deletes. */
  readonly value: number | null;
  /** The note (comment or evidence) to store; undefined keeps the stored one, null clears it. */
  readonly note: string | null | undefined;
  /** The version the writer read; undefined overwrites. */
  readonly expectedVersion: number | undefined;
}

interface PreparedValue<C> extends CheckedValue<C> {
  readonly keyId: string;
  /** The key in codes (`H1/beds/2024-03`). */
  readonly entityKey: string;
}

/** A batch being checked: its service adds each good item and the issues of the bad ones. */
export interface ValueBatch<C> {
  readonly kind: ValueBatchKind;
  /** Issues of bad items; any refuses the batch. */
  readonly issues: ProblemIssue[];
  /** Where field `field` of item `index` is in the request (`['values', 3, 'period']`). */
  at(index: number, field?: string): (string | number)[];
  /** Adds a checked item; an item with the key of an earlier one is an issue instead. */
  add(item: CheckedValue<C>): void;
}

/**
 * A batch of `kind` to fill while checking the items.
 *
 * @example const batch = createValueBatch(DATA_VALUES); batch.add({ index: 0, key, codes, … }); await writeValueBatch(ctx, actor, batch, toItem)
 */
export function createValueBatch<C extends Readonly<Record<string, string>>>(
  kind: ValueBatchKind,
): ValueBatch<C> & { readonly prepared: readonly PreparedValue<C>[] } {
  const prepared: PreparedValue<C>[] = [];
  const issues: ProblemIssue[] = [];
  const seen = new Map<string, number>();
  const at = (index: number, field?: string) =>
    field === undefined ? [kind.batchField, index] : [kind.batchField, index, field];
  return {
    kind,
    issues,
    prepared,
    at,
    add(item) {
      const keyId = keyText(kind.table, item.key);
      const first = seen.get(keyId);
      if (first !== undefined) {
        issues.push(issue(kind.duplicate, { first }, at(item.index)));
        return;
      }
      seen.set(keyId, item.index);
      prepared.push({ ...item, keyId, entityKey: Object.values(item.codes).join('/') });
    },
  };
}

/** What happened to one item. */
export interface ValueOutcome<C> {
  readonly item: CheckedValue<C>;
  readonly status: WriteStatus;
  /** The number now stored; null when there is none. */
  readonly value: number | null;
  readonly note: string | null;
  /** The version now stored; null when there is none. */
  readonly version: number | null;
}

/** A stored row's number, note and stamps, by the table's names for them. */
interface Stored {
  readonly value: number;
  readonly note: string | null;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

function storedOf(table: KeyedValueTableName, row: StoredRow): Stored {
  const spec = VALUE_TABLES[table];
  const note = row.values[spec.note];
  return {
    value: Number(row.values[spec.number]),
    note: note === null || note === undefined ? null : String(note),
    version: row.version ?? 1,
    updatedBy: row.by,
    updatedAt: new Date(row.at).toISOString(),
  };
}

function decide<C>(item: PreparedValue<C>, stored: Stored | undefined): ValueOutcome<C> {
  if (item.value === null) {
    return stored === undefined
      ? { item, status: 'unchanged', value: null, note: null, version: null }
      : { item, status: 'deleted', value: null, note: null, version: null };
  }
  const note = item.note === undefined ? (stored?.note ?? null) : item.note;
  if (stored === undefined) return { item, status: 'created', value: item.value, note, version: 1 };
  if (stored.value === item.value && stored.note === note) {
    return { item, status: 'unchanged', value: stored.value, note: stored.note, version: stored.version };
  }
  return { item, status: 'updated', value: item.value, note, version: stored.version + 1 };
}

function conflictError<C>(
  kind: ValueBatchKind,
  conflicts: readonly { item: PreparedValue<C>; stored: Stored | undefined }[],
): ExtendedProblemError {
  const issues: ProblemIssue[] = conflicts.map(({ item, stored }) => {
    const path = [kind.batchField, item.index, 'version'];
    const expected = String(item.expectedVersion);
    return stored === undefined
      ? issue('write.version-not-stored', { expected, key: item.entityKey }, path)
      : issue(
          'write.version-changed',
          { expected, key: item.entityKey, version: stored.version, by: stored.updatedBy },
          path,
        );
  });
  const current: CurrentValue[] = conflicts.map(({ item, stored }) => ({
    index: item.index,
    value: stored?.value ?? null,
    note: stored?.note ?? null,
    version: stored?.version ?? null,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
  }));
  const count = conflicts.length;
  return new ExtendedProblemError(
    count === 1
      ? makeProblem('conflict', 'write.stale-one', {}, issues)
      : makeProblem('conflict', 'write.stale-many', { count }, issues),
    { current },
  );
}

function auditEntry<C>(
  table: KeyedValueTableName,
  outcome: ValueOutcome<C>,
  item: PreparedValue<C>,
  stored: Stored | undefined,
): AuditEntry {
  const spec = VALUE_TABLES[table];
  const snapshot = (value: number | null, note: string | null, version: number | null) =>
    value === null ? null : { [spec.number]: value, [spec.note]: note, version };
  return {
    action: outcome.status === 'created' ? 'create' : outcome.status === 'deleted' ? 'delete' : 'update',
    entity: table,
    entityKey: item.entityKey,
    oldValue: stored === undefined ? null : snapshot(stored.value, stored.note, stored.version),
    newValue: snapshot(outcome.value, outcome.note, outcome.version),
    orgUnitId: item.orgUnitId,
  };
}

/**
 * A write's answer item of a value with a comment (data values, reported values): its codes, what happened,
 * and the value, comment and version now stored.
 */
export function valueCommentItem<C>(outcome: ValueOutcome<C>) {
  return {
    ...outcome.item.codes,
    status: outcome.status,
    value: outcome.value,
    comment: outcome.note,
    version: outcome.version,
  };
}

/** The counts of a batch write and one item per value sent, in order. */
export type BatchResult<I> = WriteCounts & { readonly items: I[] };

/**
 * Writes a checked batch in one transaction: 400 (nothing written) when its service found a bad item, 409 when
 * any expected version does not match or an approval locks a change. `toItem` names each outcome as the
 * response does.
 */
export async function writeValueBatch<C, I>(
  ctx: ServerContext,
  actor: Actor,
  batch: ValueBatch<C> & { readonly prepared: readonly PreparedValue<C>[] },
  toItem: (outcome: ValueOutcome<C>) => I,
): Promise<BatchResult<I>> {
  const { kind, prepared: items } = batch;
  if (batch.issues.length > 0) throw invalid(kind.invalid, {}, batch.issues);
  const table = kind.table;
  const spec = VALUE_TABLES[table];
  return commitWrite(ctx, actor, async (trx) => {
    await ensurePeriods(
      trx,
      items.map((item) => item.period),
    );
    const locked = await lockStoredByKeys(
      trx,
      table,
      items.map((item) => item.key),
      { lock: ctx.db.engine === 'postgres' },
    );
    const stored = new Map(locked.map((row) => [keyText(table, row.key), storedOf(table, row)]));
    const conflicts = items
      .filter(
        (item) =>
          item.expectedVersion !== undefined && stored.get(item.keyId)?.version !== item.expectedVersion,
      )
      .map((item) => ({ item, stored: stored.get(item.keyId) }));
    if (conflicts.length > 0) throw conflictError(kind, conflicts);

    const decided = items.map((item) => ({ item, outcome: decide(item, stored.get(item.keyId)) }));
    const changed = decided.filter(({ outcome }) => outcome.status !== 'unchanged');
    await assertUnlocked(
      trx,
      ctx.db.engine,
      changed.flatMap(({ item }) => {
        const lock = approvalLockOf(table, item.key);
        if (lock === null) return [];
        const path = batch.at(item.index);
        return [{ rootId: item.rootId, orgUnitId: item.orgUnitId, ...lock, path, label: item.entityKey }];
      }),
    );
    const written = changed.filter(({ outcome }) => outcome.status !== 'deleted');
    await upsertRows(
      trx,
      table,
      written.map(({ item, outcome }) => ({
        ...item.key,
        [spec.number]: outcome.value,
        [spec.note]: outcome.note,
      })),
      { by: actor.id, at: ctx.now(), batchId: null },
    );
    await deleteRows(
      trx,
      table,
      changed.filter(({ outcome }) => outcome.status === 'deleted').map(({ item }) => item.key),
    );
    const count = (status: WriteStatus) => decided.filter(({ outcome }) => outcome.status === status).length;
    return {
      result: {
        created: count('created'),
        updated: count('updated'),
        deleted: count('deleted'),
        unchanged: count('unchanged'),
        items: decided.map(({ outcome }) => toItem(outcome)),
      },
      audit: changed.map(({ item, outcome }) => auditEntry(table, outcome, item, stored.get(item.keyId))),
      touched: touchedBy(
        table,
        changed.map(({ item, outcome }) => ({ rootId: item.rootId, key: item.key, value: outcome.value })),
      ),
    };
  });
}
