/**
 * What the alert evaluation and "my work" read of a stored scorecard: its period type, its units (subtrees
 * expanded) and its indicators with their owners (format @2 names an owner by e-mail).
 */
import { z } from 'zod';
import type { PeriodType } from '../../core/periods/period.ts';
import { listOrgUnits, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import {
  type CurrentScorecardRecord,
  listCurrentScorecards,
} from '../../db/repositories/scorecard.repository.ts';
import { listScorecardOrgUnits } from '../../db/repositories/scorecard-org-unit.repository.ts';
import { requireOrgUnit } from '../services/lookups.ts';

const MAX_UNITS = 100_000;

const definitionFacts = z.object({
  periodType: z.enum(['month', 'quarter', 'year']).optional(),
  // Every data element a formula reads is declared here (an undeclared one fails the compile).
  dataElements: z.array(z.object({ code: z.string() })).default([]),
  perspectives: z
    .array(
      z.object({
        indicators: z
          .array(
            z.object({
              id: z.string(),
              name: z.record(z.string(), z.string()).optional(),
              owner: z.string().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export interface IndicatorFacts {
  readonly id: string;
  readonly name: Readonly<Record<string, string>>;
  readonly owner: string | null;
}

export interface ScorecardFacts {
  readonly record: CurrentScorecardRecord;
  readonly periodType: PeriodType;
  readonly indicators: readonly IndicatorFacts[];
  /** The codes of the data elements the scorecard reads. */
  readonly dataElements: readonly string[];
}

/** The current scorecards (all, or those named) with their period type and indicators. */
export async function loadScorecardFacts(db: Executor, codes?: readonly string[]): Promise<ScorecardFacts[]> {
  return (await listCurrentScorecards(db, codes)).map((record) => {
    const parsed = definitionFacts.safeParse(record.definition);
    const facts = parsed.success
      ? parsed.data
      : { periodType: undefined, perspectives: [], dataElements: [] };
    return {
      record,
      periodType: facts.periodType ?? 'month',
      dataElements: facts.dataElements.map((e) => e.code),
      indicators: facts.perspectives.flatMap((p) =>
        p.indicators.map((i) => ({ id: i.id, name: i.name ?? { en: i.id }, owner: i.owner?.trim() ?? null })),
      ),
    };
  });
}

/** The units a scorecard applies to, each subtree that includes descendants expanded. */
export async function scorecardUnits(db: Executor, scorecardId: number): Promise<OrgUnitRecord[]> {
  const byId = new Map<number, OrgUnitRecord>();
  for (const assigned of await listScorecardOrgUnits(db, scorecardId)) {
    const unit = await requireOrgUnit(db, assigned.orgUnitCode);
    byId.set(unit.id, unit);
    if (!assigned.includeDescendants) continue;
    const { rows } = await listOrgUnits(db, { subtreeOf: unit.path }, { limit: MAX_UNITS, offset: 0 });
    for (const row of rows) byId.set(row.id, row);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
