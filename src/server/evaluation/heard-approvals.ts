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
import { HeardByRoot } from './heard-by-root.ts';
import type { HearingEpoch } from './known-revisions.ts';

/** At most this many (scorecard, organisation) entries are kept: past it, all are dropped and read again. */
const MAX_ENTRIES = 2_000;

export class HeardApprovals {
  readonly #db: Kysely<Database>;
  /** By scorecard. */
  readonly #kept: HeardByRoot<readonly ApprovalRecord[]>;

  constructor(db: Kysely<Database>, changes: ChangeBus, epoch: HearingEpoch) {
    this.#db = db;
    this.#kept = new HeardByRoot(epoch, MAX_ENTRIES);
    changes.subscribe((event) => this.#hear(event));
  }

  /** Every approval of the scorecard `scorecardId` in the organisation `rootId`. */
  of(scorecardId: number, rootId: number): Promise<readonly ApprovalRecord[]> {
    return this.#kept.read(rootId, String(scorecardId), () =>
      loadApprovalsOfScorecard(this.#db, scorecardId, rootId),
    );
  }

  #hear(event: ChangeEvent): void {
    if (event.kind === 'approvals') this.#kept.drop(event.rootId);
    else if (event.kind === 'metadata') this.#kept.drop(null);
    else if (event.kind === 'stale') this.#kept.drop(event.rootId);
  }
}
