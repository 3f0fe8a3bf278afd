/**
 * Evaluations as a signed-in actor sees them (issue 4): a unit outside the actor's scope is refused (403); a
 * ranking shows, and ranks among, only the units of the actor's scope; every evaluation says whether it rests
 * on approved data (`approval`, core/contracts/evaluation.ts), which versions of its methods it used
 * (`versions`), and whether a publication froze it (`publication`, and whether today's computation differs).
 */
import { READ_ROLES } from '../../core/access/policy.ts';
import { inScope } from '../../core/access/scope.ts';
import type { EvaluationJson, EvaluationQuery } from '../../core/contracts/evaluation.ts';
import type { ExplainQuery, ExplanationJson } from '../../core/contracts/explain.ts';
import type {
  RankingJson,
  RankingMatrixJson,
  RankingQuery as RankingPageQuery,
  RankingSummaryJson,
} from '../../core/contracts/rankings.ts';
import { notFound } from '../../core/errors/problem.ts';
import { differsFromPublished } from '../../core/publications/restatement.ts';
import { rankingMatrixOf, sortRanking, summaryRowOf } from '../../core/scoring/ranking-views.ts';
import { findGroupCode, type OrgUnitRow } from '../../db/repositories/evaluation.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { denied, readScope, requireRoleOver } from '../services/access.ts';
import { approvalsOfEvaluations } from '../services/approvals.service.ts';
import { isoTime } from '../services/format.ts';
import type { EvaluationEngine } from './evaluation-engine.ts';
import type { RankedUnit, RankingQuery } from './evaluation-engine-types.ts';
import { readPublishedResult } from './heard-publications.ts';

/** The engine's approvals, kept in memory while it hears every write. */
function heardBy(engine: EvaluationEngine) {
  return (scorecardId: number, rootId: number) => engine.approvalsOf(scorecardId, rootId);
}

/**
 * The unit named by `code` (404), which the actor may read (403): the same answers as
 * ../services/access.ts `requireReadableUnit`, looked up in the engine's metadata rather than the database, so
 * that a cached evaluation reads no org unit.
 */
async function readableUnit(engine: EvaluationEngine, actor: Actor, code: string): Promise<OrgUnitRow> {
  const unit = (await engine.metadata()).unit(code);
  requireRoleOver(actor, READ_ROLES, unit);
  return unit;
}

/** The scorecard named by `code` (404), from the engine's metadata. */
async function scorecardOf(engine: EvaluationEngine, code: string): Promise<{ readonly id: number }> {
  return (await engine.metadata()).scorecard(code);
}

/**
 * One unit's evaluation (403 outside the actor's scope): computed now with the methods and targets as recorded
 * at `asOf` (default: now), with its approval status and its publication as recorded by then; or, with
 * `view: 'published'`, the frozen evaluation of that publication (404 when there is none).
 */
export async function evaluateAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: EvaluationQuery,
): Promise<EvaluationJson> {
  const unit = await readableUnit(engine, actor, query.orgUnit);
  const asOf = query.asOf === undefined ? null : new Date(query.asOf);
  const json = await engine.evaluate({ ...query, asOf });
  const period = json.period ?? query.period;
  const scorecard = await scorecardOf(engine, query.scorecard);
  const key = { scorecardId: scorecard.id, periodId: period, rootId: unit.rootId, orgUnitId: unit.id };
  // Only the latest publication is kept in memory; one recorded by an earlier time is read each time.
  const published =
    asOf === null
      ? await engine.latestPublication(key)
      : await readPublishedResult(ctx.db.kysely, { ...key, asOf });
  const publication =
    published === undefined
      ? null
      : {
          id: published.publication.id,
          at: isoTime(published.publication.publishedAt),
          by: published.publication.publishedBy,
          differs: differsFromPublished(published.frozen, json),
        };
  if (query.view === 'published') {
    if (published === undefined) {
      throw notFound('publication.none', { scorecard: query.scorecard, orgUnit: unit.code, period });
    }
    return { ...published.frozen, view: 'published', publication };
  }
  const approvals = await approvalsOfEvaluations(ctx.db.kysely, scorecard, [unit], period, heardBy(engine));
  return { ...json, approval: approvals.get(unit.code), view: 'today', publication };
}

/**
 * The units under `parent` that the actor reads, ranked among themselves (cached by the engine, without
 * approvals). 403 when the actor reads none of them.
 */
export async function rankedVisible(
  engine: EvaluationEngine,
  actor: Actor,
  query: RankingQuery,
): Promise<readonly RankedUnit[]> {
  const meta = await engine.metadata();
  const parent = meta.unit(query.parent);
  const scope = readScope(actor);
  if (inScope(scope, parent.path)) return engine.rank(query);
  // The units of the parent's subtree (itself included) that the actor reads.
  const rows = meta
    .tree(parent.rootId)
    .units.filter((unit) => unit.path.startsWith(parent.path) && inScope(scope, unit.path));
  if (rows.length === 0) throw denied(actor, READ_ROLES, parent.code);
  const codes = new Set(rows.map((row) => row.code));
  return engine.rank(query, {
    visible: (code) => codes.has(code),
    visibleKey: [...codes].sort().join(','),
  });
}

/** Adds each unit's approval status (the units and the scorecard from the engine's metadata). */
async function withApprovals(
  ctx: ServerContext,
  engine: EvaluationEngine,
  scorecardCode: string,
  period: string,
  items: readonly RankedUnit[],
): Promise<RankedUnit[]> {
  const meta = await engine.metadata();
  const scorecard = await meta.scorecard(scorecardCode);
  const units = items.map((item) => meta.unit(item.orgUnit));
  const approvals = await approvalsOfEvaluations(ctx.db.kysely, scorecard, units, period, heardBy(engine));
  return items.map((item) => ({
    ...item,
    evaluation: { ...item.evaluation, approval: approvals.get(item.orgUnit) },
  }));
}

/**
 * A ranking of the units under `parent` that the actor reads, ranked among themselves, each evaluation with its
 * approval status (reports, objective rankings). 403 when the actor reads none of them.
 */
export async function rankAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: RankingQuery,
): Promise<RankedUnit[]> {
  const items = await rankedVisible(engine, actor, query);
  const period = items[0]?.evaluation.period ?? query.period;
  return withApprovals(ctx, engine, query.scorecard, period, items);
}

/**
 * One page of a ranking (`GET /api/rankings`), sorted as asked: summary rows, or (`view: 'full'`) the page's
 * evaluations with their approval status. The ranking is computed once per revision; pages are slices of it.
 */
export async function rankingPageAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: RankingPageQuery,
): Promise<RankingSummaryJson | RankingJson> {
  const items = await rankedVisible(engine, actor, query);
  const sorted = sortRanking(items, query.sort, query.order);
  const slice = sorted.slice(query.offset, query.offset + query.limit);
  const page = { total: items.length, limit: query.limit, offset: query.offset };
  if (query.view === 'summary') return { view: 'summary', items: slice.map(summaryRowOf), ...page };
  const period = items[0]?.evaluation.period ?? query.period;
  return { view: 'full', items: await withApprovals(ctx, engine, query.scorecard, period, slice), ...page };
}

/** The units × indicators of a ranking (`GET /api/rankings/matrix`), in ranking order, for a heatmap. */
export async function rankingMatrixAs(
  engine: EvaluationEngine,
  actor: Actor,
  query: RankingQuery,
): Promise<RankingMatrixJson> {
  const items = await rankedVisible(engine, actor, query);
  const period = items[0]?.evaluation.period ?? query.period;
  return rankingMatrixOf(query.scorecard, period, items);
}

/** A unit's evaluations over periods (403 outside the actor's scope), each with its approval status. */
export async function seriesAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: { readonly scorecard: string; readonly orgUnit: string; readonly periods: readonly string[] },
): Promise<EvaluationJson[]> {
  const unit = await readableUnit(engine, actor, query.orgUnit);
  const evaluations = await engine.series(query);
  const result: EvaluationJson[] = [];
  for (const [i, json] of evaluations.entries()) {
    const period = json.period ?? query.periods[i] ?? '';
    const scorecard = await scorecardOf(engine, query.scorecard);
    const approvals = await approvalsOfEvaluations(ctx.db.kysely, scorecard, [unit], period, heardBy(engine));
    result.push({ ...json, approval: approvals.get(unit.code) });
  }
  return result;
}

/**
 * How one indicator of a unit's evaluation got its score (403 outside the actor's scope, 404 for an unknown
 * scorecard, unit or indicator): the engine's explanation with the target row's scope named and the weight
 * version's provenance.
 */
export async function explainAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ExplainQuery,
): Promise<ExplanationJson> {
  const db = ctx.db.kysely;
  const unit = await readableUnit(engine, actor, query.orgUnit);
  const result = await engine.explain({
    ...query,
    asOf: query.asOf === undefined ? null : new Date(query.asOf),
  });
  const version = result.method.weights;
  const e = result.explanation;
  let scopeRef: string | null = null;
  if (result.scopeUnit !== null) scopeRef = result.scopeUnit;
  else if (result.scopeGroupId !== null) scopeRef = await findGroupCode(db, result.scopeGroupId);
  else if (result.scopeLevel !== null) scopeRef = String(result.scopeLevel);
  return {
    scorecard: query.scorecard,
    orgUnit: unit.code,
    period: result.period,
    indicator: { id: e.id, name: e.name, kind: e.kind, unit: e.unit, decimals: e.decimals },
    perspective: e.perspective,
    formula: { ...e.formula, inputs: [...e.formula.inputs] },
    actual: e.actual,
    actualSource: e.actualSource,
    raters: e.raters,
    target: { ...e.target, scopeRef, periodsTried: [...e.target.periodsTried] },
    weight: {
      ...e.weight,
      version: {
        id: version.id,
        effectiveFrom: version.effectiveFrom,
        number: version.version,
        source: version.source,
        sourceRef: version.sourceRef,
        note: version.note,
        createdAt: version.recordedAt.toISOString(),
        createdBy: version.createdBy,
      },
    },
    scoring: { ...e.scoring, rules: [...e.scoring.rules] },
    quantified: e.quantified,
    score: e.score,
    reason: e.reason,
    unitCoverage:
      e.unitCoverage === null
        ? null
        : { ...e.unitCoverage, included: [...e.unitCoverage.included], leftOut: [...e.unitCoverage.leftOut] },
    versions: result.versions,
  };
}
