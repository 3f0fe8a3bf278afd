/**
 * The earlier-period values a scorecard's formulas read with `code.periodOffset(n)` (core/formula README,
 * "Earlier periods"): for each offset, the evaluated period shifted by `n` periods of its own type, and each
 * element aggregated for that period from the cube of its period type, up the unit tree as for the current
 * period. The values join each unit's inputs under `periodOffsetKey(code, n)`, in the plain data and in every
 * pairwise map, so every reader of the inputs (evaluation, Explain, publications) sees the same figure.
 */
import { aggregateAllUnits, aggregateUnitValues } from '../../core/analytics/index.ts';
import { type PeriodOffsetReference, periodOffsetKey, periodOffsets } from '../../core/formula/index.ts';
import { type PeriodType, shiftPeriod } from '../../core/periods/index.ts';
import type { CompiledScorecard } from '../../core/scorecard/index.ts';
import type { OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import type { RootCube } from './cube-store.ts';
import type { MetadataSnapshot } from './metadata-snapshot.ts';

/** Every distinct earlier-period read of the scorecard's indicators in effect. */
export function offsetReadsOf(scorecard: CompiledScorecard): PeriodOffsetReference[] {
  const seen = new Map<string, PeriodOffsetReference>();
  for (const indicator of scorecard.perspectives.flatMap((p) => p.indicators)) {
    const formula = indicator.formula;
    if (!formula || !indicator.inEffect) continue;
    const parts =
      formula.type === 'expression' ? [formula.expression] : [formula.numerator, formula.denominator];
    for (const part of parts) {
      for (const read of periodOffsets(part.ast)) seen.set(periodOffsetKey(read.code, read.offset), read);
    }
  }
  return [...seen.values()];
}

/**
 * Each unit's earlier-period values (by `periodOffsetKey`), in the order of `units`; empty maps when the
 * scorecard reads no earlier period.
 */
export function offsetDataOfUnits(
  cube: RootCube,
  meta: MetadataSnapshot,
  scorecard: CompiledScorecard,
  units: readonly OrgUnitRow[],
  period: string,
  many: boolean,
): Map<string, number | null>[] {
  const result = units.map(() => new Map<string, number | null>());
  const reads = offsetReadsOf(scorecard);
  if (reads.length === 0 || units.length === 0) return result;
  const tree = meta.tree(units[0]?.rootId ?? 0);
  const rules = meta.rules();
  const byOffset = new Map<number, PeriodOffsetReference[]>();
  for (const read of reads) byOffset.set(read.offset, [...(byOffset.get(read.offset) ?? []), read]);
  for (const [offset, list] of byOffset) {
    let shifted: string;
    try {
      shifted = shiftPeriod(period, offset);
    } catch {
      continue; // before the first year a period can have: no value
    }
    for (const type of PERIOD_TYPES) {
      const typed = cube.cubes[type];
      if (!typed) continue;
      const codes = list
        .map((r) => r.code)
        .filter(
          (code) =>
            (meta.elementsByCode.get(code)?.periodType ?? 'month') === type && typed.elementIndex(code) >= 0,
        );
      const months = typed.monthIndicesOf(shifted);
      if (codes.length === 0 || months.length === 0) continue;
      const request = { elements: codes.map((code) => typed.elementIndex(code)), months };
      const store = (i: number, read: (k: number) => number | null) => {
        codes.forEach((code, k) => {
          result[i]?.set(periodOffsetKey(code, offset), read(k));
        });
      };
      if (many) {
        const all = aggregateAllUnits(typed, tree.tree, rules, request);
        units.forEach((unit, i) => {
          const index = tree.indexOf.get(unit.id) ?? -1;
          if (index >= 0) store(i, (k) => orNull(all[index * codes.length + k]));
        });
        continue;
      }
      units.forEach((unit, i) => {
        const index = tree.indexOf.get(unit.id) ?? -1;
        if (index < 0) return;
        const values = aggregateUnitValues(typed, tree.tree, rules, { ...request, unit: index });
        store(i, (k) => values[k] ?? null);
      });
    }
  }
  return result;
}

const PERIOD_TYPES = ['month', 'quarter', 'year'] as const satisfies readonly PeriodType[];

function orNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
