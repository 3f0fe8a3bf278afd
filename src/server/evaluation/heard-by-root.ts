/**
 * Memory kept per organisation while this process hears every write (known-revisions.ts `HearingEpoch`): what
 * heard-approvals.ts and heard-publications.ts keep, each under its own key within an organisation. A new epoch
 * (hearing was interrupted) drops everything; `drop` forgets one organisation's entries or all; a read under way
 * when a drop happens does not keep what it read, as it may predate the write the drop is for. Bounded: past
 * `maxEntries`, all are dropped and read again.
 */
import type { HearingEpoch } from './known-revisions.ts';

export class HeardByRoot<V> {
  readonly #epoch: HearingEpoch;
  readonly #maxEntries: number;
  /** Per organisation, by the owner's key. */
  readonly #byRoot = new Map<number, Map<string, V>>();
  #size = 0;
  #heldIn: number | null = null;
  /** Bumped by each drop of an organisation (`null`: of all). */
  readonly #drops = new Map<number | null, number>();

  constructor(epoch: HearingEpoch, maxEntries: number) {
    this.#epoch = epoch;
    this.#maxEntries = maxEntries;
  }

  /** What is kept for `key` of organisation `rootId`, else `load()`'s answer, kept when nothing intervened. */
  async read(rootId: number, key: string, load: () => Promise<V>): Promise<V> {
    const epoch = this.#current();
    const kept = epoch === null ? undefined : this.#byRoot.get(rootId)?.get(key);
    if (kept !== undefined) return kept;
    const before = this.#dropsOf(rootId);
    const value = await load();
    if (epoch !== null && this.#current() === epoch && this.#dropsOf(rootId) === before) {
      this.#keep(rootId, key, value);
    }
    return value;
  }

  /** Forgets what is kept of organisation `rootId`, or of all (`null`). */
  drop(rootId: number | null): void {
    this.#drops.set(rootId, (this.#drops.get(rootId) ?? 0) + 1);
    if (rootId === null) {
      this.#byRoot.clear();
      this.#size = 0;
      return;
    }
    this.#size -= this.#byRoot.get(rootId)?.size ?? 0;
    this.#byRoot.delete(rootId);
  }

  #dropsOf(rootId: number): number {
    return (this.#drops.get(rootId) ?? 0) + (this.#drops.get(null) ?? 0);
  }

  #keep(rootId: number, key: string, value: V): void {
    if (this.#size >= this.#maxEntries) this.drop(null);
    const entries = this.#byRoot.get(rootId) ?? new Map<string, V>();
    if (!entries.has(key)) this.#size += 1;
    entries.set(key, value);
    this.#byRoot.set(rootId, entries);
  }

  /** The current epoch; what was kept in another one is dropped. */
  #current(): number | null {
    const epoch = this.#epoch();
    if (epoch !== this.#heldIn) {
      this.drop(null);
      this.#heldIn = epoch;
    }
    return epoch;
  }
}
