/**
 * Which target applies to an indicator for one org unit and period.
 *
 * Targets are set per indicator × scope × period (migration 202611230500_platform). Two rules pick one:
 * 1. the most specific period first: the period itself, then the quarter that contains it, then the year — so a
 *    yearly target of a rate (bed occupancy ≥ 85 %) applies to every month of the year unless a month has its
 *    own; for a volume (a count summed over months, `resolve(…, { volume: true })`), a quarter or year without
 *    a target of its own takes the sum of its months' targets when every month has one (a year's discharges
 *    target is the sum of the monthly ones, not a month's);
 * 2. within a period, the most specific scope: the org unit itself, then an org-unit group it belongs to, then
 *    its level of the tree, then every unit (seed 002 §5.1 (3): reference values depend on the department and
 *    the hospital's own history, so a unit-specific target beats a general one).
 */
import { monthsOf, periodContaining, tryParsePeriod } from '../periods/index.ts';

export interface TargetRow {
  readonly indicator: string;
  readonly orgUnitId: number | null;
  readonly groupId: number | null;
  readonly level: number | null;
  readonly periodId: string;
  readonly target: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly reference: number | null;
  readonly source: string | null;
}

export interface TargetUnit {
  readonly id: number;
  readonly level: number;
  readonly groupIds: ReadonlySet<number>;
}

/**
 * An index of target rows by indicator and period, built once per scorecard and reused for every unit. Rows may
 * carry more than a `TargetRow` (where they were recorded): `resolve` and `trace` return them as given.
 */
export class TargetIndex<R extends TargetRow = TargetRow> {
  readonly #byKey = new Map<string, R[]>();

  constructor(rows: readonly R[]) {
    for (const row of rows) {
      const key = `${row.indicator}\u0000${row.periodId}`;
      const list = this.#byKey.get(key);
      if (list) list.push(row);
      else this.#byKey.set(key, [row]);
    }
  }

  /**
   * The target row for `indicator` at `unit` in `periodId`, or null.
   *
   * @example new TargetIndex([{ indicator: 'OCC', orgUnitId: null, …, periodId: '2024', target: 85 }])
   *   .resolve('OCC', { id: 7, level: 2, groupIds: new Set() }, '2024-03')?.target // 85
   */
  resolve(indicator: string, unit: TargetUnit, periodId: string, options: ResolveOptions = {}): R | null {
    return this.trace(indicator, unit, periodId, options).row;
  }

  /**
   * The target row `resolve` picks, with the periods it looked at in order (the period itself, then the
   * quarter and year containing it), so a reader can see a month fell back to its year's target.
   *
   * @example index.trace('OCC', unit, '2024-03') // { row: <the 2024 row>, periods: ['2024-03', '2024Q1', '2024'] }
   */
  trace(indicator: string, unit: TargetUnit, periodId: string, options: ResolveOptions = {}): TargetTrace<R> {
    if (options.volume) {
      const summed = this.#sumOfMonths(indicator, unit, periodId);
      if (summed) return summed;
    }
    const periods: string[] = [];
    for (const period of periodsToTry(periodId)) {
      periods.push(period);
      const rows = this.#byKey.get(`${indicator}\u0000${period}`);
      if (!rows) continue;
      const best = mostSpecific(rows, unit);
      if (best) return { row: best, periods };
    }
    return { row: null, periods };
  }

  /**
   * A quarter's or year's own target, else the sum of its months' targets (each the unit's most specific row
   * of that very month) when every month has one: the row of its first month with the summed target and
   * reference (null unless every month has one) and no band. Null for a month, or when a month lacks one.
   */
  #sumOfMonths(indicator: string, unit: TargetUnit, periodId: string): TargetTrace<R> | null {
    const period = tryParsePeriod(periodId);
    if (!period || period.type === 'month') return null;
    const own = this.#byKey.get(`${indicator}\u0000${period.id}`);
    if (own && mostSpecific(own, unit)) return null;
    const months = monthsOf(period.id);
    const rows: R[] = [];
    for (const month of months) {
      const candidates = this.#byKey.get(`${indicator}\u0000${month}`);
      const row = candidates ? mostSpecific(candidates, unit) : null;
      if (!row || row.target === null) return null;
      rows.push(row);
    }
    const [first] = rows;
    if (!first) return null;
    const sum = (values: readonly (number | null)[]) =>
      values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
    return {
      row: {
        ...first,
        periodId: period.id,
        target: sum(rows.map((r) => r.target)),
        reference: sum(rows.map((r) => r.reference)),
        lower: null,
        upper: null,
      },
      periods: [period.id, ...months],
    };
  }
}

export interface ResolveOptions {
  /** The indicator is a volume: a quarter or year without its own target sums its months' targets. */
  readonly volume?: boolean;
}

/** A target resolution: the row found (or null) and the periods tried, most specific first. */
export interface TargetTrace<R extends TargetRow = TargetRow> {
  readonly row: R | null;
  readonly periods: readonly string[];
}

function periodsToTry(periodId: string): string[] {
  const period = tryParsePeriod(periodId);
  if (!period) return [periodId];
  if (period.type === 'month')
    return [period.id, periodContaining(period.id, 'quarter'), String(period.year)];
  if (period.type === 'quarter') return [period.id, String(period.year)];
  return [period.id];
}

function specificity(row: TargetRow, unit: TargetUnit): number {
  if (row.orgUnitId !== null) return row.orgUnitId === unit.id ? 4 : -1;
  if (row.groupId !== null) return unit.groupIds.has(row.groupId) ? 3 : -1;
  if (row.level !== null) return row.level === unit.level ? 2 : -1;
  return 1;
}

function mostSpecific<R extends TargetRow>(rows: readonly R[], unit: TargetUnit): R | null {
  let best: R | null = null;
  let bestScore = 0;
  for (const row of rows) {
    const score = specificity(row, unit);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}
