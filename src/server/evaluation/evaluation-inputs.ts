/**
 * The inputs of `evaluateScorecard` for a list of units and one period: data-element values aggregated from the
 * organisation's value cube (months up the tree and over time, core/analytics), reported indicator values and
 * qualitative ratings read per request, and the targets that applied (with the recorded target row each came
 * from, for the evaluation's `versions` and a publication's inputs).
 */
import { aggregateAllUnits, aggregateUnitValues } from '../../core/analytics/index.ts';
import { monthsOf } from '../../core/periods/index.ts';
import type { EvaluationInputs } from '../../core/scorecard/index.ts';
import type { TargetIndex, TargetUnit } from '../../core/targets/index.ts';
import type { Db } from '../../db/connect.ts';
import {
  type IndicatorInputRow,
  loadAssessments,
  loadReportedValues,
  type OrgUnitRow,
  type RecordedTargetRow,
} from '../../db/repositories/evaluation.repository.ts';
import type { RootCube } from './cube-store.ts';
import type { ScorecardMethod } from './dated-scorecard.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

/** What one unit's evaluation reads, and the recorded target row each indicator's target came from. */
export interface UnitInputs {
  readonly inputs: EvaluationInputs;
  readonly targetRows: ReadonlyMap<string, RecordedTargetRow>;
}

export interface InputsContext {
  readonly db: Db;
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
 * ratings are read for the whole organisation at once rather than unit by unit.
 */
export async function inputsOfUnits(
  context: InputsContext,
  units: readonly OrgUnitRow[],
  period: string,
  many: boolean,
): Promise<UnitInputs[]> {
  const first = units[0];
  if (!first) return [];
  const rootId = first.rootId;
  const data = aggregatedData(context, units, period, many);
  const ids = units.map((u) => u.id);
  const [reported, ratings] = await Promise.all([
    loadReportedValues(context.db.kysely, rootId, context.scorecardId, many ? null : ids, period),
    loadAssessments(context.db.kysely, rootId, context.scorecardId, many ? null : ids, period),
  ]);
  const reportedBy = groupByUnit(reported);
  const ratingsBy = groupByUnit(ratings);
  const indicators = context.method.scorecard.perspectives.flatMap((p) => p.indicators);
  return units.map((unit, i) => {
    const targetUnit = targetUnitOf(unit, context.meta);
    const targets = new Map<string, number | null>();
    const references = new Map<string, number | null>();
    const bands = new Map<string, { lower: number; upper: number }>();
    const targetRows = new Map<string, RecordedTargetRow>();
    for (const indicator of indicators) {
      const row = context.targets.resolve(indicator.id, targetUnit, period);
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
    return {
      inputs: {
        data: data[i] ?? new Map(),
        actuals: new Map((reportedBy.get(unit.id) ?? []).map((r) => [r.indicator, r.value])),
        targets,
        references,
        ratings: unitRatings,
        bands,
      },
      targetRows,
    };
  });
}

/**
 * Each unit's data-element values for the period, from the cube over its months (data values are stored per
 * month; a quarter or year is computed from them).
 */
function aggregatedData(
  context: InputsContext,
  units: readonly OrgUnitRow[],
  period: string,
  many: boolean,
): Map<string, number | null>[] {
  const codes = context.method.elementCodes;
  const result = units.map(() => new Map<string, number | null>());
  const { cube } = context.cube;
  const rootId = units[0]?.rootId ?? 0;
  const tree = context.meta.tree(rootId);
  if (!cube) return result;
  const elements = codes.map((code) => cube.elementIndex(code));
  const present = elements.map((e) => e >= 0);
  const elementIdx = elements.filter((e) => e >= 0);
  const months = monthsOf(period)
    .map((m) => cube.monthIndex(m))
    .filter((m) => m >= 0);
  const rules = context.meta.rules();
  const presentCodes = codes.filter((_, i) => present[i]);
  if (months.length === 0 || elementIdx.length === 0) return result;
  if (many) {
    const all = aggregateAllUnits(cube, tree.tree, rules, { elements: elementIdx, months });
    units.forEach((unit, i) => {
      const index = tree.indexOf.get(unit.id) ?? -1;
      const map = result[i];
      if (index < 0 || !map) return;
      presentCodes.forEach((code, k) => {
        const value = all[index * elementIdx.length + k] ?? Number.NaN;
        map.set(code, Number.isNaN(value) ? null : value);
      });
    });
    return result;
  }
  units.forEach((unit, i) => {
    const index = tree.indexOf.get(unit.id) ?? -1;
    const map = result[i];
    if (index < 0 || !map) return;
    const values = aggregateUnitValues(cube, tree.tree, rules, { unit: index, elements: elementIdx, months });
    presentCodes.forEach((code, k) => {
      map.set(code, values[k] ?? null);
    });
  });
  return result;
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
