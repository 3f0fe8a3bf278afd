/**
 * The method that held for a period, from the dated parts of one scorecard file (docs/scorecard-format.md,
 * "Dated versions"): each indicator's latest dated version that holds for the period (its formula, direction,
 * scoring and status replace the indicator's own; what a version leaves out is the indicator's own), the scheme's
 * latest dated scoring version (default method, missing data, rating bands, status thresholds; likewise), and
 * indicators whose definition starts later left out of the score. Which stored structure and weight version to
 * compile in the first place is effective-periods.ts's `selectEffectiveVersion`.
 */
import type { RatingBand, ScoringMethod, StatusThresholds } from '../scoring/index.ts';
import type { CompiledIndicator, CompiledScorecard } from './compile-scorecard.ts';
import { holdsFor, periodStart } from './effective-periods.ts';

/** Which dated version of something was used: 0 for its own definition, n for its nth dated version (from 1). */
export interface DatedChoice {
  readonly version: number;
  /** Where the version used starts to hold; null: the definition, since the beginning. */
  readonly effectiveFrom: string | null;
}

export interface IndicatorMethodChoice extends DatedChoice {
  readonly id: string;
  /** False when the period comes before the indicator's definition holds: it is left out of the score. */
  readonly inEffect: boolean;
}

/** A scorecard as it held for one period, and which of its dated versions that took. */
export interface PeriodMethod {
  /** The compiled scorecard with every dated version that holds for the period applied. */
  readonly scorecard: CompiledScorecard;
  /** The scheme's scoring version used (rating bands, default method, status thresholds, missing data). */
  readonly scoring: DatedChoice;
  /** Per indicator, in scorecard order. */
  readonly indicators: readonly IndicatorMethodChoice[];
}

/**
 * Which range of periods `period` falls in: periods with the same number are scored by the same dated versions,
 * so a caller may compile once per range rather than once per period.
 *
 * @example methodRange(compiled, '2024-03') // 0 when nothing in the file starts before April 2024
 */
export function methodRange(scorecard: CompiledScorecard, period: string): number {
  const start = periodStart(period);
  let range = 0;
  for (const month of scorecard.datedMonths) if (month <= start) range++;
  return range;
}

/**
 * The method that held for `period`: every dated version of the file that holds for it applied (the latest of
 * each thing, by its effective-from period's first month against the period's first month).
 *
 * @example methodForPeriod(compileScorecard(file), '2026').scorecard.perspectives[0].indicators[0].formula
 *   // the formula of the indicator's version effective from 2026, when it has one
 */
export function methodForPeriod(scorecard: CompiledScorecard, period: string): PeriodMethod {
  const [scoringIndex, scoringVersion] = latestHolding(scorecard.scoringVersions, period);
  const base = scorecard.definition.scoring;
  const scheme: SchemeScoring = {
    method: scoringVersion?.method ?? base.method,
    missingData: scoringVersion?.missingData ?? scorecard.missingData,
    ratingBands: scoringVersion?.ratingBands ?? scorecard.ratingBands,
    statusThresholds: scoringVersion?.statusThresholds ?? scorecard.statusThresholds,
    minimumCoverage: scoringVersion?.minimumCoverage ?? scorecard.minimumCoverage,
  };
  const choices: IndicatorMethodChoice[] = [];
  const perspectives = scorecard.perspectives.map((perspective) => ({
    ...perspective,
    indicators: perspective.indicators.map((indicator) => {
      const { applied, choice } = applyIndicatorVersion(indicator, scheme, period);
      choices.push(choice);
      return applied;
    }),
  }));
  return {
    scorecard: {
      ...scorecard,
      perspectives,
      missingData: scheme.missingData,
      ratingBands: scheme.ratingBands,
      statusThresholds: scheme.statusThresholds,
      minimumCoverage: scheme.minimumCoverage,
    },
    scoring: {
      version: scoringIndex + 1,
      effectiveFrom: scoringVersion?.effectiveFrom ?? null,
    },
    indicators: choices,
  };
}

interface SchemeScoring {
  readonly method: ScoringMethod;
  readonly missingData: CompiledScorecard['missingData'];
  readonly ratingBands: readonly RatingBand[];
  readonly statusThresholds: StatusThresholds;
  readonly minimumCoverage: number;
}

function applyIndicatorVersion(
  indicator: CompiledIndicator,
  scheme: SchemeScoring,
  period: string,
): { applied: CompiledIndicator; choice: IndicatorMethodChoice } {
  const inEffect = holdsFor(indicator.effectiveFrom, period);
  const [index, version] = latestHolding(indicator.versions, period);
  const scoring =
    version?.scoring ?? (indicator.scoringFrom === 'scheme' ? scheme.method : indicator.scoring);
  const statusThresholds =
    version?.statusThresholds ??
    (indicator.statusFrom === 'scheme' ? scheme.statusThresholds : indicator.statusThresholds);
  return {
    applied: {
      ...indicator,
      formula: version?.formula === undefined ? indicator.formula : version.formula,
      direction: version?.direction ?? indicator.direction,
      scoring,
      statusThresholds,
      inEffect,
    },
    choice: {
      id: indicator.id,
      version: index + 1,
      effectiveFrom: version?.effectiveFrom ?? indicator.effectiveFrom,
      inEffect,
    },
  };
}

/** The index and value of the last version (versions are oldest first) that holds for `period`; -1 for none. */
function latestHolding<T extends { readonly effectiveFrom: string }>(
  versions: readonly T[],
  period: string,
): [number, T | undefined] {
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    if (version !== undefined && holdsFor(version.effectiveFrom, period)) return [i, version];
  }
  return [-1, undefined];
}
