/**
 * The approvals of a scorecard in one organisation (the approval status beside each evaluation), kept in memory
 * while this process hears every write (known-revisions.ts `HearingEpoch`). Approving, submitting and reopening
 * publish `approvals` for their organisation (../services/approvals.service.ts), the relay carries it to the
 * other servers, and it drops that organisation's entries; `metadata` (a unit renamed or removed, a scorecard
 * deleted with its approvals) and `stale` drop them too. While writes may go unheard, every read reads the
 * database.
 */
import type { Kysely } from 'kysely';
import { type ApprovalRecord, loadApprovalsOfScorecard } from '../../db/repositories/approval.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';
import type { HearingEpoch } from './known-revisions.ts';

/** At most this many (scorecard, organisation) entries are kept: past it, all are dropped and read again. */
const MAX_ENTRIES = 2_000;

export class HeardApprovals {
  readonly #db: Kysely<Database>;
  readonly #epoch: HearingEpoch;
  /** Per organisation, per scorecard. */
  readonly #byRoot = new Map<number, Map<number, readonly ApprovalRecord[]>>();
  #size = 0;
  #heldIn: number | null = null;
  /** Bumped by each drop of an organisation (`null`: of all), so a read under way does not keep what it read. */
  readonly #drops = new Map<number | null, number>();

  constructor(db: Kysely<Database>, changes: ChangeBus, epoch: HearingEpoch) {
    this.#db = db;
    this.#epoch = epoch;
    changes.subscribe((event) => this.#hear(event));
  }

  /** Every approval of the scorecard `scorecardId` in the organisation `rootId`. */
  async of(scorecardId: number, rootId: number): Promise<readonly ApprovalRecord[]> {
    const epoch = this.#current();
    const kept = epoch === null ? undefined : this.#byRoot.get(rootId)?.get(scorecardId);
    if (kept !== undefined) return kept;
    const before = this.#dropsOf(rootId);
    const rows = await loadApprovalsOfScorecard(this.#db, scorecardId, rootId);
    if (epoch !== null && this.#current() === epoch && this.#dropsOf(rootId) === before) {
      this.#keep(rootId, scorecardId, rows);
    }
    return rows;
  }

  #dropsOf(rootId: number): number {
    return (this.#drops.get(rootId) ?? 0) + (this.#drops.get(null) ?? 0);
  }

  #keep(rootId: number, scorecardId: number, rows: readonly ApprovalRecord[]): void {
    if (this.#size >= MAX_ENTRIES) this.#drop(null);
    const scorecards = this.#byRoot.get(rootId) ?? new Map<number, readonly ApprovalRecord[]>();
    if (!scorecards.has(scorecardId)) this.#size += 1;
    scorecards.set(scorecardId, rows);
    this.#byRoot.set(rootId, scorecards);
  }

  #current(): number | null {
    const epoch = this.#epoch();
    if (epoch !== this.#heldIn) {
      this.#drop(null);
      this.#heldIn = epoch;
    }
    return epoch;
  }

  #drop(rootId: number | null): void {
    this.#drops.set(rootId, (this.#drops.get(rootId) ?? 0) + 1);
    if (rootId === null) {
      this.#byRoot.clear();
      this.#size = 0;
      return;
    }
    this.#size -= this.#byRoot.get(rootId)?.size ?? 0;
    this.#byRoot.delete(rootId);
  }

  #hear(event: ChangeEvent): void {
    if (event.kind === 'approvals') this.#drop(event.rootId);
    else if (event.kind === 'metadata') this.#drop(null);
    else if (event.kind === 'stale') this.#drop(event.rootId);
  }
}
