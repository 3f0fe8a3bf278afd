/**
 * Gathers one scorecard's alert input (core/alerts AlertInput) from the database and the evaluation engine.
 *
 * Which periods: the rules look at the `RECENT_PERIODS` periods of the scorecard's period type that end at the
 * one containing `now`. Off target judges, per indicator and unit, the latest of them with data: so an
 * off-target month's alert stays open until a later month has data, and closes when that month is on target.
 * Data late judges each recent period whose deadline has passed; data quality each recent period.
 * Adverse trend and forecast miss read control charts and year-end forecasts (monitoring-inputs.ts), gathered
 * only for the units and indicators in scope of such a rule.
 */
import type {
  AlertCell,
  AlertInput,
  AlertRuleInput,
  AlertUnit,
  EntryState,
} from '../../core/alerts/alert-input.ts';
import { dueAtOf } from '../../core/alerts/deadlines.ts';
import { parsePeriod } from '../../core/periods/period.ts';
import { periodContaining, previousPeriod } from '../../core/periods/period-arithmetic.ts';
import { listDeadlines } from '../../db/repositories/alert-config.repository.ts';
import { loadApprovalsOfScorecard } from '../../db/repositories/approval.repository.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { listFailedPulls } from '../../db/repositories/pull.repository.ts';
import type { Executor } from '../../db/repositories/query-helpers.ts';
import { violationsOfUnit } from '../data-quality/data-quality.service.ts';
import { loadQualityRules } from '../data-quality/quality-rules.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { gatherMonitoring } from './monitoring-inputs.ts';
import type { ScorecardFacts } from './scorecard-facts.ts';

export const RECENT_PERIODS = 3;

/** The recent periods of a type, oldest first, ending at the one that contains `now`. */
export function recentPeriods(type: ScorecardFacts['periodType'], now: Date): string[] {
  const month = now.toISOString().slice(0, 7);
  const periods = [periodContaining(month, type)];
  while (periods.length < RECENT_PERIODS) periods.unshift(previousPeriod(periods[0] ?? month));
  return periods;
}

function unitPath(path: string): number[] {
  return path
    .split('/')
    .filter((p) => p !== '')
    .map(Number);
}

export interface GatherNeeds {
  readonly cells: boolean;
  readonly entries: boolean;
  readonly violations: boolean;
  readonly approvals: boolean;
  readonly actions: boolean;
  /** The enabled adverse-trend and forecast-miss rules: their scopes say which charts and forecasts to make. */
  readonly monitoring: readonly AlertRuleInput[];
  /** Pulls of the units whose latest run failed (the `pull-failed` rule). */
  readonly pullFailures?: boolean;
}

/** Per indicator and unit, the latest of `periods` with data (its status, value and target). */
export async function latestCells(
  engine: EvaluationEngine,
  scorecard: string,
  units: readonly { readonly id: number; readonly code: string }[],
  periods: readonly string[],
): Promise<AlertCell[]> {
  const cells: AlertCell[] = [];
  for (const unit of units) {
    const latest = new Map<string, AlertCell>();
    for (const period of periods) {
      let json: Awaited<ReturnType<EvaluationEngine['evaluate']>>;
      try {
        json = await engine.evaluate({ scorecard, orgUnit: unit.code, period });
      } catch {
        // A unit the scorecard cannot evaluate for this period (no data element of its type): nothing to judge.
        continue;
      }
      for (const perspective of json.perspectives) {
        for (const i of perspective.indicators) {
          if (i.status === 'no-data') continue;
          latest.set(i.id, {
            indicator: i.id,
            orgUnitId: unit.id,
            period,
            status: i.status,
            actual: i.actual,
            target: i.target,
          });
        }
      }
    }
    cells.push(...latest.values());
  }
  return cells;
}

export async function gatherAlertInput(
  db: Executor,
  engine: EvaluationEngine,
  facts: ScorecardFacts,
  units: readonly OrgUnitRecord[],
  now: Date,
  needs: GatherNeeds,
): Promise<AlertInput> {
  const scorecardId = facts.record.id;
  const periods = recentPeriods(facts.periodType, now);
  const alertUnits: AlertUnit[] = units.map((u) => ({ id: u.id, code: u.code, path: unitPath(u.path) }));
  const roots = [...new Set(units.map((u) => u.rootId))];
  const approvals = [];
  for (const rootId of roots) approvals.push(...(await loadApprovalsOfScorecard(db, scorecardId, rootId)));

  const entries: EntryState[] = [];
  if (needs.entries) {
    const deadlines = await listDeadlines(db, scorecardId);
    const submitted = new Set(
      approvals
        .filter((a) => a.status === 'submitted' || a.status === 'approved')
        .map((a) => `${a.orgUnitId}\u0000${a.periodId}`),
    );
    for (const deadline of deadlines) {
      for (const period of recentPeriods(deadline.periodType, now)) {
        const dueAt = dueAtOf(period, deadline.dueDay);
        if (dueAt.getTime() >= now.getTime()) continue;
        for (const unit of units) {
          entries.push({
            orgUnitId: unit.id,
            period,
            dueAt,
            submitted: submitted.has(`${unit.id}\u0000${period}`),
          });
        }
      }
    }
  }

  const violations = [];
  if (needs.violations) {
    const rules = await loadQualityRules(db, [facts.record.code]);
    if (rules.length > 0) {
      for (const unit of units) {
        for (const period of periods) {
          const found = await violationsOfUnit(db, unit, parsePeriod(period), rules);
          if (found.violations.length > 0) {
            violations.push({ orgUnitId: unit.id, period, count: found.violations.length });
          }
        }
      }
    }
  }

  const actions = needs.actions
    ? (
        await db
          .selectFrom('action_plan')
          .select(['id', 'indicator', 'org_unit_id', 'period_id', 'due_date', 'status'])
          .where('scorecard_id', '=', scorecardId)
          .where('status', 'in', ['planned', 'in-progress'])
          .execute()
      ).map((a) => ({
        id: a.id,
        indicator: a.indicator,
        orgUnitId: a.org_unit_id,
        period: a.period_id,
        dueDate: a.due_date,
        status: a.status,
      }))
    : [];

  const monitoring =
    needs.monitoring.length === 0
      ? { signals: [], forecasts: [] }
      : await gatherMonitoring(
          engine,
          { code: facts.record.code, periodType: facts.periodType },
          alertUnits,
          needs.monitoring,
          periods,
          now,
        );

  return {
    now,
    units: alertUnits,
    cells: needs.cells ? await latestCells(engine, facts.record.code, units, periods) : [],
    signals: monitoring.signals,
    forecasts: monitoring.forecasts,
    entries,
    violations,
    approvals: needs.approvals
      ? approvals
          .filter((a) => a.status === 'submitted')
          .map((a) => ({
            orgUnitId: a.orgUnitId,
            period: a.periodId,
            submittedAt: a.submittedAt ?? a.updatedAt,
          }))
      : [],
    actions,
    pullFailures:
      needs.pullFailures === true
        ? await listFailedPulls(
            db,
            units.map((u) => u.id),
          )
        : [],
  };
}
