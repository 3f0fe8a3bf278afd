/**
 * The period × unit table of one indicator (`GET /api/pivot`, core/contracts/pivot.ts). Nothing is recomputed
 * here: each cell is the indicator as the engine's evaluation of that unit and period gives it (the rankings the
 * comparison page reads, cached per revision), and the total row is the parent's own evaluation, whose value for
 * a rate is the roll-up over the units reporting both parts (never a mean of the rows' rates).
 */
import { READ_ROLES } from '../../core/access/policy.ts';
import { inScope } from '../../core/access/scope.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import {
  MAX_PIVOT_PERIODS,
  type PivotCell,
  type PivotJson,
  type PivotQuery,
  type PivotTotalCell,
} from '../../core/contracts/pivot.ts';
import { badRequest, notFound } from '../../core/errors/problem.ts';
import { periodRange } from '../../core/periods/index.ts';
import {
  findOrgUnitsByCodes,
  listOrgUnits,
  type OrgUnitRecord,
} from '../../db/repositories/org-unit.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { rankedVisible } from '../evaluation/evaluation.service.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { denied, readScope } from '../services/access.ts';
import { requireOrgUnit } from '../services/lookups.ts';

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

function findIndicator(evaluation: EvaluationJson, id: string): IndicatorJson | undefined {
  for (const perspective of evaluation.perspectives) {
    const found = perspective.indicators.find((indicator) => indicator.id === id);
    if (found) return found;
  }
  return undefined;
}

const EMPTY_CELL: PivotCell = { actual: null, score: null, status: 'no-data' };

function cellOf(indicator: IndicatorJson | undefined): PivotCell {
  if (indicator === undefined) return EMPTY_CELL;
  return {
    actual: indicator.actual,
    score: indicator.score,
    status: indicator.status,
    ...(indicator.reason ? { reason: indicator.reason } : {}),
  };
}

function totalCellOf(indicator: IndicatorJson | undefined): PivotTotalCell {
  const coverage = indicator?.unitCoverage;
  return {
    ...cellOf(indicator),
    source: coverage?.source ?? null,
    included: coverage?.included.length ?? 0,
    leftOut: coverage?.leftOut.length ?? 0,
    denominatorShare: coverage?.denominatorShare ?? null,
  };
}

function nameOf(unit: Pick<OrgUnitRecord, 'nameEn' | 'nameZh'>) {
  return unit.nameZh ? { en: unit.nameEn, zh: unit.nameZh } : { en: unit.nameEn };
}

/**
 * One page of the table. 404 for an unknown unit, scorecard or indicator; 403 when the actor reads neither the
 * parent nor any unit under it; 400 for more than 36 periods or periods of two types.
 */
export async function pivotAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: PivotQuery,
): Promise<PivotJson> {
  const db = ctx.db.kysely;
  const parent = await requireOrgUnit(db, query.parent);
  const periods = periodRange(query.from, query.to);
  if (periods.length > MAX_PIVOT_PERIODS) {
    throw badRequest('evaluation.series-too-long', { max: MAX_PIVOT_PERIODS }, ['to']);
  }
  const scope = readScope(actor);
  const readsParent = inScope(scope, parent.path);
  // The rows: the units under the parent the actor reads, in tree order (level, then siblings together).
  const page = await listOrgUnits(
    db,
    query.rows === 'children' ? { parentId: parent.id, scope } : { below: parent.path, scope },
    { limit: query.limit, offset: query.offset },
  );
  if (!readsParent && page.total === 0) throw denied(actor, READ_ROLES, parent.code);
  const parentCodes = [...new Set(page.rows.map((row) => row.parentCode).filter((c) => c !== null))];
  const parents = await findOrgUnitsByCodes(db, parentCodes);

  const depth = query.rows === 'children' ? 'children' : 'descendants';
  const cells = new Map<string, PivotCell[]>(page.rows.map((row) => [row.code, []]));
  const total: PivotTotalCell[] = [];
  let meta: IndicatorJson | undefined;
  for (const period of periods) {
    const ranked =
      page.total === 0
        ? []
        : await rankedVisible(engine, actor, {
            scorecard: query.scorecard,
            period,
            parent: parent.code,
            depth,
          });
    const byCode = new Map(ranked.map((item) => [item.orgUnit, item.evaluation]));
    for (const row of page.rows) {
      const evaluation = byCode.get(row.code);
      const indicator = evaluation === undefined ? undefined : findIndicator(evaluation, query.indicator);
      meta ??= indicator;
      cells.get(row.code)?.push(cellOf(indicator));
    }
    if (readsParent) {
      const evaluation = await engine.evaluate({ scorecard: query.scorecard, orgUnit: parent.code, period });
      const indicator = findIndicator(evaluation, query.indicator);
      meta ??= indicator;
      total.push(totalCellOf(indicator));
    }
  }
  if (meta === undefined) {
    // Every evaluation holds every indicator of its method: none found means the scorecard has no such one.
    const probe = await engine.evaluate({
      scorecard: query.scorecard,
      orgUnit: page.rows[0]?.code ?? parent.code,
      period: periods[periods.length - 1] ?? query.to,
    });
    meta = findIndicator(probe, query.indicator);
    if (meta === undefined) {
      throw notFound('evaluation.no-indicator', { scorecard: query.scorecard, indicator: query.indicator });
    }
  }
  return {
    scorecard: query.scorecard,
    indicator: { id: meta.id, name: meta.name, unit: meta.unit, decimals: meta.decimals },
    parent: { code: parent.code, name: nameOf(parent) },
    rows: query.rows,
    periods,
    units: page.rows.map((row) => {
      const up = row.parentCode === null ? undefined : parents.get(row.parentCode);
      return {
        code: row.code,
        name: nameOf(row),
        type: row.type,
        level: row.level,
        parentUnit: up === undefined ? null : { code: up.code, name: nameOf(up) },
        cells: cells.get(row.code) ?? [],
      };
    }),
    total: readsParent ? total : null,
    totalUnits: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}
