/**
 * The indicators of scorecards' current versions, by scorecard code: what targets, reported values and
 * assessments are checked against.
 */
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { listCurrentScorecards } from '../../db/repositories/scorecard.repository.ts';
import { type IndicatorFacts, indicatorsOfDefinition } from './scorecard-files.ts';

export interface ScorecardIndicators {
  readonly id: number;
  readonly code: string;
  readonly indicators: ReadonlyMap<string, IndicatorFacts>;
}

/** The current indicators of the scorecards with these codes, by code (codes not found are absent). */
export async function loadIndicatorIndex(
  db: Executor,
  scorecardCodes: readonly string[],
): Promise<Map<string, ScorecardIndicators>> {
  const scorecards = await listCurrentScorecards(db, scorecardCodes);
  return new Map(
    scorecards.map((s) => [
      s.code,
      { id: s.id, code: s.code, indicators: indicatorsOfDefinition(s.definition) },
    ]),
  );
}
