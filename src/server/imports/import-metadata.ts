/**
 * What an import is checked against, read once per import in a few bulk queries: org units (by code, and by
 * name where a name is unambiguous), data elements, org-unit groups, and each scorecard's indicators.
 */
import type { IndicatorKind } from '../../core/indicators/indicator.ts';
import { tryParsePeriod } from '../../core/periods/index.ts';
import {
  type ImportDataElement,
  type ImportOrgUnit,
  loadImportDataElements,
  loadImportOrgUnitGroups,
  loadImportOrgUnits,
  loadImportScorecards,
} from '../../db/repositories/import.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import type { JsonValue } from '../../db/schema.ts';
import type { DataElementRef, IndicatorRef, OrgUnitRef } from '../../ingest/index.ts';

export interface ScorecardIndicators {
  readonly id: number;
  readonly code: string;
  readonly indicators: ReadonlyMap<string, IndicatorRef>;
}

export interface ImportMetadata {
  readonly unitsByCode: ReadonlyMap<string, ImportOrgUnit>;
  /**
   * What the org_unit column may hold: every code, and every English or Chinese name that belongs to exactly
   * one unit and is no unit's code (HIS exports often name departments, `心内科`, rather than code them).
   */
  readonly orgUnitRefs: ReadonlyMap<string, OrgUnitRef>;
  readonly elementsByCode: ReadonlyMap<string, ImportDataElement>;
  readonly elementRefs: ReadonlyMap<string, DataElementRef>;
  readonly groupsByCode: ReadonlyMap<string, { readonly id: number; readonly code: string }>;
  readonly scorecards: ReadonlyMap<string, ScorecardIndicators>;
}

/** Periods as imports accept them: `2024-03`, `2024Q1`, `2024` (core/periods), normalised. */
export function normalizePeriod(text: string): string | null {
  return tryParsePeriod(text)?.id ?? null;
}

/** Finds a code the way ingest does: exactly, else ignoring case when exactly one entry matches. */
export function createCodeLookup<T>(map: ReadonlyMap<string, T>): (text: string) => T | undefined {
  let folded: Map<string, T[]> | null = null;
  return (text) => {
    const exact = map.get(text);
    if (exact !== undefined) return exact;
    if (folded === null) {
      folded = new Map();
      for (const [code, value] of map) {
        const key = code.toLowerCase();
        const list = folded.get(key);
        if (list === undefined) folded.set(key, [value]);
        else list.push(value);
      }
    }
    const matches = folded.get(text.toLowerCase());
    return matches?.length === 1 ? matches[0] : undefined;
  };
}

function orgUnitRefs(units: readonly ImportOrgUnit[]): Map<string, OrgUnitRef> {
  const refs = new Map<string, OrgUnitRef>(units.map((u) => [u.code, { code: u.code }]));
  const byName = new Map<string, Set<string>>();
  for (const unit of units) {
    for (const name of [unit.nameEn, unit.nameZh]) {
      if (name === null || name.trim() === '') continue;
      const key = name.trim();
      byName.set(key, (byName.get(key) ?? new Set()).add(unit.code));
    }
  }
  for (const [name, codes] of byName) {
    const [code] = [...codes];
    if (codes.size === 1 && code !== undefined && !refs.has(name)) refs.set(name, { code });
  }
  return refs;
}

function record(value: JsonValue | null | undefined): Record<string, JsonValue> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

function list(value: JsonValue | null | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** The indicators of a stored scorecard definition (the scorecard file without `weights`). */
export function indicatorsOf(definition: JsonValue | null): Map<string, IndicatorRef> {
  const indicators = new Map<string, IndicatorRef>();
  for (const perspective of list(record(definition)?.perspectives)) {
    for (const item of list(record(perspective)?.indicators)) {
      const indicator = record(item);
      const id = indicator?.id;
      if (typeof id !== 'string') continue;
      const kind: IndicatorKind = indicator?.kind === 'qualitative' ? 'qualitative' : 'quantitative';
      // One text in a structure stored as @1; both words (`{ en, zh }`) in @2, whose English word is compared.
      const stored = indicator?.unit;
      const unit = typeof stored === 'string' ? stored : record(stored)?.en;
      indicators.set(id, typeof unit === 'string' ? { code: id, kind, unit } : { code: id, kind });
    }
  }
  return indicators;
}

/** Reads the metadata of an import. */
export async function loadImportMetadata(db: Executor): Promise<ImportMetadata> {
  const [units, elements, groups, scorecards] = await Promise.all([
    loadImportOrgUnits(db),
    loadImportDataElements(db),
    loadImportOrgUnitGroups(db),
    loadImportScorecards(db),
  ]);
  const elementRefs = new Map<string, DataElementRef>(
    elements.map((e) => [
      e.code,
      {
        code: e.code,
        valueType: e.valueType,
        periodType: e.periodType,
        ...(e.min === null ? {} : { min: e.min }),
        ...(e.max === null ? {} : { max: e.max }),
      },
    ]),
  );
  return {
    unitsByCode: new Map(units.map((u) => [u.code, u])),
    orgUnitRefs: orgUnitRefs(units),
    elementsByCode: new Map(elements.map((e) => [e.code, e])),
    elementRefs,
    groupsByCode: new Map(groups.map((g) => [g.code, g])),
    scorecards: new Map(
      scorecards.map((s) => [s.code, { id: s.id, code: s.code, indicators: indicatorsOf(s.definition) }]),
    ),
  };
}

/**
 * The metadata as an importer may use it: only the org units `allowed` (their codes and unambiguous names), so a
 * row of any other unit is an error of the file, never a write.
 */
export function restrictOrgUnits(
  meta: ImportMetadata,
  allowed: (unit: ImportOrgUnit) => boolean,
): ImportMetadata {
  const units = [...meta.unitsByCode.values()].filter(allowed);
  return { ...meta, unitsByCode: new Map(units.map((u) => [u.code, u])), orgUnitRefs: orgUnitRefs(units) };
}
