/**
 * The inputs of `evaluateScorecard` for a list of units and one period: data-element values aggregated from the
 * organisation's value cube (months up the tree and over time, core/analytics), reported indicator values and
 * qualitative ratings read per request, and the targets that applied (with the recorded target row each came
 * from, for the evaluation's `versions` and a publication's inputs).
 */
import {
  aggregateAllUnits,
  aggregateUnitValues,
  PairCoverage,
  type PairRequest,
  unitCoverage,
} from '../../core/analytics/index.ts';
import { MONTHS_PER_PERIOD, type PeriodType, parsePeriod } from '../../core/periods/index.ts';
import {
  type EvaluationInputs,
  type IndicatorPair,
  type IndicatorUnitCoverage,
  isVolumeIndicator,
  pairsOfScorecard,
  referencesOf,
} from '../../core/scorecard/index.ts';
import type { TargetIndex, TargetUnit } from '../../core/targets/index.ts';
import type {
  IndicatorInputRow,
  OrgUnitRow,
  RecordedTargetRow,
} from '../../db/repositories/evaluation.repository.ts';
import type { RootCube } from './cube-store.ts';
import type { ScorecardMethod } from './dated-scorecard.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';
import { offsetDataOfUnits } from './period-offset-inputs.ts';
import type { PeriodInputs } from './root-inputs.ts';

/** What one unit's evaluation reads, and the recorded target row each indicator's target came from. */
export interface UnitInputs {
  readonly inputs: EvaluationInputs;
  readonly targetRows: ReadonlyMap<string, RecordedTargetRow>;
}

export interface InputsContext {
  /** The reported values and ratings of every unit of organisation `rootId` in `period`. */
  readonly rootInputs: (rootId: number, period: string) => Promise<PeriodInputs>;
  readonly meta: MetadataSnapshot;
  readonly cube: RootCube;
  readonly scorecardId: number;
  readonly method: ScorecardMethod;
  readonly targets: TargetIndex<RecordedTargetRow>;
}

export const EMPTY_INPUTS: EvaluationInputs = {
  data: new Map(),
  actuals: new Map(),
  targets: new Map(),
  references: new Map(),
  ratings: new Map(),
};

export function targetUnitOf(unit: OrgUnitRow, meta: MetadataSnapshot): TargetUnit {
  return { id: unit.id, level: unit.level, groupIds: meta.groupsOf.get(unit.id) ?? new Set<number>() };
}

/**
 * The inputs for each unit (in the order given; all of one organisation). With `many`, reported values and
 * ratings are read for the whole organisation at once rather than unit by unit, and data elements are rolled
 * up in one pass over `top`'s subtree (every unit given must be in it), or the whole tree when `top` is null.
 */
export async function inputsOfUnits(
  context: InputsContext,
  units: readonly OrgUnitRow[],
  period: string,
  many: boolean,
  top: OrgUnitRow | null = null,
): Promise<UnitInputs[]> {
  const first = units[0];
  if (!first) return [];
  const rootId = first.rootId;
  const data = aggregatedData(context, units, period, many, top);
  const earlier = offsetDataOfUnits(
    context.cube,
    context.meta,
    context.method.scorecard,
    units,
    period,
    many,
  );
  data.forEach((unitData, i) => {
    const values = earlier[i];
    if (values !== undefined && values.size > 0) addEarlierValues(unitData, values);
  });
  // The organisation's reported values and ratings of the period, kept for its revision (./root-inputs.ts).
  const { reported, ratings, longer: longerRows } = await context.rootInputs(rootId, period);
  const reportedBy = groupByUnit(reported);
  const elementLonger = longerPeriodsOf(context, period);
  const longerBy = new Map<number, { indicator: string; periodId: string }[]>();
  for (const row of longerRows) {
    const list = longerBy.get(row.orgUnitId) ?? [];
    list.push(row);
    longerBy.set(row.orgUnitId, list);
  }
  const ratingsBy = groupByUnit(ratings);
  const indicators = context.method.scorecard.perspectives.flatMap((p) => p.indicators);
  const volumes = new Set(
    indicators.filter((ind) => isVolumeIndicator(ind, context.meta.elementsByCode)).map((ind) => ind.id),
  );
  return units.map((unit, i) => {
    const targetUnit = targetUnitOf(unit, context.meta);
    const targets = new Map<string, number | null>();
    const references = new Map<string, number | null>();
    const bands = new Map<string, { lower: number; upper: number }>();
    const targetRows = new Map<string, RecordedTargetRow>();
    for (const indicator of indicators) {
      const row = context.targets.resolve(indicator.id, targetUnit, period, {
        volume: volumes.has(indicator.id),
      });
      if (!row) continue;
      targetRows.set(indicator.id, row);
      targets.set(indicator.id, row.target);
      references.set(indicator.id, row.reference);
      if (row.lower !== null && row.upper !== null)
        bands.set(indicator.id, { lower: row.lower, upper: row.upper });
    }
    const unitRatings = new Map<string, number[]>();
    for (const r of ratingsBy.get(unit.id) ?? []) {
      const list = unitRatings.get(r.indicator) ?? [];
      list.push(r.value);
      unitRatings.set(r.indicator, list);
    }
    const unitData = data[i];
    return {
      inputs: {
        data: unitData?.data ?? new Map(),
        actuals: new Map((reportedBy.get(unit.id) ?? []).map((r) => [r.indicator, r.value])),
        targets,
        references,
        ratings: unitRatings,
        bands,
        indicatorData: unitData?.indicatorData ?? new Map(),
        unitCoverage: unitData?.unitCoverage ?? new Map(),
        reportedFor: withReportedLonger(elementLonger, longerBy.get(unit.id)),
      },
      targetRows,
    };
  });
}

/** Each unit's aggregated data: plain values by code, pairwise values by indicator, and their coverage. */
interface UnitData {
  readonly data: Map<string, number | null>;
  readonly indicatorData: Map<string, Map<string, number | null>>;
  readonly unitCoverage: Map<string, IndicatorUnitCoverage>;
}

/**
 * Each unit's data-element values for the period, from the cube of each element's period type: a month's or
 * quarter's or year's months from the cube of months, a year's quarters from the cube of quarters, a year from
 * the cube of years (a month of a yearly element has none). Each indicator's pair (element-pairs.ts) is rolled
 * up pairwise, with the coverage it leaves.
 */
function aggregatedData(
  context: InputsContext,
  units: readonly OrgUnitRow[],
  period: string,
  many: boolean,
  top: OrgUnitRow | null,
): UnitData[] {
  const result: UnitData[] = units.map(() => ({
    data: new Map(),
    indicatorData: new Map(),
    unitCoverage: new Map(),
  }));
  const rootId = units[0]?.rootId ?? 0;
  const tree = context.meta.tree(rootId);
  // A ranking of one hospital's 20 departments rolls up that hospital, not the group's 2,000 units.
  const subtreeOf = top === null ? undefined : tree.indexOf.get(top.id);
  const rules = context.meta.rules();
  const pairs = pairsOfScorecard(context.method.scorecard, context.meta.elementsByCode);
  const needed = plainlyRead(context, pairs);
  for (const type of PERIOD_TYPES) {
    const cube = context.cube.cubes[type];
    if (!cube) continue;
    const months = cube.monthIndicesOf(period);
    if (months.length === 0) continue;
    const typePairs = pairs.filter(
      (p) => p.periodType === type && p.codes.every((c) => cube.elementIndex(c) >= 0),
    );
    // An element read only inside pairs is not aggregated alone as well (half the work for ratio scorecards);
    // its plain value is its first pair's.
    const inPairs = new Set(typePairs.flatMap((p) => p.codes));
    const plain = context.method.elementCodes.filter(
      (code) =>
        (context.meta.elementsByCode.get(code)?.periodType ?? 'month') === type &&
        cube.elementIndex(code) >= 0 &&
        (needed.has(code) || !inPairs.has(code)),
    );
    // Indicators with the same pair (the same elements) share one roll-up.
    const distinct = new Map<string, number>();
    const pairOfIndicator = typePairs.map((pair) => {
      const key = `${pair.codes.join('\u0000')}\u0001${pair.denominator ?? ''}`;
      const known = distinct.get(key);
      if (known !== undefined) return known;
      distinct.set(key, distinct.size);
      return distinct.size - 1;
    });
    const uniquePairs = typePairs.filter((_, g) => pairOfIndicator.indexOf(pairOfIndicator[g] ?? -1) === g);
    const codes = [...plain, ...uniquePairs.flatMap((p) => p.codes)];
    if (codes.length === 0) continue;
    const elements = codes.map((code) => cube.elementIndex(code));
    const pairRequests: PairRequest[] = [];
    let at = plain.length;
    for (const pair of uniquePairs) {
      const members = pair.codes.map((_, x) => at + x);
      const weight = pair.denominator === null ? -1 : at + pair.codes.indexOf(pair.denominator);
      pairRequests.push({ members, weight });
      at += pair.codes.length;
    }
    const request = { elements, months, pairs: pairRequests };
    const read = (unitIndex: number, values: ArrayLike<number>, offset: number, table: PairCoverage) => {
      const target = result[unitIndex];
      if (!target) return;
      plain.forEach((code, k) => {
        target.data.set(code, orNull(values[offset + k]));
      });
      typePairs.forEach((pair, indicatorPair) => {
        const g = pairOfIndicator[indicatorPair] ?? 0;
        const request = pairRequests[g];
        const map = new Map<string, number | null>();
        pair.codes.forEach((code, x) => {
          const value = orNull(values[offset + (request?.members[x] ?? 0)]);
          map.set(code, value);
          if (!target.data.has(code)) target.data.set(code, value);
        });
        target.indicatorData.set(pair.indicator, map);
        const index = tree.indexOf.get(units[unitIndex]?.id ?? -1) ?? -1;
        const coverage = unitCoverage(tree.tree, table, index, g);
        target.unitCoverage.set(pair.indicator, {
          source: coverage.source,
          included: coverage.included,
          leftOut: coverage.leftOut,
          denominatorShare: coverage.share,
        });
      });
    };
    if (many) {
      const table = new PairCoverage(tree.units.length, uniquePairs.length);
      const all = aggregateAllUnits(cube, tree.tree, rules, { ...request, subtreeOf }, table);
      units.forEach((unit, i) => {
        const index = tree.indexOf.get(unit.id) ?? -1;
        if (index >= 0) read(i, all, index * codes.length, table);
      });
      continue;
    }
    // One table for every unit: a run rewrites its subtree's rows, and a unit's coverage reads only its children.
    const table = new PairCoverage(tree.units.length, uniquePairs.length);
    units.forEach((unit, i) => {
      const index = tree.indexOf.get(unit.id) ?? -1;
      if (index < 0) return;
      const values = aggregateUnitValues(cube, tree.tree, rules, { ...request, unit: index }, table);
      read(
        i,
        values.map((v) => v ?? Number.NaN),
        0,
        table,
      );
    });
  }
  return result;
}

const PERIOD_TYPES = ['month', 'quarter', 'year'] as const satisfies readonly PeriodType[];

/** Earlier-period values join the plain data and every pairwise map (a formula reads one or the other). */
function addEarlierValues(unitData: UnitData, values: ReadonlyMap<string, number | null>): void {
  for (const [key, value] of values) {
    unitData.data.set(key, value);
    for (const map of unitData.indicatorData.values()) map.set(key, value);
  }
}

/** The element codes some formula reads outside its pair (they need their own roll-up too). */
function plainlyRead(context: InputsContext, pairs: readonly IndicatorPair[]): Set<string> {
  const pairOf = new Map(pairs.map((p) => [p.indicator, new Set(p.codes)]));
  const needed = new Set<string>();
  for (const indicator of context.method.scorecard.perspectives.flatMap((p) => p.indicators)) {
    if (!indicator.formula) continue;
    const paired = indicator.inEffect ? pairOf.get(indicator.id) : undefined;
    for (const code of referencesOf(indicator.formula)) if (!paired?.has(code)) needed.add(code);
  }
  return needed;
}

function orNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * Indicators whose values are reported for a longer period than `period` (a month of a yearly element, or a
 * month whose year has a reported value): they show "reported yearly" (or quarterly) rather than missing.
 */
function longerPeriodsOf(context: InputsContext, period: string): Map<string, 'quarter' | 'year'> {
  const length = MONTHS_PER_PERIOD[parsePeriod(period).type];
  const longer = new Map<string, 'quarter' | 'year'>();
  for (const indicator of context.method.scorecard.perspectives.flatMap((p) => p.indicators)) {
    if (!indicator.formula) continue;
    for (const code of referencesOf(indicator.formula)) {
      const type = context.meta.elementsByCode.get(code)?.periodType ?? 'month';
      if (type !== 'month' && MONTHS_PER_PERIOD[type] > length && longer.get(indicator.id) !== 'year') {
        longer.set(indicator.id, type);
      }
    }
  }
  return longer;
}

/** The element-based longer periods with one unit's indicators reported for the year (or quarter) added. */
function withReportedLonger(
  elementLonger: ReadonlyMap<string, 'quarter' | 'year'>,
  reportedLonger: readonly { readonly indicator: string; readonly periodId: string }[] | undefined,
): ReadonlyMap<string, 'quarter' | 'year'> {
  if (reportedLonger === undefined || reportedLonger.length === 0) return elementLonger;
  const longer = new Map(elementLonger);
  for (const row of reportedLonger) {
    const type = parsePeriod(row.periodId).type;
    if (type !== 'month' && longer.get(row.indicator) !== 'year') longer.set(row.indicator, type);
  }
  return longer;
}

function groupByUnit(rows: readonly IndicatorInputRow[]): Map<number, IndicatorInputRow[]> {
  const result = new Map<number, IndicatorInputRow[]>();
  for (const row of rows) {
    const list = result.get(row.orgUnitId) ?? [];
    list.push(row);
    result.set(row.orgUnitId, list);
  }
  return result;
}
