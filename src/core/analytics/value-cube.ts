/**
 * The in-memory value cube: every data value of units × data elements × months in one dense Float64Array,
 * NaN where there is no value. ../shared/STACK.md measured columnar typed arrays in TypeScript as fast as
 * DuckDB for this work (56 ms for a group-by over 5 million values), and 14–40× faster than PostgreSQL or PGlite.
 */
import { badRequest } from '../errors/problem.ts';
import {
  type PeriodType,
  parsePeriod,
  periodFromOrdinal,
  periodOrdinal,
  periodsOfType,
} from '../periods/index.ts';

export interface CubeShape {
  readonly units: readonly string[];
  readonly elements: readonly string[];
  /**
   * Consecutive period ids of the cube's period type, ascending, e.g. 2021-01 … 2025-12 (named months because
   * most cubes hold months).
   */
  readonly months: readonly string[];
  /** The type of every period on the time axis: month (default), or quarter or year for elements reported so. */
  readonly periodType?: PeriodType;
}

/** 2²⁸ cells (2 GiB of Float64): far above the 7 million of 2,000 units × 60 elements × 60 months. */
export const MAX_CUBE_CELLS = 2 ** 28;

/**
 * Values by unit, element and month, addressed by index (fast) or by code (convenient). The layout is
 * unit-major, then element, then month, so one unit's months of one element are adjacent in memory, which is
 * what the time aggregation reads. The shape is fixed; `grow` returns a larger copy.
 *
 * @example
 * const cube = new ValueCube({ units: ['H1'], elements: ['beds'], months: ['2024-01', '2024-02'] });
 * cube.setByCode('H1', 'beds', '2024-02', 120);
 * cube.get(0, 0, 1); // 120
 * cube.get(0, 0, 0); // null
 */
export class ValueCube {
  readonly units: readonly string[];
  readonly elements: readonly string[];
  readonly months: readonly string[];
  readonly periodType: PeriodType;
  /**
   * The cells, `values[(unit × elements + element) × months + month]`, NaN for no value. Exposed so that
   * aggregation reads them in place; write only through `set`, which keeps `count` right.
   */
  readonly values: Float64Array;
  readonly #unitIndex: ReadonlyMap<string, number>;
  readonly #elementIndex: ReadonlyMap<string, number>;
  readonly #monthIndex: ReadonlyMap<string, number>;
  #count = 0;

  /**
   * With `cells`, the cube takes that array as its storage (no copy; NaN for no value), e.g. cells read in bulk
   * from the database or a snapshot file; it must have exactly units × elements × months entries.
   */
  constructor(shape: CubeShape, cells?: Float64Array) {
    this.#unitIndex = indexCodes(shape.units, 'units');
    this.#elementIndex = indexCodes(shape.elements, 'elements');
    this.units = [...shape.units];
    this.elements = [...shape.elements];
    const type = shape.periodType ?? 'month';
    this.periodType = type;
    this.months = shape.months.map((id, i) => parsePeriod(id, ['months', i]).id);
    const first = this.months.length > 0 ? periodOrdinal(this.months[0] ?? '').ordinal : 0;
    this.months.forEach((id, i) => {
      const at = periodOrdinal(id);
      if (at.type !== type) {
        throw badRequest('analytics.period-not-of-type', { period: id, periodType: type }, ['months', i]);
      }
      if (at.ordinal !== first + i) {
        const previous = this.months[i - 1] ?? '';
        throw badRequest('analytics.months-not-consecutive', { month: id, previous }, ['months', i]);
      }
    });
    const cellCount = this.units.length * this.elements.length * this.months.length;
    if (cellCount > MAX_CUBE_CELLS) {
      throw badRequest('analytics.too-many-cells', { cells: cellCount, max: MAX_CUBE_CELLS });
    }
    if (cells === undefined) {
      this.values = new Float64Array(cellCount).fill(Number.NaN);
    } else {
      if (cells.length !== cellCount) {
        throw badRequest('analytics.cells-wrong-length', { cells: cells.length, expected: cellCount });
      }
      this.values = cells;
      let count = 0;
      for (let i = 0; i < cells.length; i++) if (!Number.isNaN(cells[i] ?? Number.NaN)) count++;
      this.#count = count;
    }
    // A map rather than month arithmetic: loading millions of values by code must not parse each month id.
    this.#monthIndex = new Map(this.months.map((id, i) => [id, i]));
  }

  /** The number of cells that hold a value. */
  get count(): number {
    return this.#count;
  }

  /** Index of a unit code, or −1. */
  unitIndex(code: string): number {
    return this.#unitIndex.get(code) ?? -1;
  }

  /** Index of a data-element code, or −1. */
  elementIndex(code: string): number {
    return this.#elementIndex.get(code) ?? -1;
  }

  /** Index of a period id of the cube's type (`2024-03`), or −1 when it is outside the cube or of another type. */
  monthIndex(id: string): number {
    return this.#monthIndex.get(id) ?? -1;
  }

  /**
   * Indices of the periods of the cube's type that make up a period (`2024-03`, `2024Q1`, `2024`) and lie
   * inside the cube, ascending: a quarter's months in a cube of months, a year's quarters in a cube of
   * quarters, none for a month in a cube of years. Periods outside hold no values, so leaving them out changes
   * no aggregate.
   *
   * @example new ValueCube({ units: [], elements: [], months: ['2024-02', '2024-03', '2024-04'] }).monthIndicesOf('2024Q1') // [0, 1]
   */
  monthIndicesOf(periodId: string): number[] {
    const indices: number[] = [];
    for (const month of periodsOfType(periodId, this.periodType)) {
      const i = this.monthIndex(month);
      if (i >= 0) indices.push(i);
    }
    return indices;
  }

  /** Stores a value (null clears the cell). Throws `badRequest` on an index out of range or a non-finite value. */
  set(unit: number, element: number, month: number, value: number | null): void {
    const at = this.#offset(unit, element, month);
    let next = Number.NaN;
    if (value !== null) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw badRequest('analytics.value-not-finite', { value: String(value) });
      }
      next = value;
    }
    const had = !Number.isNaN(this.values[at] ?? Number.NaN);
    this.values[at] = next;
    this.#count += (value === null ? 0 : 1) - (had ? 1 : 0);
  }

  /** The stored value, or null. Throws `badRequest` on an index out of range. */
  get(unit: number, element: number, month: number): number | null {
    const value = this.values[this.#offset(unit, element, month)] ?? Number.NaN;
    return Number.isNaN(value) ? null : value;
  }

  /** Stores a value by codes. Throws `badRequest` on a code the cube does not have. */
  setByCode(unitCode: string, elementCode: string, monthId: string, value: number | null): void {
    this.set(...this.#indicesOf(unitCode, elementCode, monthId), value);
  }

  /** The stored value by codes, or null. Throws `badRequest` on a code the cube does not have. */
  getByCode(unitCode: string, elementCode: string, monthId: string): number | null {
    return this.get(...this.#indicesOf(unitCode, elementCode, monthId));
  }

  /**
   * A larger copy holding every value of this one: new units and elements are added at the end (codes
   * already present are ignored), so their indices stay valid; the months widen to the smallest consecutive
   * run that covers the old months and the new ones, so month indices shift when earlier months are added.
   *
   * @example cube.grow({ units: ['H2'], months: ['2023-12'] }) // H2 appended; month 0 is now 2023-12
   */
  grow(additions: {
    readonly units?: readonly string[];
    readonly elements?: readonly string[];
    readonly months?: readonly string[];
  }): ValueCube {
    const units = appendNew(this.units, additions.units ?? []);
    const elements = appendNew(this.elements, additions.elements ?? []);
    const type = this.periodType;
    const ordinals = [...this.months, ...(additions.months ?? [])].map((id, i) => {
      const n = ordinalOrNull(id, type);
      if (n === null) {
        throw type === 'month'
          ? badRequest('period.not-a-month', { value: id }, ['months', i - this.months.length])
          : badRequest('analytics.period-not-of-type', { period: id, periodType: type }, [
              'months',
              i - this.months.length,
            ]);
      }
      return n;
    });
    const months: string[] = [];
    if (ordinals.length > 0) {
      const first = Math.min(...ordinals);
      const last = Math.max(...ordinals);
      for (let n = first; n <= last; n++) months.push(periodFromOrdinal(type, n));
    }
    const bigger = new ValueCube({ units, elements, months, periodType: type });
    const shift = this.months.length > 0 ? bigger.monthIndex(this.months[0] ?? '') : 0;
    const oldE = this.elements.length;
    const oldM = this.months.length;
    const newE = elements.length;
    const newM = months.length;
    for (let u = 0; u < this.units.length; u++) {
      for (let e = 0; e < oldE; e++) {
        const from = (u * oldE + e) * oldM;
        bigger.values.set(this.values.subarray(from, from + oldM), (u * newE + e) * newM + shift);
      }
    }
    bigger.#count = this.#count;
    return bigger;
  }

  #offset(unit: number, element: number, month: number): number {
    const E = this.elements.length;
    const M = this.months.length;
    if (!isIndex(unit, this.units.length) || !isIndex(element, E) || !isIndex(month, M)) {
      throw badRequest('analytics.cell-outside', {
        unit: String(unit),
        element: String(element),
        month: String(month),
        units: this.units.length,
        elements: E,
        months: M,
      });
    }
    return (unit * E + element) * M + month;
  }

  #indicesOf(unitCode: string, elementCode: string, monthId: string): [number, number, number] {
    const unit = this.unitIndex(unitCode);
    if (unit < 0) throw badRequest('analytics.cube-no-unit', { code: unitCode });
    const element = this.elementIndex(elementCode);
    if (element < 0) throw badRequest('analytics.cube-no-element', { code: elementCode });
    const month = this.monthIndex(monthId);
    if (month < 0) {
      const first = this.months[0];
      const last = this.months.at(-1);
      throw first === undefined || last === undefined
        ? badRequest('analytics.cube-no-months', { month: monthId })
        : badRequest('analytics.cube-no-month', { month: monthId, first, last });
    }
    return [unit, element, month];
  }
}

function isIndex(i: number, length: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < length;
}

function ordinalOrNull(id: string, type: PeriodType): number | null {
  try {
    const at = periodOrdinal(id);
    return at.type === type ? at.ordinal : null;
  } catch {
    return null;
  }
}

const CODE_FAULTS = {
  units: { missing: 'analytics.cube-unit-needs-code', twice: 'analytics.cube-unit-twice' },
  elements: { missing: 'analytics.cube-element-needs-code', twice: 'analytics.cube-element-twice' },
} as const;

function indexCodes(codes: readonly string[], field: 'units' | 'elements'): Map<string, number> {
  const index = new Map<string, number>();
  codes.forEach((code, i) => {
    if (typeof code !== 'string' || code === '') throw badRequest(CODE_FAULTS[field].missing, {}, [field, i]);
    if (index.has(code)) throw badRequest(CODE_FAULTS[field].twice, { code }, [field, i]);
    index.set(code, i);
  });
  return index;
}

function appendNew(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing);
  const out = [...existing];
  for (const code of added) {
    if (!seen.has(code)) {
      seen.add(code);
      out.push(code);
    }
  }
  return out;
}
