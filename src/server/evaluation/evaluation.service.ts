/**
 * Evaluations as a signed-in actor sees them (issue 4): a unit outside the actor's scope is refused (403); a
 * ranking shows, and ranks among, only the units of the actor's scope; every evaluation says whether it rests
 * on approved data (`approval`, core/contracts/evaluation.ts).
 */
import { READ_ROLES } from '../../core/access/policy.ts';
import { inScope } from '../../core/access/scope.ts';
import type { EvaluationJson } from '../../core/contracts/evaluation.ts';
import { findOrgUnitsByCodes, listOrgUnits } from '../../db/repositories/org-unit.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { denied, readScope, requireReadableUnit } from '../services/access.ts';
import { approvalsOfEvaluations } from '../services/approvals.service.ts';
import { requireOrgUnit } from '../services/lookups.ts';
import type { EvaluateQuery, EvaluationEngine, RankedUnit, RankingQuery } from './evaluation-engine.ts';

/** The most units a ranking may hold. */
const MAX_RANKED = 100_000;

/** One unit's evaluation (403 outside the actor's scope), with its approval status. */
export async function evaluateAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: EvaluateQuery,
): Promise<EvaluationJson> {
  const unit = await requireReadableUnit(ctx.db.kysely, actor, query.orgUnit);
  const json = await engine.evaluate(query);
  const approvals = await approvalsOfEvaluations(
    ctx.db.kysely,
    query.scorecard,
    [unit],
    json.period ?? query.period,
  );
  return { ...json, approval: approvals.get(unit.code) };
}

/**
 * A ranking of the units under `parent` that the actor reads, ranked among themselves. 403 when the actor reads
 * none of them.
 */
export async function rankAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: RankingQuery,
): Promise<RankedUnit[]> {
  const db = ctx.db.kysely;
  const parent = await requireOrgUnit(db, query.parent);
  const scope = readScope(actor);
  let visible: ((code: string) => boolean) | undefined;
  if (!inScope(scope, parent.path)) {
    const { rows } = await listOrgUnits(
      db,
      { subtreeOf: parent.path, scope },
      { limit: MAX_RANKED, offset: 0 },
    );
    if (rows.length === 0) throw denied(actor, READ_ROLES, parent.code);
    const codes = new Set(rows.map((row) => row.code));
    visible = (code) => codes.has(code);
  }
  const items = await engine.rank(query, visible === undefined ? {} : { visible });
  const units = await findOrgUnitsByCodes(
    db,
    items.map((item) => item.orgUnit),
  );
  const period = items[0]?.evaluation.period ?? query.period;
  const approvals = await approvalsOfEvaluations(db, query.scorecard, [...units.values()], period);
  return items.map((item) => ({
    ...item,
    evaluation: { ...item.evaluation, approval: approvals.get(item.orgUnit) },
  }));
}

/** A unit's evaluations over periods (403 outside the actor's scope), each with its approval status. */
export async function seriesAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: { readonly scorecard: string; readonly orgUnit: string; readonly periods: readonly string[] },
): Promise<EvaluationJson[]> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, query.orgUnit);
  const evaluations = await engine.series(query);
  const result: EvaluationJson[] = [];
  for (const [i, json] of evaluations.entries()) {
    const period = json.period ?? query.periods[i] ?? '';
    const approvals = await approvalsOfEvaluations(db, query.scorecard, [unit], period);
    result.push({ ...json, approval: approvals.get(unit.code) });
  }
  return result;
}
