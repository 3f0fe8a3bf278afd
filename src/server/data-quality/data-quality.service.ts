/**
 * The data-quality report of one org unit × period (`GET /api/data-quality`): the validation rules its values
 * break and the values far from the unit's own history or from its peers (core/quality). A quarter or a year
 * also covers the periods inside it, so the data-entry grid of a year gets its cells' warnings in one call.
 */
import type {
  DataQualityQuery,
  DataQualityReport,
  OutlierResource,
  RuleViolationResource,
} from '../../core/contracts/data-quality.ts';
import { monthsOf, type Period, parsePeriod, tryParsePeriod } from '../../core/periods/index.ts';
import { checkHistory, checkPeers, type OutlierCheck } from '../../core/quality/index.ts';
import {
  type DataElementRecord,
  findDataElementsByCodes,
} from '../../db/repositories/data-element.repository.ts';
import {
  listSiblingsOf,
  loadHistoryOf,
  loadValuesOf,
  type QualityValueRecord,
} from '../../db/repositories/data-quality.repository.ts';
import type { OrgUnitRecord } from '../../db/repositories/org-unit.repository.ts';
import { distinct, type Executor } from '../../db/repositories/query-helpers.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireReadableUnit } from '../services/access.ts';
import { requireScorecard } from '../services/lookups.ts';
import { groupByUnitPeriod, violationsOf } from './check-values.ts';
import { loadQualityRules, type ScorecardRule } from './quality-rules.ts';

/** The period and the periods inside it: a year's quarters and months, a quarter's months. */
export function periodsWithin(period: Period): string[] {
  if (period.type === 'month') return [period.id];
  const months = monthsOf(period.id);
  const quarters = period.type === 'year' ? [1, 2, 3, 4].map((q) => `${period.year}Q${q}`) : [];
  return [period.id, ...quarters, ...months];
}

/** The rule violations of a unit's values in a period and the periods inside it. */
export async function violationsOfUnit(
  db: Executor,
  unit: OrgUnitRecord,
  period: Period,
  rules: readonly ScorecardRule[],
): Promise<{ violations: RuleViolationResource[]; values: QualityValueRecord[] }> {
  const values = await loadValuesOf(db, unit.rootId, [unit.id], periodsWithin(period));
  return { violations: violationsOf(rules, groupByUnitPeriod(values).values()), values };
}

function toOutlier(
  row: QualityValueRecord,
  against: OutlierResource['against'],
  check: OutlierCheck,
  per: string | null,
): OutlierResource {
  return {
    dataElement: row.dataElement,
    orgUnit: row.orgUnitCode,
    period: row.periodId,
    against,
    method: check.method,
    value: check.value,
    median: check.median,
    mad: check.mad,
    score: check.score,
    limit: check.limit,
    count: check.count,
    per,
  };
}

/** Each value against the unit's earlier values of the same element and period type (latest 36). */
async function historyOutliers(
  db: Executor,
  unit: OrgUnitRecord,
  period: Period,
  values: readonly QualityValueRecord[],
  elements: ReadonlyMap<string, DataElementRecord>,
): Promise<OutlierResource[]> {
  const history = await loadHistoryOf(db, unit, distinct(values.map((v) => v.dataElement)), period.endDate);
  const result: OutlierResource[] = [];
  for (const row of values) {
    const type = tryParsePeriod(row.periodId)?.type;
    const earlier = history
      .filter((h) => h.dataElement === row.dataElement && h.periodId < row.periodId)
      .filter((h) => tryParsePeriod(h.periodId)?.type === type)
      .map((h) => h.value);
    const outliers = elements.get(row.dataElement)?.outliers ?? null;
    const check = checkHistory(row.value, earlier, {
      threshold: outliers?.threshold,
      absoluteBound: outliers?.absoluteBound,
    });
    if (check?.outlier) result.push(toOutlier(row, 'history', check, null));
  }
  return result;
}

/**
 * Each rate (a percentage) or per-capita value (divided by the element's `outliers.per`) against the same at
 * the unit's siblings. Raw counts are not compared: a large hospital is not an outlier for having more visits.
 */
async function peerOutliers(
  db: Executor,
  unit: OrgUnitRecord,
  period: Period,
  values: readonly QualityValueRecord[],
  elements: ReadonlyMap<string, DataElementRecord>,
): Promise<OutlierResource[]> {
  const comparable = values.filter((v) => {
    const element = elements.get(v.dataElement);
    return (
      element !== undefined && (element.valueType === 'percentage' || element.outliers?.per !== undefined)
    );
  });
  if (comparable.length === 0) return [];
  const siblings = await listSiblingsOf(db, unit);
  const peerRows = await loadValuesOf(
    db,
    unit.rootId,
    siblings.map((s) => s.id),
    periodsWithin(period),
  );
  const cells = groupByUnitPeriod([...values, ...peerRows]);
  const rate = (
    orgUnit: string,
    periodId: string,
    code: string,
    per: string | undefined,
  ): number | undefined => {
    const cell = cells.get(`${orgUnit}\u0000${periodId}`)?.values;
    const value = cell?.get(code);
    if (value === undefined || per === undefined) return value;
    const base = cell?.get(per);
    return base === undefined || base === 0 ? undefined : value / base;
  };
  const result: OutlierResource[] = [];
  for (const row of comparable) {
    const outliers = elements.get(row.dataElement)?.outliers ?? null;
    const per = outliers?.per;
    const own = rate(unit.code, row.periodId, row.dataElement, per);
    if (own === undefined) continue;
    const peers = siblings
      .map((s) => rate(s.code, row.periodId, row.dataElement, per))
      .filter((v): v is number => v !== undefined);
    const check = checkPeers(own, peers, {
      threshold: outliers?.threshold,
      absoluteBound: outliers?.absoluteBound,
    });
    if (check?.outlier) result.push(toOutlier(row, 'peers', check, per ?? null));
  }
  return result;
}

/** The data-quality report of a unit × period (read roles over the unit; 404 for an unknown unit or scorecard). */
export async function dataQualityReport(
  ctx: ServerContext,
  actor: Actor,
  query: DataQualityQuery,
): Promise<DataQualityReport> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, query.orgUnit);
  const period = parsePeriod(query.period, ['period']);
  if (query.scorecard !== undefined) await requireScorecard(db, query.scorecard);
  const rules = await loadQualityRules(db, query.scorecard === undefined ? undefined : [query.scorecard]);
  const { violations, values } = await violationsOfUnit(db, unit, period, rules);
  const elements = await findDataElementsByCodes(db, distinct(values.map((v) => v.dataElement)));
  const outliers = [
    ...(await historyOutliers(db, unit, period, values, elements)),
    ...(await peerOutliers(db, unit, period, values, elements)),
  ];
  return {
    orgUnit: unit.code,
    period: period.id,
    periods: distinct(values.map((v) => v.periodId)).sort(),
    rulesChecked: rules.length,
    valuesChecked: values.length,
    violations,
    outliers,
  };
}
