/**
 * The checks reported values and assessments share: the scorecard exists, the indicator is one of its current
 * version (of the right kind), the org unit exists and the period is a period. Each problem is reported with
 * its path inside the batch, so a whole batch is checked in one pass; `checkIndicatorValueBatch` then collects
 * the good items into a value batch (./value-batch.ts).
 */
import { DATA_ENTRY_ROLES } from '../../core/access/policy.ts';
import { issue, type ProblemIssue } from '../../core/errors/problem.ts';
import { type Period, tryParsePeriod } from '../../core/periods/index.ts';
import { findOrgUnitsByCodes, type OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor } from '../context.ts';
import { requireRoleOverAll, requireSomeRole } from './access.ts';
import { loadIndicatorIndex, type ScorecardIndicators } from './indicator-index.ts';
import { createValueBatch, type ValueBatchKind } from './value-batch.ts';

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

/** How a reported value or an assessment is named in a write's answer (a record of codes). */
export type IndicatorValueCodes = {
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
};

/** What an item writes once its references hold: key columns beyond the shared ones (`rater`) and its figures. */
export interface IndicatorValueFigures<E> {
  /** Key columns after the period, named as both column and code (an assessment's `rater`). */
  readonly extraKey: E;
  readonly value: number | null;
  readonly note: string | null | undefined;
  readonly expectedVersion: number | undefined;
}

/**
 * Checks a batch of reported values or assessments whole (data entry roles over every unit named; each item's
 * scorecard, indicator of `kind`, unit and period) and collects the good items, keyed by organisation,
 * scorecard, indicator, unit, period and `extraKey`, into a batch for `writeValueBatch`.
 */
export async function checkIndicatorValueBatch<
  I extends IndicatorValueRef,
  E extends Readonly<Record<string, string>>,
>(
  db: Executor,
  actor: Actor,
  batchKind: ValueBatchKind,
  items: readonly I[],
  kind: 'quantitative' | 'qualitative',
  figures: (item: I) => IndicatorValueFigures<E>,
) {
  requireSomeRole(actor, DATA_ENTRY_ROLES);
  const checker = await createIndicatorRefChecker(db, items, kind);
  requireRoleOverAll(actor, DATA_ENTRY_ROLES, checker.units.values());
  const batch = createValueBatch<IndicatorValueCodes & E>(batchKind);
  items.forEach((item, index) => {
    const ref = checker.check(item, batch.at(index), batch.issues);
    if (ref === null) return;
    const { scorecard, unit, period } = ref;
    const { extraKey, ...figure } = figures(item);
    batch.add({
      index,
      key: {
        root_id: unit.rootId,
        scorecard_id: scorecard.id,
        indicator_code: item.indicator,
        org_unit_id: unit.id,
        period_id: period.id,
        ...extraKey,
      },
      codes: {
        scorecard: scorecard.code,
        indicator: item.indicator,
        orgUnit: unit.code,
        period: period.id,
        ...extraKey,
      },
      rootId: unit.rootId,
      orgUnitId: unit.id,
      period,
      ...figure,
    });
  });
  return batch;
}
