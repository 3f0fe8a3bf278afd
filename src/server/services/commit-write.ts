/**
 * The one way a service writes (the platform issue: every write is one transaction that also writes its audit
 * rows and bumps the change counter, then tells the change bus). A service's `work` makes its changes in the
 * transaction and says what it changed; `commitWrite` does the rest, so no service can forget a step.
 */
import type { Transaction } from 'kysely';
import { conflict } from '../../core/errors/problem.ts';
import { type AuditEntry, writeAudit } from '../../db/repositories/audit.repository.ts';
import { bumpRevision, META_SCOPE, rootScope } from '../../db/repositories/change-counter.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { Database } from '../../db/schema.ts';
import type { ChangeEvent, DataValueChange } from '../change-bus.ts';
import type { Actor, ServerContext } from '../context.ts';

/** What a write changed, for the change counters and the change bus. */
export type Touched =
  | { readonly kind: 'metadata' }
  | { readonly kind: 'data-values'; readonly rootId: number; readonly values: readonly DataValueChange[] }
  | { readonly kind: 'root-inputs'; readonly rootId: number }
  /** Approvals of one organisation: published, but no counter is bumped (no figure changed). */
  | { readonly kind: 'approvals'; readonly rootId: number }
  /** Publications of one organisation: published, but no counter is bumped. */
  | { readonly kind: 'publications'; readonly rootId: number }
  /** Sessions, users, role assignments or tokens: published, but no counter is bumped. */
  | { readonly kind: 'accounts' };

export interface WriteOutcome<T> {
  /** What the service returns. */
  readonly result: T;
  /** One audit row per change (old → new); none when nothing changed. */
  readonly audit: readonly AuditEntry[];
  /** What changed; empty when nothing did (then no counter is bumped and nothing is published). */
  readonly touched: readonly Touched[];
}

/** PostgreSQL's SQLSTATE codes for a row that another transaction inserted or removed first. */
const RACE_CODES = new Set(['23505', '23503']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `work` in one transaction; in the same transaction writes its audit rows by `actor` and bumps the
 * counter of every scope it touched (`meta`, `root:<id>`); after the commit publishes one ChangeEvent per scope.
 * A unique or foreign-key violation (another request wrote the same row first) becomes a 409.
 */
export async function commitWrite<T>(
  ctx: ServerContext,
  actor: Actor,
  work: (trx: Transaction<Database>) => Promise<WriteOutcome<T>>,
): Promise<T> {
  let events: ChangeEvent[] = [];
  let result: T;
  try {
    result = await ctx.db.kysely.transaction().execute(async (trx) => {
      const outcome = await work(trx);
      if (outcome.audit.length > 0) await writeAudit(trx, actor, outcome.audit);
      events = await bumpTouched(trx, outcome.touched);
      return outcome.result;
    });
  } catch (error) {
    const state = sqlState(error);
    if (state !== undefined && RACE_CODES.has(state)) {
      throw conflict('write.concurrent-change');
    }
    throw error;
  }
  for (const event of events) ctx.changes.publish(event);
  return result;
}

/**
 * Bumps the counter of every scope `touched` names, in `trx`, and returns the events to publish after the
 * commit (imports, whose writes are not `commitWrite`'s, call it too).
 */
export async function bumpTouched(trx: Executor, touched: readonly Touched[]): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  if (touched.some((t) => t.kind === 'metadata')) {
    events.push({ kind: 'metadata', revision: await bumpRevision(trx, META_SCOPE) });
  }
  const roots = new Map<number, { values: DataValueChange[] | null; inputs: boolean }>();
  for (const t of touched) {
    if (t.kind === 'metadata') continue;
    if (t.kind === 'approvals' || t.kind === 'publications') {
      events.push({ kind: t.kind, rootId: t.rootId });
      continue;
    }
    if (t.kind === 'accounts') {
      if (!events.some((event) => event.kind === 'accounts')) events.push({ kind: 'accounts' });
      continue;
    }
    const entry = roots.get(t.rootId) ?? { values: null, inputs: false };
    if (t.kind === 'data-values') entry.values = [...(entry.values ?? []), ...t.values];
    else entry.inputs = true;
    roots.set(t.rootId, entry);
  }
  for (const [rootId, entry] of [...roots].sort(([a], [b]) => a - b)) {
    const revision = await bumpRevision(trx, rootScope(rootId));
    if (entry.values !== null) events.push({ kind: 'data-values', rootId, revision, values: entry.values });
    if (entry.inputs) events.push({ kind: 'root-inputs', rootId, revision });
  }
  return events;
}
