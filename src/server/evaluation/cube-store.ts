/**
 * The in-memory value cubes, one per organisation (STACK.md: heavy evaluation over many units and periods runs
 * on typed arrays, the database stays the system of record). A cube is loaded on first use, kept current by the
 * change events of this process, and reloaded when the organisation's change counter shows a write this
 * process did not see (another server process, the CLI). Each data element has one period type, so an
 * organisation has up to three cubes: its monthly values, its quarterly values and its yearly values.
 */
import { MAX_CUBE_CELLS, rowsPerSegment, segmentLengths, ValueCube } from '../../core/analytics/index.ts';
import { type PeriodType, periodRange, tryParsePeriod } from '../../core/periods/index.ts';
import type { Db } from '../../db/connect.ts';
import {
  databaseIdentity,
  forEachUnitValueLists,
  periodOrdinalOf,
} from '../../db/repositories/cube.repository.ts';
import { periodRangeOfRoot } from '../../db/repositories/evaluation.repository.ts';
import type { ChangeEvent } from '../change-bus.ts';
import type { CubeSnapshots, SnapshotCubes } from './cube-snapshot.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

export interface RootCube {
  readonly rootId: number;
  /** The organisation's change counter the cube reflects. */
  revision: number;
  readonly metaRevision: number;
  /** The monthly values; null when the organisation has none. */
  readonly cube: ValueCube | null;
  /** The cube of each period type (`month` is `cube`); null where the organisation has no values of it. */
  readonly cubes: Readonly<Record<PeriodType, ValueCube | null>>;
  /** Where the cubes came from: a snapshot file or the database. */
  readonly source: 'snapshot' | 'database';
  /** Set when a change could not be applied in place; the next `get` reloads. */
  stale: boolean;
}

export interface CubeStoreOptions {
  /** Where snapshots are read and written; none: every cube is built from the database. */
  readonly snapshots?: CubeSnapshots | null;
  /** Where a snapshot that was ignored or could not be written is reported. */
  readonly log?: (message: string) => void;
}

export class CubeStore {
  readonly #db: Db;
  readonly #cubes = new Map<number, RootCube>();
  readonly #loading = new Map<number, Promise<RootCube>>();
  readonly #snapshots: CubeSnapshots | null;
  readonly #log: (message: string) => void;
  /** The revision of each organisation's latest snapshot written or read. */
  readonly #saved = new Map<number, number>();
  readonly #writing = new Map<number, Promise<void>>();
  #identity: Promise<string> | null = null;

  constructor(db: Db, options: CubeStoreOptions = {}) {
    this.#db = db;
    this.#snapshots = options.snapshots ?? null;
    this.#log = options.log ?? (() => {});
  }

  /** The cube of `rootId` as of `revision`, loading it when missing or out of date. */
  async get(rootId: number, revision: number, meta: MetadataSnapshot): Promise<RootCube> {
    const cached = this.#cubes.get(rootId);
    if (cached && !cached.stale && cached.revision === revision && cached.metaRevision === meta.revision)
      return cached;
    const key = rootId;
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#load(rootId, revision, meta).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    return loading;
  }

  /** Applies a committed change (of this process or relayed from another), or marks the cube stale when it cannot. */
  apply(event: ChangeEvent, meta: MetadataSnapshot | null): void {
    if (
      event.kind === 'metadata' ||
      event.kind === 'approvals' ||
      event.kind === 'publications' ||
      event.kind === 'accounts'
    ) {
      return;
    }
    if (event.kind === 'stale') {
      for (const entry of this.#cubes.values()) {
        if (event.rootId === null || entry.rootId === event.rootId) entry.stale = true;
      }
      return;
    }
    const entry = this.#cubes.get(event.rootId);
    if (!entry) return;
    if (entry.revision !== event.revision - 1 || entry.stale) {
      entry.stale = true;
      return;
    }
    if (event.kind === 'data-values') {
      for (const change of event.values) {
        const unit = meta?.unitsById.get(change.orgUnitId);
        const element = meta?.elementsById.get(change.dataElementId);
        const type = tryParsePeriod(change.periodId)?.type;
        const cube = type ? entry.cubes[type] : null;
        const u = unit && cube ? cube.unitIndex(unit.code) : -1;
        const e = element && cube ? cube.elementIndex(element.code) : -1;
        const m = cube ? cube.monthIndex(change.periodId) : -1;
        if (!cube || u < 0 || e < 0 || m < 0) {
          entry.stale = true; // a new unit, element or month: outside the cube's shape
          return;
        }
        cube.set(u, e, m, change.value);
      }
    }
    entry.revision = event.revision;
  }

  /**
   * Writes a snapshot of every cube changed in place since its last snapshot, and waits for the writes under
   * way (the server calls it when it closes, so the next start finds the latest revision).
   */
  async flush(): Promise<void> {
    if (this.#snapshots) {
      for (const entry of this.#cubes.values()) {
        if (!entry.stale && this.#saved.get(entry.rootId) !== entry.revision) this.#save(entry);
      }
    }
    await Promise.all([...this.#writing.values()]);
  }

  async #load(rootId: number, revision: number, meta: MetadataSnapshot): Promise<RootCube> {
    const key = this.#snapshots
      ? { rootId, revision, metaRevision: meta.revision, database: await this.#database() }
      : null;
    let cubes: SnapshotCubes | null = null;
    if (key && this.#snapshots) {
      const read = await this.#snapshots.read(key);
      if (read.ok) {
        cubes = read.cubes;
        this.#saved.set(rootId, revision);
      } else if (read.reason !== 'missing') {
        this.#log(
          `cube snapshot of organisation ${rootId} ignored (${read.reason}: ${read.detail}); rebuilding`,
        );
      }
    }
    const built = cubes === null;
    if (!cubes) {
      const [month, quarter, year] = await Promise.all(
        (['month', 'quarter', 'year'] as const).map((type) => this.#loadCube(rootId, meta, type)),
      );
      cubes = { month: month ?? null, quarter: quarter ?? null, year: year ?? null };
    }
    const entry: RootCube = {
      rootId,
      revision,
      metaRevision: meta.revision,
      cube: cubes.month,
      cubes,
      source: built ? 'database' : 'snapshot',
      stale: false,
    };
    this.#cubes.set(rootId, entry);
    if (built) this.#save(entry);
    return entry;
  }

  /** Starts writing a snapshot of `entry` as it is now (after the previous write of its organisation). */
  #save(entry: RootCube): void {
    const snapshots = this.#snapshots;
    if (!snapshots) return;
    const rootId = entry.rootId;
    const revision = entry.revision;
    const previous = this.#writing.get(rootId) ?? Promise.resolve();
    const writing = previous
      .then(async () => {
        const database = await this.#database();
        const snapshot = snapshots.encode(
          { rootId, revision, metaRevision: entry.metaRevision, database },
          entry.cubes,
        );
        await snapshots.write(rootId, snapshot);
        this.#saved.set(rootId, revision);
      })
      .catch((error: unknown) => {
        this.#log(`writing the cube snapshot of organisation ${rootId} failed: ${String(error)}`);
      })
      .finally(() => {
        if (this.#writing.get(rootId) === writing) this.#writing.delete(rootId);
      });
    this.#writing.set(rootId, writing);
  }

  #database(): Promise<string> {
    this.#identity ??= databaseIdentity(this.#db.kysely);
    return this.#identity;
  }

  /**
   * One organisation's values of one period type, read in bulk (../../db/repositories/cube.repository.ts)
   * straight into the cube's cells. The cube holds the organisation's units and the data elements of that
   * period type (an element's values are all of its one type), so a mixed organisation does not carry every
   * element three times.
   */
  async #loadCube(rootId: number, meta: MetadataSnapshot, type: PeriodType): Promise<ValueCube | null> {
    const elements = [...meta.elementsByCode.values()].filter((e) => e.periodType === type);
    // No element is reported so: no value can be placed in such a cube, and its range would cost a scan of
    // every value of the organisation.
    if (elements.length === 0) return null;
    const range = await periodRangeOfRoot(this.#db.kysely, rootId, type);
    if (!range) return null;
    const tree = meta.tree(rootId);
    const shape = {
      units: tree.units.map((u) => u.code),
      elements: elements.map((e) => e.code),
      months: periodRange(range.first, range.last),
      periodType: type,
    };
    const E = shape.elements.length;
    const M = shape.months.length;
    const size = shape.units.length * E * M;
    // Past the limit the constructor refuses the shape before anything is allocated.
    if (size > MAX_CUBE_CELLS) return new ValueCube(shape);
    // Segments of whole rows (core/analytics/value-cube.ts): no one allocation of gigabytes for a large group.
    const segments = segmentLengths(shape.units.length * E, M).map((length) =>
      new Float64Array(length).fill(Number.NaN),
    );
    const perSegment = rowsPerSegment(M);
    const unitIndex = new Map(tree.units.map((u, i) => [u.id, i]));
    const elementIndex = new Map(elements.map((e, i) => [e.id, i]));
    const first = periodOrdinalOf(range.first, type);
    await forEachUnitValueLists(
      this.#db.kysely,
      rootId,
      tree.units.map((u) => u.id),
      type,
      (row) => {
        const u = unitIndex.get(row.orgUnitId);
        if (u === undefined) return;
        const ids = row.elementIds.split(',');
        const ordinals = row.ordinals.split(',');
        const values = row.values.split(',');
        for (let i = 0; i < ids.length; i++) {
          const e = elementIndex.get(Number(ids[i]));
          const m = Number(ordinals[i]) - first;
          if (e === undefined || m < 0 || m >= M) continue;
          const r = u * E + e;
          const s = Math.floor(r / perSegment);
          const segment = segments[s];
          if (segment !== undefined) segment[(r - s * perSegment) * M + m] = Number(values[i]);
        }
      },
    );
    return new ValueCube(shape, segments);
  }
}
