/**
 * The in-memory value cubes, one per organisation (STACK.md: heavy evaluation over many units and periods runs
 * on typed arrays, the database stays the system of record). A cube is loaded on first use, kept current by the
 * change events of this process, and reloaded when the organisation's change counter shows a write this
 * process did not see (another server process, the CLI). Each data element has one period type, so an
 * organisation has up to three cubes: its monthly values, its quarterly values and its yearly values.
 */
import {
  type CubeShape,
  MAX_CUBE_CELLS,
  rowsPerSegment,
  segmentLengths,
  ValueCube,
} from '../../core/analytics/index.ts';
import { type PeriodType, periodOrdinal, periodRange, tryParsePeriod } from '../../core/periods/index.ts';
import type { Db } from '../../db/connect.ts';
import {
  type CubePeriodType,
  databaseIdentity,
  forEachCubeValue,
  periodRangesOfRoot,
} from '../../db/repositories/cube.repository.ts';
import type { DataElementRuleRow } from '../../db/repositories/evaluation.repository.ts';
import type { ChangeEvent } from '../change-bus.ts';
import type { CubeSnapshots, SnapshotCubes } from './cube-snapshot.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

/** Each period type an organisation may have a cube of. */
const PERIOD_TYPES = ['month', 'quarter', 'year'] as const satisfies readonly PeriodType[];

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
    cubes ??= await this.#build(rootId, meta);
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
   * One organisation's cubes, its values read in bulk (../../db/repositories/cube.repository.ts: one pass over
   * them for every period type) straight into the cubes' cells. The cube of a period type holds the
   * organisation's units and the data elements of that type (an element's values are all of its one type), so
   * a mixed organisation does not carry every element three times.
   */
  async #build(rootId: number, meta: MetadataSnapshot): Promise<SnapshotCubes> {
    const tree = meta.tree(rootId);
    const unitIndex = new Map(tree.units.map((u, i) => [u.id, i]));
    const elements: Record<PeriodType, DataElementRuleRow[]> = { month: [], quarter: [], year: [] };
    for (const element of meta.elementsByCode.values()) elements[element.periodType].push(element);
    // No element is reported by a type: no cube of it; none at all: no scan for the ranges either.
    const ranges = PERIOD_TYPES.some((t) => elements[t].length > 0)
      ? await periodRangesOfRoot(this.#db.kysely, rootId)
      : { month: null, quarter: null, year: null };
    const builders = {
      month: CubeBuilder.of(tree.units, elements.month, 'month', ranges.month),
      quarter: CubeBuilder.of(tree.units, elements.quarter, 'quarter', ranges.quarter),
      year: CubeBuilder.of(tree.units, elements.year, 'year', ranges.year),
    };
    const types = PERIOD_TYPES.filter((t) => builders[t]?.filling);
    await forEachCubeValue(
      this.#db,
      rootId,
      tree.units.map((u) => u.id),
      types,
      (orgUnitId, elementId, type, ordinal, value) => {
        const u = unitIndex.get(orgUnitId);
        if (u !== undefined) builders[type]?.place(u, elementId, ordinal, value);
      },
    );
    return {
      month: builders.month?.cube() ?? null,
      quarter: builders.quarter?.cube() ?? null,
      year: builders.year?.cube() ?? null,
    };
  }
}

/** The cells of one cube being filled from the database: segments of whole rows (core/analytics/value-cube.ts). */
class CubeBuilder {
  readonly #shape: CubeShape;
  readonly #segments: Float64Array[] | null;
  readonly #elementIndex: Map<number, number>;
  readonly #E: number;
  readonly #M: number;
  readonly #first: number;
  readonly #perSegment: number;

  /** Null when no value can be placed: no element of `type`, or no value of it stored. */
  static of(
    units: readonly { readonly code: string }[],
    elements: readonly { readonly id: number; readonly code: string }[],
    type: CubePeriodType,
    range: { first: string; last: string } | null,
  ): CubeBuilder | null {
    if (elements.length === 0 || !range) return null;
    return new CubeBuilder(units, elements, type, range);
  }

  private constructor(
    units: readonly { readonly code: string }[],
    elements: readonly { readonly id: number; readonly code: string }[],
    type: CubePeriodType,
    range: { first: string; last: string },
  ) {
    this.#shape = {
      units: units.map((u) => u.code),
      elements: elements.map((e) => e.code),
      months: periodRange(range.first, range.last),
      periodType: type,
    };
    this.#E = elements.length;
    this.#M = this.#shape.months.length;
    this.#first = periodOrdinal(range.first).ordinal;
    this.#perSegment = rowsPerSegment(this.#M);
    this.#elementIndex = new Map(elements.map((e, i) => [e.id, i]));
    // Past the limit nothing is allocated: `cube()` lets the constructor refuse the shape.
    this.#segments =
      units.length * this.#E * this.#M > MAX_CUBE_CELLS
        ? null
        : segmentLengths(units.length * this.#E, this.#M).map((length) =>
            new Float64Array(length).fill(Number.NaN),
          );
  }

  /** False when the cube is too large to hold: its values are not read. */
  get filling(): boolean {
    return this.#segments !== null;
  }

  place(u: number, elementId: number, ordinal: number, value: number): void {
    const e = this.#elementIndex.get(elementId);
    const m = ordinal - this.#first;
    if (e === undefined || m < 0 || m >= this.#M || this.#segments === null) return;
    const r = u * this.#E + e;
    const s = Math.floor(r / this.#perSegment);
    const segment = this.#segments[s];
    if (segment !== undefined) segment[(r - s * this.#perSegment) * this.#M + m] = value;
  }

  cube(): ValueCube {
    return this.#segments === null ? new ValueCube(this.#shape) : new ValueCube(this.#shape, this.#segments);
  }
}
