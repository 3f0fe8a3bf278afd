/**
 * The dated parts of a scorecard file: the period from which the weights hold, an indicator's dated method
 * versions, the scheme's dated scoring versions. Their periods must be of the scorecard's period type or a
 * longer one (a yearly scheme cannot change its method in March) and a version must come after what it
 * replaces. Evaluating period P then uses what held for P (method-for-period.ts).
 */
import { issue, type ProblemIssue } from '../errors/problem.ts';
import type { PeriodType } from '../periods/period.ts';
import { validateRatingBands, validateScoringMethod } from '../scoring/index.ts';
import { checkStatusThresholds } from './compile-indicator.ts';
import { isAligned, periodStart } from './effective-periods.ts';
import type { ScorecardFile } from './scorecard-schema.ts';

type Path = readonly (string | number)[];

/** A dated thing: its period and where it is. */
interface Dated {
  readonly period: string;
  readonly path: Path;
}

/**
 * Checks every effective-from period of `file` into `issues`: aligned to the scorecard's period type, each
 * version after the one before.
 *
 * @example checkEffectiveDates(file, issues) // an issue at ['weights', 'effectiveFrom'] for '2024-03' on a yearly scheme
 */
export function checkEffectiveDates(file: ScorecardFile, issues: ProblemIssue[]): void {
  const aligned = (dated: Dated) => checkAligned(dated, file.periodType, issues);

  if (file.weights.effectiveFrom !== undefined) {
    aligned({ period: file.weights.effectiveFrom, path: ['weights', 'effectiveFrom'] });
  }

  const scoringVersions = file.scoring.versions ?? [];
  scoringVersions.forEach((version, vi) => {
    const at = ['scoring', 'versions', vi];
    if (version.ratingBands) issues.push(...validateRatingBands(version.ratingBands, [...at, 'ratingBands']));
    if (version.status) checkStatusThresholds(version.status, [...at, 'status'], issues);
    if (version.method) checkSchemeMethod(file, version.method, [...at, 'method'], issues);
  });
  checkOrder(
    scoringVersions.map((v, vi) => ({
      period: v.effectiveFrom,
      path: ['scoring', 'versions', vi, 'effectiveFrom'],
    })),
    null,
    aligned,
    issues,
  );

  file.perspectives.forEach((perspective, pi) => {
    perspective.indicators.forEach((indicator, ii) => {
      const path = ['perspectives', pi, 'indicators', ii];
      const base =
        indicator.effectiveFrom === undefined
          ? null
          : { period: indicator.effectiveFrom, path: [...path, 'effectiveFrom'] };
      if (base) aligned(base);
      checkOrder(
        (indicator.versions ?? []).map((v, vi) => ({
          period: v.effectiveFrom,
          path: [...path, 'versions', vi, 'effectiveFrom'],
        })),
        base,
        aligned,
        issues,
      );
    });
  });
}

function checkAligned(dated: Dated, periodType: PeriodType | undefined, issues: ProblemIssue[]): void {
  if (periodType !== undefined && !isAligned(dated.period, periodType)) {
    issues.push(issue('scorecard.period-too-short', { period: dated.period, periodType }, dated.path));
  }
}

/** Versions must follow each other (and the definition they change) in time, none starting with another. */
function checkOrder(
  versions: readonly Dated[],
  base: Dated | null,
  aligned: (dated: Dated) => void,
  issues: ProblemIssue[],
): void {
  let previous = base;
  for (const version of versions) {
    aligned(version);
    if (previous !== null && periodStart(version.period) <= periodStart(previous.period)) {
      issues.push(
        issue(
          'scorecard.version-out-of-order',
          { period: version.period, previous: previous.period },
          version.path,
        ),
      );
    }
    previous = version;
  }
}

/** A dated scheme method, checked for each quantitative indicator that would use it (one issue per kind). */
function checkSchemeMethod(
  file: ScorecardFile,
  method: ScorecardFile['scoring']['method'],
  path: Path,
  issues: ProblemIssue[],
): void {
  if (method.method === 'rubric') {
    issues.push(issue('scorecard.rubric-quantitative', {}, path));
    return;
  }
  const seen = new Set<string>();
  for (const indicator of file.perspectives.flatMap((p) => p.indicators)) {
    if (indicator.kind !== 'quantitative' || indicator.scoring !== undefined) continue;
    const direction =
      indicator.direction === 'higher' || indicator.direction === 'lower'
        ? { kind: indicator.direction }
        : { kind: 'band' as const, lower: indicator.direction.band[0], upper: indicator.direction.band[1] };
    for (const found of validateScoringMethod(method, direction, path)) {
      const key = `${found.code}:${JSON.stringify(found.path)}:${found.message}`;
      if (!seen.has(key)) issues.push(found);
      seen.add(key);
    }
  }
}
