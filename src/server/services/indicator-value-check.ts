/**
 * The checks reported values and assessments share: the scorecard exists, the indicator is one of its current
 * version (of the right kind), the org unit exists and the period is a period. Each problem is reported with
 * its path inside the batch, so a whole batch is checked in one pass.
 */
import { issue, type ProblemIssue } from '../../core/errors/problem.ts';
import { type Period, tryParsePeriod } from '../../core/periods/index.ts';
import { findOrgUnitsByCodes, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import { loadIndicatorIndex, type ScorecardIndicators } from './indicator-index.ts';

export interface IndicatorValueRef {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
}

export interface ResolvedIndicatorRef {
  readonly scorecard: ScorecardIndicators;
  readonly unit: OrgUnitRecord;
  readonly period: Period;
}

export interface IndicatorRefChecker {
  /** The org units the items name that exist, by code. */
  readonly units: ReadonlyMap<string, OrgUnitRecord>;
  /** The resolved references of one item, or null after adding its problems to `issues`. */
  check(
    item: IndicatorValueRef,
    path: readonly (string | number)[],
    issues: ProblemIssue[],
  ): ResolvedIndicatorRef | null;
}

/** Loads what the items name (scorecards, org units) once, and checks items against it. */
export async function createIndicatorRefChecker(
  db: Executor,
  items: readonly IndicatorValueRef[],
  kind: 'quantitative' | 'qualitative',
): Promise<IndicatorRefChecker> {
  const [scorecards, units] = await Promise.all([
    loadIndicatorIndex(db, distinct(items.map((item) => item.scorecard))),
    findOrgUnitsByCodes(db, distinct(items.map((item) => item.orgUnit))),
  ]);
  return {
    units,
    check(item, path, issues) {
      const before = issues.length;
      const at = (field: string) => [...path, field];
      const scorecard = scorecards.get(item.scorecard);
      const indicator = scorecard?.indicators.get(item.indicator);
      if (scorecard === undefined)
        issues.push(issue('reference.unknown-scorecard', { code: item.scorecard }, at('scorecard')));
      else if (indicator === undefined) {
        const params = { indicator: item.indicator, scorecard: item.scorecard };
        issues.push(issue('reference.not-an-indicator', params, at('indicator')));
      } else if (indicator.kind !== kind) {
        const code = kind === 'qualitative' ? 'assessment.quantitative' : 'reported-value.qualitative';
        issues.push(issue(code, { indicator: item.indicator }, at('indicator')));
      }
      const unit = units.get(item.orgUnit);
      if (unit === undefined) issues.push(issue('org-unit.unknown', { code: item.orgUnit }, at('orgUnit')));
      const period = tryParsePeriod(item.period);
      if (period === null) issues.push(issue('period.not-a-period', { value: item.period }, at('period')));
      if (issues.length > before || scorecard === undefined || unit === undefined || period === null)
        return null;
      return { scorecard, unit, period };
    },
  };
}
