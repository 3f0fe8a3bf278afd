/**
 * The restatement of a published score (core/publications/restatement.ts): today's computation of one unit,
 * with the method that holds for the period now, against what its publication froze, figure by figure, with
 * why each differs. Same access as the evaluation (403 outside the actor's scope).
 */
import { evaluationSchema } from '../../core/contracts/evaluation.ts';
import type { RestatementJson, RestatementQuery } from '../../core/contracts/publications.ts';
import { notFound } from '../../core/errors/problem.ts';
import { parsePeriod } from '../../core/periods/index.ts';
import { restate } from '../../core/publications/restatement.ts';
import { findPublishedResult, loadPublicationInputs } from '../../db/repositories/publication.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import { requireReadableUnit } from '../services/access.ts';
import { requireScorecard } from '../services/lookups.ts';
import { toPublication } from './publications.service.ts';

/** How today's score of the unit differs from its latest publication (or the one named); 404 without one. */
export async function restatementAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: RestatementQuery,
): Promise<RestatementJson> {
  const db = ctx.db.kysely;
  const unit = await requireReadableUnit(db, actor, query.orgUnit);
  const scorecard = await requireScorecard(db, query.scorecard);
  const period = parsePeriod(query.period, ['period']).id;
  const published = await findPublishedResult(db, {
    scorecardId: scorecard.id,
    periodId: period,
    rootId: unit.rootId,
    orgUnitId: unit.id,
    asOf: null,
    ...(query.publication === undefined ? {} : { publicationId: query.publication }),
  });
  if (published === undefined) {
    throw notFound('publication.none', { scorecard: scorecard.code, orgUnit: unit.code, period });
  }
  const frozen = evaluationSchema.parse(published.evaluation);
  const inputs = await loadPublicationInputs(db, unit.rootId, published.publication.id, unit.id);
  const rows = await engine.subtreeRows({
    scorecard: scorecard.code,
    orgUnit: unit.code,
    period,
    unitOnly: true,
  });
  const today = rows.units[0];
  if (today === undefined)
    throw notFound('publication.none', { scorecard: scorecard.code, orgUnit: unit.code, period });
  const result = restate(
    { evaluation: frozen, inputs },
    { evaluation: today.evaluation, inputs: today.inputs },
  );
  const names = new Map(
    [frozen, today.evaluation].flatMap((e) =>
      e.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i.name])),
    ),
  );
  return {
    scorecard: scorecard.code,
    orgUnit: unit.code,
    period,
    publication: toPublication(published.publication),
    total: result.total,
    rating: result.rating,
    differences: result.rows.map((row) => ({
      ...row,
      name: names.get(row.indicator) ?? { en: row.indicator },
      why: [...row.why],
    })),
    why: [...result.why],
  };
}
