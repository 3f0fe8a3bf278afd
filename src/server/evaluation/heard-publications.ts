/**
 * The latest publication of each (scorecard, period, unit) an evaluation names beside today's figures, kept in
 * memory while this process hears every write (known-revisions.ts `HearingEpoch`), "none" included, so that a
 * cached evaluation reads no publication. Publishing says `publications` for its organisation
 * (../publications/publications.service.ts), the relay carries it to the other servers, and it drops that
 * organisation's entries; `metadata` (a unit or a scorecard removed) and `stale` drop them too. Only the
 * latest publication is kept: one recorded by an earlier `asOf` is read from the database every time. While
 * writes may go unheard, every read reads the database.
 */
import type { Kysely } from 'kysely';
import { type EvaluationJson, evaluationSchema } from '../../core/contracts/evaluation.ts';
import { findPublishedResult, type PublicationRecord } from '../../db/repositories/publication.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { ChangeBus, ChangeEvent } from '../change-bus.ts';
import { HeardByRoot } from './heard-by-root.ts';
import type { HearingEpoch } from './known-revisions.ts';

/** A unit's published evaluation, read back as JSON of the evaluation contract, with the publication that froze it. */
export interface PublishedResult {
  readonly publication: PublicationRecord;
  readonly frozen: EvaluationJson;
}

export interface PublishedKey {
  readonly scorecardId: number;
  readonly periodId: string;
  readonly rootId: number;
  readonly orgUnitId: number;
}

/**
 * The unit's publication of the scorecard and period recorded by `asOf` (null: the latest), read from the
 * database; `undefined` when there is none.
 */
export async function readPublishedResult(
  db: Kysely<Database>,
  key: PublishedKey & { readonly asOf: Date | null },
): Promise<PublishedResult | undefined> {
  const found = await findPublishedResult(db, key);
  return found === undefined
    ? undefined
    : { publication: found.publication, frozen: evaluationSchema.parse(found.evaluation) };
}

/** At most this many (scorecard, period, unit) entries are kept: past it, all are dropped and read again. */
const MAX_ENTRIES = 20_000;

export class HeardPublications {
  readonly #db: Kysely<Database>;
  /** By scorecard, period and unit; `null`: the unit has no publication. */
  readonly #kept: HeardByRoot<PublishedResult | null>;
  /** How many times the database was read (tests read it). */
  databaseReads = 0;

  constructor(db: Kysely<Database>, changes: ChangeBus, epoch: HearingEpoch) {
    this.#db = db;
    this.#kept = new HeardByRoot(epoch, MAX_ENTRIES);
    changes.subscribe((event) => this.#hear(event));
  }

  /** The unit's latest publication of the scorecard and period (`undefined`: none). */
  async latest(key: PublishedKey): Promise<PublishedResult | undefined> {
    const id = `${key.scorecardId}\u0000${key.periodId}\u0000${key.orgUnitId}`;
    const found = await this.#kept.read(key.rootId, id, async () => {
      this.databaseReads += 1;
      // Read back through the contract once, when read, rather than on every request that answers with it.
      return (await readPublishedResult(this.#db, { ...key, asOf: null })) ?? null;
    });
    return found ?? undefined;
  }

  #hear(event: ChangeEvent): void {
    if (event.kind === 'publications') this.#kept.drop(event.rootId);
    else if (event.kind === 'metadata') this.#kept.drop(null);
    else if (event.kind === 'stale') this.#kept.drop(event.rootId);
  }
}
