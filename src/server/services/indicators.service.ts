/**
 * The indicators of every scorecard's current version, with their weights (computed by compiling the current
 * structure with the current weights, so AHP weights are the ones evaluation uses).
 */
import type { Page } from '../../core/contracts/common.ts';
import type { IndicatorSummary, ListIndicatorsQuery } from '../../core/contracts/scorecards.ts';
import { compileScorecard } from '../../core/scorecard/index.ts';
import { listCurrentScorecards } from '../../db/repositories/scorecard.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { requireScorecard } from './lookups.ts';

function contains(text: string | undefined, q: string): boolean {
  return text?.toLowerCase().includes(q) ?? false;
}

/** A page of indicators, ordered by scorecard code and then as the scorecard declares them. */
export async function listIndicatorsPage(
  ctx: ServerContext,
  _actor: Actor,
  input: ListIndicatorsQuery,
): Promise<Page<IndicatorSummary>> {
  const db = ctx.db.kysely;
  if (input.scorecard !== undefined) await requireScorecard(db, input.scorecard);
  const scorecards = await listCurrentScorecards(
    db,
    input.scorecard === undefined ? undefined : [input.scorecard],
  );
  const q = input.q?.toLowerCase();
  const all: IndicatorSummary[] = [];
  for (const scorecard of scorecards) {
    const definition = scorecard.definition;
    if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) continue;
    const compiled = compileScorecard({ ...definition, weights: scorecard.weights });
    compiled.perspectives.forEach((perspective, pi) => {
      if (input.perspective !== undefined && perspective.id !== input.perspective) return;
      perspective.indicators.forEach((indicator, ii) => {
        if (input.kind !== undefined && indicator.kind !== input.kind) return;
        if (
          q !== undefined &&
          ![indicator.id, indicator.name.en, indicator.name.zh].some((t) => contains(t, q))
        )
          return;
        const declared = compiled.definition.perspectives[pi]?.indicators[ii];
        all.push({
          scorecard: scorecard.code,
          perspective: perspective.id,
          id: indicator.id,
          name: indicator.name,
          kind: indicator.kind,
          objective: indicator.objective ?? null,
          unit: indicator.unit ?? null,
          direction: declared?.direction ?? 'higher',
          role: indicator.role ?? null,
          owner: indicator.owner ?? null,
          ownerName: indicator.ownerName ?? null,
          formulaText: indicator.formulaText ?? null,
          scored: indicator.scored,
          weight: indicator.weight,
          globalWeight: indicator.globalWeight,
        });
      });
    });
  }
  return {
    items: all.slice(input.offset, input.offset + input.limit),
    total: all.length,
    limit: input.limit,
    offset: input.offset,
  };
}
