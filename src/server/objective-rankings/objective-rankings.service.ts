/**
 * Objective weights and rankings of the units of one type and level (issue: expert weighting, part 3), beside
 * the scorecard's own ranking. The units and their actual values come from the scorecard ranking
 * (`rankAs`: same access, same cohorts), the directions from the scorecard's current structure.
 */
import type { ObjectiveRankingJson, ObjectiveRankingQuery } from '../../core/contracts/objective-rankings.ts';
import { invalid, issue, type ProblemIssue } from '../../core/errors/problem.ts';
import {
  type Criterion,
  combineWeights,
  criticWeights,
  entropyWeights,
  rankSumRatio,
  topsis,
} from '../../core/ranking/index.ts';
import { compileScorecard } from '../../core/scorecard/index.ts';
import { listCurrentScorecards } from '../../db/repositories/scorecard.repository.ts';
import type { Actor, ServerContext } from '../context.ts';
import { rankAs } from '../evaluation/evaluation.service.ts';
import type { EvaluationEngine } from '../evaluation/evaluation-engine.ts';
import type { RankedUnit } from '../evaluation/evaluation-engine-types.ts';

type DeclaredDirection = 'higher' | 'lower' | { readonly band: readonly [number, number] };

/** Each indicator's declared direction in the scorecard's current structure. */
async function directionsOf(ctx: ServerContext, scorecard: string): Promise<Map<string, DeclaredDirection>> {
  const [current] = await listCurrentScorecards(ctx.db.kysely, [scorecard]);
  const directions = new Map<string, DeclaredDirection>();
  const definition = current?.definition;
  if (!current || definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return directions;
  }
  const compiled = compileScorecard({ ...definition, weights: current.weights });
  for (const perspective of compiled.definition.perspectives) {
    for (const indicator of perspective.indicators) {
      directions.set(indicator.id, indicator.direction ?? 'higher');
    }
  }
  return directions;
}

function pickCohort(items: readonly RankedUnit[], asked: string | undefined): string | undefined {
  if (asked !== undefined) return asked;
  const ranked = [...items].filter((i) => i.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return (ranked[0] ?? items[0])?.cohort;
}

/**
 * Ranks the units of one cohort under `parent` by TOPSIS or RSR with entropy, CRITIC, combined or the
 * scorecard's weights over the indicators' actual values. Refuses (400) when a unit lacks a value, naming every
 * missing cell; indicators with a band direction are left out and listed.
 */
export async function objectiveRankingAs(
  ctx: ServerContext,
  engine: EvaluationEngine,
  actor: Actor,
  query: ObjectiveRankingQuery,
): Promise<ObjectiveRankingJson> {
  const items = await rankAs(ctx, engine, actor, {
    scorecard: query.scorecard,
    period: query.period,
    parent: query.parent,
    depth: query.depth,
    mix: false,
  });
  const cohort = pickCohort(items, query.cohort);
  const units = items.filter((i) => i.cohort === cohort);
  if (cohort === undefined || units.length === 0) {
    throw invalid('ranking.input-invalid', { count: 1 }, [
      issue('ranking.no-cohort', { cohort: cohort ?? '–', parent: query.parent }, ['cohort']),
    ]);
  }
  const directions = await directionsOf(ctx, query.scorecard);
  const first = units[0]?.evaluation.perspectives ?? [];
  const excluded: ObjectiveRankingJson['excluded'] = [];
  const columns: { indicator: string; perspective: string; direction: 'higher' | 'lower'; weight: number }[] =
    [];
  for (const perspective of first) {
    for (const indicator of perspective.indicators) {
      // A monitored indicator (scored: false) is not part of the scheme's weighting: not a ranking criterion.
      if (!indicator.scored) continue;
      const declared = directions.get(indicator.id) ?? 'higher';
      if (typeof declared !== 'string') {
        excluded.push({ indicator: indicator.id, reason: 'band-direction' });
        continue;
      }
      columns.push({
        indicator: indicator.id,
        perspective: perspective.id,
        direction: declared,
        weight: indicator.globalWeight,
      });
    }
  }
  const missing: ProblemIssue[] = [];
  const matrix = units.map((unit, i) => {
    const values = new Map<string, number | null>();
    for (const p of unit.evaluation.perspectives)
      for (const ind of p.indicators) values.set(ind.id, ind.actual);
    return columns.map((column, j) => {
      const value = values.get(column.indicator) ?? null;
      if (value === null) {
        missing.push(
          issue('ranking.missing-cell', { orgUnit: unit.orgUnit, indicator: column.indicator }, [
            'units',
            i,
            j,
          ]),
        );
      }
      return value ?? 0;
    });
  });
  if (missing.length > 0) throw invalid('ranking.missing-values', { count: missing.length }, missing);

  const criteria: Criterion[] = columns.map((c) => ({ direction: c.direction }));
  const subjective = columns.map((c) => c.weight);
  let weights: number[];
  if (query.weighting === 'scorecard') weights = subjective;
  else if (query.weighting === 'critic') weights = criticWeights(matrix, criteria);
  else {
    const objective = entropyWeights(matrix, criteria);
    if (query.weighting === 'product') weights = combineWeights(subjective, objective, { kind: 'product' });
    else if (query.weighting === 'linear') {
      weights = combineWeights(subjective, objective, { kind: 'linear', share: query.share });
    } else weights = objective;
  }
  const total = weights.reduce((s, w) => s + w, 0);
  const normalised = weights.map((w) => (total > 0 ? w / total : 0));

  let score: readonly number[];
  let rank: readonly number[];
  let probit: readonly number[] | null = null;
  let cls: readonly number[] | null = null;
  if (query.method === 'rsr') {
    const r = rankSumRatio(matrix, criteria, query.weightedRsr ? { weights: normalised } : {});
    ({ rsr: score, ranking: rank, probit } = r);
    cls = r.class;
  } else {
    ({ closeness: score, ranking: rank } = topsis(matrix, normalised, criteria, query.normalization));
  }
  return {
    cohort,
    method: query.method,
    weighting: query.weighting,
    criteria: columns.map((c, j) => ({
      indicator: c.indicator,
      perspective: c.perspective,
      direction: c.direction,
      scorecardWeight: c.weight,
      weight: normalised[j] ?? 0,
    })),
    excluded,
    units: units.map((unit, i) => {
      const r = rank[i] ?? 0;
      return {
        orgUnit: unit.orgUnit,
        name: unit.name,
        score: score[i] ?? 0,
        rank: r,
        scorecardRank: unit.rank,
        rankDifference: unit.rank === null ? null : r - unit.rank,
        probit: probit?.[i] ?? null,
        class: cls?.[i] ?? null,
      };
    }),
  };
}
