/**
 * The change counters (src/db/repositories/change-counter.repository.ts) as this process knows them, so that a
 * cached evaluation runs no SQL. A counter read from the database is kept and moved forward by the change bus:
 * every committed write publishes the revision it bumped to (../services/commit-write.ts), and on PostgreSQL the
 * relay (../cluster/change-relay.ts) publishes the other servers' writes alike.
 *
 * Memory is trusted only while every write can be heard, which `epoch` says:
 * - PGlite: one process holds the database and its bus hears every write: `ALWAYS_HEARD` (a constant epoch).
 * - PostgreSQL with the relay: the relay's listening connection (`relay.epoch`): null while it is down (the
 *   counters are then read from the database on every read, as without a cache), a new number after it came
 *   back (whatever was kept before is dropped, since notifications were lost meanwhile).
 * - Without either (the CLI, a test that writes counters itself): `NEVER_HEARD`, every read reads the database.
 * A `stale` event drops what it names.
 */
import type { Kysely } from 'kysely';
import { META_SCOPE, readRevisions, rootScope } from '../../db/repositories/change-counter.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';

/** Which stretch of hearing every write this is; null while writes may go unheard. */
export type HearingEpoch = () => number | null;

/** One process on PGlite: its bus hears every write. */
export const ALWAYS_HEARD: HearingEpoch = () => 0;

/** Nothing tells this process of other writers: read the counters every time. */
export const NEVER_HEARD: HearingEpoch = () => null;

function scopeOf(
  event: Exclude<ChangeEvent, { kind: 'approvals' | 'publications' | 'accounts' }>,
): string | null {
  if (event.kind === 'metadata') return META_SCOPE;
  if (event.kind === 'stale') return event.rootId === null ? null : rootScope(event.rootId);
  return rootScope(event.rootId);
}

export class KnownRevisions {
  readonly #db: Kysely<Database>;
  readonly #epoch: HearingEpoch;
  readonly #known = new Map<string, number>();
  /** The epoch `#known` belongs to. */
  #heldIn: number | null = null;
  /** Bumped whenever something is dropped, so a read that began before it does not put back what it read. */
  #drops = 0;
  /** How many times the database was read (tests read it). */
  databaseReads = 0;

  constructor(db: Kysely<Database>, changes: ChangeBus, epoch: HearingEpoch) {
    this.#db = db;
    this.#epoch = epoch;
    changes.subscribe((event) => this.#hear(event));
  }

  /** The current revisions of `scopes` (0 for a scope never bumped), from memory where it can be trusted. */
  async read(scopes: readonly string[]): Promise<Map<string, number>> {
    const epoch = this.#current();
    const result = new Map<string, number>();
    const missing: string[] = [];
    for (const scope of scopes) {
      const known = epoch === null ? undefined : this.#known.get(scope);
      if (known === undefined) missing.push(scope);
      else result.set(scope, known);
    }
    if (missing.length === 0) return result;
    const drops = this.#drops;
    this.databaseReads += 1;
    const read = await readRevisions(this.#db, missing);
    // Kept only if nothing was dropped and the epoch held meanwhile: else a write may have gone unheard.
    const keep = epoch !== null && this.#drops === drops && this.#current() === epoch;
    for (const [scope, revision] of read) {
      const known = this.#known.get(scope);
      const latest = known === undefined ? revision : Math.max(known, revision);
      if (keep) this.#known.set(scope, latest);
      result.set(scope, latest);
    }
    return result;
  }

  /** The current epoch; what was kept in another one is dropped. */
  #current(): number | null {
    const epoch = this.#epoch();
    if (epoch !== this.#heldIn) {
      this.#drop(null);
      this.#heldIn = epoch;
    }
    return epoch;
  }

  #drop(scope: string | null): void {
    this.#drops += 1;
    if (scope === null) this.#known.clear();
    else this.#known.delete(scope);
  }

  #hear(event: ChangeEvent): void {
    // No counter moves with these.
    if (event.kind === 'approvals' || event.kind === 'publications' || event.kind === 'accounts') return;
    const scope = scopeOf(event);
    if (event.kind === 'stale') {
      this.#drop(scope);
      return;
    }
    if (scope === null) return;
    // The revision a write bumped to is the counter's value then, and every later write is heard too; kept even
    // for a counter not read yet, so a read that began before this write cannot put back the older value.
    const known = this.#known.get(scope);
    if (known === undefined || event.revision > known) this.#known.set(scope, event.revision);
  }
}
