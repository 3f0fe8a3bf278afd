/**
 * The in-memory value cubes, one per organisation (STACK.md: heavy evaluation over many units and periods runs
 * on typed arrays, the database stays the system of record). A cube is loaded on first use, kept current by the
 * change events of this process, and reloaded when the organisation's change counter shows a write this
 * process did not see (another server process, the CLI). Each data element has one period type, so an
 * organisation has up to three cubes: its monthly values, its quarterly values and its yearly values.
 */
import { ValueCube } from '../../core/analytics/index.ts';
import { type PeriodType, periodRange, tryParsePeriod } from '../../core/periods/index.ts';
import type { Db } from '../../db/connect.ts';
import { forEachPeriodValue, periodRangeOfRoot } from '../../db/repositories/evaluation.repository.ts';
import type { ChangeEvent } from '../change-bus.ts';
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
  /** Set when a change could not be applied in place; the next `get` reloads. */
  stale: boolean;
}

export class CubeStore {
  readonly #db: Db;
  readonly #cubes = new Map<number, RootCube>();
  readonly #loading = new Map<number, Promise<RootCube>>();

  constructor(db: Db) {
    this.#db = db;
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
    if (event.kind === 'metadata') return;
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

  async #load(rootId: number, revision: number, meta: MetadataSnapshot): Promise<RootCube> {
    const [month, quarter, year] = await Promise.all(
      (['month', 'quarter', 'year'] as const).map((type) => this.#loadCube(rootId, meta, type)),
    );
    const cubes = { month: month ?? null, quarter: quarter ?? null, year: year ?? null };
    const entry: RootCube = {
      rootId,
      revision,
      metaRevision: meta.revision,
      cube: cubes.month,
      cubes,
      stale: false,
    };
    this.#cubes.set(rootId, entry);
    return entry;
  }

  async #loadCube(rootId: number, meta: MetadataSnapshot, type: PeriodType): Promise<ValueCube | null> {
    const tree = meta.tree(rootId);
    const range = await periodRangeOfRoot(this.#db.kysely, rootId, type);
    let cube: ValueCube | null = null;
    if (range) {
      const elementCodes = [...meta.elementsByCode.keys()];
      cube = new ValueCube({
        units: tree.units.map((u) => u.code),
        elements: elementCodes,
        months: periodRange(range.first, range.last),
        periodType: type,
      });
      const target = cube;
      const unitIndex = new Map(tree.units.map((u, i) => [u.id, i]));
      const elementIndex = new Map(
        elementCodes.map((code, i) => [meta.elementsByCode.get(code)?.id ?? -1, i]),
      );
      await forEachPeriodValue(
        this.#db.kysely,
        rootId,
        tree.units.map((u) => u.id),
        (rows) => {
          for (const row of rows) {
            const u = unitIndex.get(row.orgUnitId);
            const e = elementIndex.get(row.dataElementId);
            const m = target.monthIndex(row.periodId);
            if (u !== undefined && e !== undefined && m >= 0) target.set(u, e, m, row.value);
          }
        },
        type,
      );
    }
    return cube;
  }
}
