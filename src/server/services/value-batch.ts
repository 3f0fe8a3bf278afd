/**
 * Writing a batch of keyed values (data values, reported values, assessments) the same way for all three: in one
 * transaction, lock the stored rows, refuse the whole batch with a 409 if any `version` does not match, then
 * create, update or delete each value, audit every change (old → new) and bump each organisation's counter.
 * The caller has already checked every item (codes, periods, ranges) and answered 400 for any problem.
 */
import type { Transaction } from 'kysely';
import type { CurrentValue, WriteCounts, WriteStatus } from '../../core/contracts/data-values.ts';
import { issue, makeProblem, type ProblemIssue } from '../../core/errors/problem.ts';
import type { AuditEntry } from '../../db/repositories/audit.repository.ts';
import type { StoredValue, ValueRow } from '../../db/repositories/value-store.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, ServerContext } from '../context.ts';
import { ExtendedProblemError } from '../problem-extensions.ts';
import { assertUnlocked } from './approval-locks.ts';
import { commitWrite, type Touched } from './commit-write.ts';
import { isoTime } from './format.ts';

/** One checked item of a batch, its key resolved to ids; `C` is how the response names it (its codes). */
export interface PreparedValue<K, C> {
  /** Its index in the batch, for messages. */
  readonly index: number;
  readonly key: K;
  /** The key as a map key (the repository's `…KeyId`). */
  readonly keyId: string;
  /** The key in codes, for the audit trail (`H1/beds/2024-03`). */
  readonly entityKey: string;
  readonly rootId: number;
  readonly orgUnitId: number;
  /** The number to store; null deletes. */
  readonly value: number | null;
  /** The note (comment or evidence) to store; undefined keeps the stored one. */
  readonly note: string | null | undefined;
  /** The version the writer read; undefined overwrites. */
  readonly expectedVersion: number | undefined;
  /** The key in codes, as the response names the item. */
  readonly codes: C;
}

/** How one kind of value is stored: its SQL and how it is named. */
export interface ValueTable<K> {
  /** The audit trail's entity, e.g. `data_value`. */
  readonly entity: string;
  /** The batch's field in the request body, e.g. `values`, for the paths of problems. */
  readonly batchField: string;
  /** The names of the number and the note in audit rows, e.g. `value`/`comment` or `score`/`evidence`. */
  readonly valueName: string;
  readonly noteName: string;
  lock(trx: Transaction<Database>, keys: readonly K[]): Promise<Map<string, StoredValue>>;
  upsert(trx: Transaction<Database>, rows: readonly ValueRow<K>[]): Promise<void>;
  remove(trx: Transaction<Database>, keys: readonly K[]): Promise<void>;
  /** What the write changed in one organisation (each key with its new value, null if deleted), for the change bus. */
  touched(rootId: number, changed: readonly { readonly key: K; readonly value: number | null }[]): Touched;
  /** What an approval must cover to lock a value: its period, and its scorecard (null: any scorecard's). */
  lockKey(key: K): { readonly periodId: string; readonly scorecardId: number | null };
}

/** What happened to one item. */
export interface ValueOutcome<K, C> {
  readonly item: PreparedValue<K, C>;
  readonly status: WriteStatus;
  /** The number now stored; null when there is none. */
  readonly value: number | null;
  readonly note: string | null;
  /** The version now stored; null when there is none. */
  readonly version: number | null;
}

export interface BatchResult<K, C> extends WriteCounts {
  /** One per item, in order. */
  readonly outcomes: readonly ValueOutcome<K, C>[];
}

function decide<K, C>(item: PreparedValue<K, C>, stored: StoredValue | undefined): ValueOutcome<K, C> {
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

function conflictError<K, C>(
  table: ValueTable<K>,
  conflicts: readonly { item: PreparedValue<K, C>; stored: StoredValue | undefined }[],
): ExtendedProblemError {
  const issues: ProblemIssue[] = conflicts.map(({ item, stored }) => {
    const path = [table.batchField, item.index, 'version'];
    const expected = String(item.expectedVersion);
    return stored === undefined
      ? issue('write.version-not-stored', { expected, key: item.entityKey }, path)
      : issue(
          'write.version-changed',
          { expected, key: item.entityKey, version: stored.version, by: String(stored.updatedBy) },
          path,
        );
  });
  const current: CurrentValue[] = conflicts.map(({ item, stored }) => ({
    index: item.index,
    value: stored?.value ?? null,
    note: stored?.note ?? null,
    version: stored?.version ?? null,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored === undefined ? null : isoTime(stored.updatedAt),
  }));
  const count = conflicts.length;
  return new ExtendedProblemError(
    count === 1
      ? makeProblem('conflict', 'write.stale-one', {}, issues)
      : makeProblem('conflict', 'write.stale-many', { count }, issues),
    { current },
  );
}

function auditEntry<K, C>(
  table: ValueTable<K>,
  outcome: ValueOutcome<K, C>,
  stored: StoredValue | undefined,
): AuditEntry {
  const snapshot = (value: number | null, note: string | null, version: number | null) =>
    value === null ? null : { [table.valueName]: value, [table.noteName]: note, version };
  return {
    action: outcome.status === 'created' ? 'create' : outcome.status === 'deleted' ? 'delete' : 'update',
    entity: table.entity,
    entityKey: outcome.item.entityKey,
    oldValue: stored === undefined ? null : snapshot(stored.value, stored.note, stored.version),
    newValue: snapshot(outcome.value, outcome.note, outcome.version),
    orgUnitId: outcome.item.orgUnitId,
  };
}

/** Writes a checked batch in one transaction; 409 (nothing written) when any expected version does not match. */
export async function writeValueBatch<K, C>(
  ctx: ServerContext,
  actor: Actor,
  table: ValueTable<K>,
  items: readonly PreparedValue<K, C>[],
  options: {
    readonly importBatchId?: number | null;
    readonly beforeWrite?: (trx: Transaction<Database>) => Promise<void>;
  } = {},
): Promise<BatchResult<K, C>> {
  return commitWrite(ctx, actor, async (trx) => {
    await options.beforeWrite?.(trx);
    const stored = await table.lock(
      trx,
      items.map((item) => item.key),
    );
    const conflicts = items
      .filter(
        (item) =>
          item.expectedVersion !== undefined && stored.get(item.keyId)?.version !== item.expectedVersion,
      )
      .map((item) => ({ item, stored: stored.get(item.keyId) }));
    if (conflicts.length > 0) throw conflictError(table, conflicts);

    const outcomes = items.map((item) => decide(item, stored.get(item.keyId)));
    await assertUnlocked(
      trx,
      ctx.db.engine,
      outcomes
        .filter((outcome) => outcome.status !== 'unchanged')
        .map(({ item }) => ({
          rootId: item.rootId,
          orgUnitId: item.orgUnitId,
          ...table.lockKey(item.key),
          path: [table.batchField, item.index],
          label: item.entityKey,
        })),
    );
    const now = ctx.now();
    const rows: ValueRow<K>[] = [];
    const removed: K[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'created' || outcome.status === 'updated') {
        rows.push({
          key: outcome.item.key,
          value: outcome.value ?? 0,
          note: outcome.note,
          version: outcome.version ?? 1,
          updatedBy: actor.id,
          updatedAt: now,
          importBatchId: options.importBatchId ?? null,
        });
      } else if (outcome.status === 'deleted') {
        removed.push(outcome.item.key);
      }
    }
    await table.upsert(trx, rows);
    await table.remove(trx, removed);

    const changed = outcomes.filter((outcome) => outcome.status !== 'unchanged');
    const byRoot = new Map<number, { key: K; value: number | null }[]>();
    for (const outcome of changed) {
      const change = { key: outcome.item.key, value: outcome.value };
      const list = byRoot.get(outcome.item.rootId);
      if (list === undefined) byRoot.set(outcome.item.rootId, [change]);
      else list.push(change);
    }
    const count = (status: WriteStatus) => outcomes.filter((outcome) => outcome.status === status).length;
    return {
      result: {
        created: count('created'),
        updated: count('updated'),
        deleted: count('deleted'),
        unchanged: count('unchanged'),
        outcomes,
      },
      audit: changed.map((outcome) => auditEntry(table, outcome, stored.get(outcome.item.keyId))),
      touched: [...byRoot].map(([rootId, changes]) => table.touched(rootId, changes)),
    };
  });
}
