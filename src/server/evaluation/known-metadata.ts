/**
 * The metadata snapshot at the current metadata revision and the organisations' revisions, as the evaluation
 * engine reads them on every request: the revisions from memory while every write is heard
 * (known-revisions.ts), the snapshot rebuilt only when the metadata revision moves (metadata-snapshot.ts). A
 * unit or a scorecard looked up here costs no SQL on a cached request.
 */
import type { Db } from '../../db/connect.ts';
import { META_SCOPE, rootScope } from '../../db/repositories/change-counter.repository.ts';
import type { ChangeBus } from '../change-bus.ts';
import { type HearingEpoch, KnownRevisions } from './known-revisions.ts';
import { MetadataSnapshot } from './metadata-snapshot.ts';

export class KnownMetadata {
  readonly #db: Db;
  readonly #revisions: KnownRevisions;
  #meta: Promise<MetadataSnapshot> | null = null;
  #metaRevision = -1;

  constructor(db: Db, changes: ChangeBus, hearing: HearingEpoch) {
    this.#db = db;
    this.#revisions = new KnownRevisions(db.kysely, changes, hearing);
  }

  /** The metadata snapshot at the current metadata revision. */
  async current(): Promise<MetadataSnapshot> {
    return this.snapshot(await this.metaRevision());
  }

  /** The current metadata revision (0 before any metadata write). */
  async metaRevision(): Promise<number> {
    return (await this.#revisions.read([META_SCOPE])).get(META_SCOPE) ?? 0;
  }

  /** The current revision of each organisation named by its top-level unit's id. */
  async rootRevisions(rootIds: readonly number[]): Promise<Map<number, number>> {
    const read = await this.#revisions.read(rootIds.map(rootScope));
    return new Map(rootIds.map((id) => [id, read.get(rootScope(id)) ?? 0]));
  }

  /** The metadata revision and the revision of the organisation of `orgUnitCode` (404 for an unknown code). */
  async revisionsFor(orgUnitCode: string): Promise<{ meta: number; root: number }> {
    const metaRevision = await this.metaRevision();
    const unit = (await this.snapshot(metaRevision)).unit(orgUnitCode);
    const root = (await this.rootRevisions([unit.rootId])).get(unit.rootId) ?? 0;
    return { meta: metaRevision, root };
  }

  /** The snapshot of `revision`: the one held when it is that revision's, else a new one. */
  snapshot(revision: number): Promise<MetadataSnapshot> {
    if (!this.#meta || this.#metaRevision !== revision) {
      this.#metaRevision = revision;
      const loading = MetadataSnapshot.load(this.#db, revision);
      loading.catch(() => {
        if (this.#meta === loading) this.#meta = null;
      });
      this.#meta = loading;
    }
    return this.#meta;
  }

  /** The snapshot held now, whatever its revision (null before the first). */
  held(): Promise<MetadataSnapshot | null> {
    return this.#meta ?? Promise.resolve(null);
  }
}
