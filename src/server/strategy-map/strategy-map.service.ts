/**
 * The strategy map of a scorecard for a unit (src/core/strategy): objectives scored from the unit's evaluation of
 * a period, links checked on its evaluations over a series of periods; and the strategy (objectives and links)
 * as the designer reads and edits it. Objectives and links live in the scorecard's stored definition, like
 * indicators: an edit stores the scorecard's next structure version through `importScorecard`, so it is checked
 * whole, written in one transaction and audited as any scorecard change is.
 */
import type {
  PutStrategyResult,
  StrategyJson,
  StrategyMapJson,
  StrategyMapQuery,
} from '../../core/contracts/strategy-map.ts';
import {
  monthsOf,
  periodContaining,
  periodFromOrdinal,
  periodOrdinal,
  periodRange,
} from '../../core/periods/index.ts';
import { applyStrategy, strategyOf } from '../../core/strategy/apply-strategy.ts';
import { buildStrategyMap } from '../../core/strategy/strategy-map.ts';
import { findUserByEmail } from '../../db/repositories/user.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { evaluateAs, seriesAs } from '../evaluation/evaluation.service.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { exportScorecard, importScorecard } from '../services/scorecards.service.ts';

/** The link check's rule (src/core/strategy/link-check.ts), sent with every map. */
export const LINK_RULE = { maxLag: 6, minPeriods: 8, confidence: 0.95 } as const;

/**
 * The `history` periods of type `grain` ending with the last one inside `period`, oldest first.
 *
 * @example seriesPeriods('2024', 'quarter', 6) // ['2023Q3', …, '2024Q4']
 */
export function seriesPeriods(period: string, grain: StrategyMapQuery['grain'], history: number): string[] {
  const lastMonth = monthsOf(period).at(-1) ?? period;
  const end = periodContaining(lastMonth, grain);
  const from = periodFromOrdinal(grain, periodOrdinal(end).ordinal - history + 1);
  return periodRange(from, end);
}

/** The map of a scorecard for a unit and period (403 outside the actor's scope, 404 for an unknown scorecard). */
export async function strategyMapAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: StrategyMapQuery,
): Promise<StrategyMapJson> {
  const current = await evaluateAs(ctx, engine, actor, {
    scorecard: query.scorecard,
    orgUnit: query.orgUnit,
    period: query.period,
    view: 'today',
  });
  const file = await exportScorecard(ctx, actor, { code: query.scorecard });
  const periods = seriesPeriods(query.period, query.grain, query.history);
  const series = await seriesAs(ctx, engine, actor, {
    scorecard: query.scorecard,
    orgUnit: query.orgUnit,
    periods,
  });
  const map = buildStrategyMap(file, current, series, LINK_RULE);
  const owners = new Map<string, { email: string; name: string | null } | null>();
  for (const lane of map.lanes) {
    for (const objective of lane.objectives) {
      if (objective.owner === null || owners.has(objective.owner)) continue;
      const user = await findUserByEmail(ctx.db.kysely, objective.owner.toLowerCase());
      owners.set(objective.owner, user === undefined ? null : { email: user.email, name: user.name });
    }
  }
  return {
    scorecard: query.scorecard,
    orgUnit: query.orgUnit,
    period: current.period ?? query.period,
    periods,
    rule: LINK_RULE,
    lanes: map.lanes.map((lane) => ({
      ...lane,
      objectives: lane.objectives.map((o) => ({
        ...o,
        indicators: [...o.indicators],
        ownerUser: o.owner === null ? null : (owners.get(o.owner) ?? null),
      })),
    })),
    links: map.links.map((link) => ({
      ...link,
      check: {
        ...link.check,
        ci: link.check.ci === null ? null : [link.check.ci[0], link.check.ci[1]],
        lags: [...link.check.lags],
      },
    })),
  };
}

/** The objectives and links of a scorecard's current version (404 for an unknown scorecard). */
export async function getStrategy(ctx: ServerContext, actor: Actor, code: string): Promise<StrategyJson> {
  const strategy = strategyOf(await exportScorecard(ctx, actor, { code }));
  return { objectives: [...strategy.objectives], links: [...strategy.links] };
}

/**
 * Replaces a scorecard's objectives and links (designer roles; 400 with the compiler's problems for a strategy
 * that does not fit the scorecard). Stores the next structure version, effective from the next period without a
 * published score, as any change of the structure.
 */
export async function putStrategy(
  ctx: ServerContext,
  actor: Actor,
  input: { readonly code: string; readonly body: StrategyJson },
): Promise<PutStrategyResult> {
  const file = await exportScorecard(ctx, actor, { code: input.code });
  const result = await importScorecard(ctx, actor, {
    file: applyStrategy(file, input.body),
    mode: 'replace',
    code: input.code,
    note: 'strategy map',
  });
  return {
    version: result.structure.created ? result.structure.version : null,
    strategy: await getStrategy(ctx, actor, input.code),
  };
}
