/**
 * A restatement: how today's computation of a unit's score differs from the published one, indicator by
 * indicator, and why (its data, a reported value, its ratings, its target, its method, the weights, the scheme's
 * scoring). Both sides are what GET /api/evaluations returns (with `versions`) and the aggregated inputs a
 * publication freezes (numerator, denominator, actual, target per indicator), so a difference is named by what
 * changed underneath it. Figures are compared exactly: the same inputs through the same method give the same
 * bits, so anything that differs at all is listed (a publication is what was paid on).
 */
import type { EvaluationJson } from '../contracts/evaluation.ts';
import { type RestatementReasonJson, restatementReasonSchema } from '../contracts/publications.ts';

/** The figures of an indicator a restatement compares. */
export type RestatedFigure = 'actual' | 'target' | 'quantified' | 'score' | 'weight' | 'status';

/**
 * What changed under a difference, listed once in the contract (core/contracts/publications.ts), in the order a
 * restatement names them.
 */
export type RestatementReason = RestatementReasonJson;

/** One indicator's aggregated inputs as a publication keeps them (publication_input). */
export interface IndicatorInputs {
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly actual: number | null;
  readonly actualSource: 'formula' | 'reported' | 'ratings' | 'none';
  readonly target: number | null;
  readonly reference: number | null;
  readonly methodVersion: number;
  readonly targetRecordId: number | null;
}

/** One side of a comparison: an evaluation with its versions, and its indicators' inputs. */
export interface RestatementSide {
  readonly evaluation: EvaluationJson;
  readonly inputs: readonly IndicatorInputs[];
}

export interface RestatementRow {
  readonly indicator: string;
  readonly figure: RestatedFigure;
  readonly published: number | string | null;
  readonly now: number | string | null;
  readonly why: readonly RestatementReason[];
}

export interface Restatement {
  readonly total: { readonly published: number | null; readonly now: number | null };
  readonly rating: { readonly published: string | null; readonly now: string | null };
  /** Every figure of every indicator that differs, in scorecard order. */
  readonly rows: readonly RestatementRow[];
  /** Everything that changed underneath, for the unit as a whole. */
  readonly why: readonly RestatementReason[];
}

const FIGURES: readonly RestatedFigure[] = ['actual', 'target', 'quantified', 'score', 'weight', 'status'];

type IndicatorJson = EvaluationJson['perspectives'][number]['indicators'][number];

function indicatorsOf(evaluation: EvaluationJson): Map<string, IndicatorJson> {
  return new Map(evaluation.perspectives.flatMap((p) => p.indicators).map((i) => [i.id, i]));
}

/**
 * Whether today's evaluation differs from the published one in any figure: the total, the rating, the weight coverage,
 * or any indicator's actual, target, quantified value, score, weight or status.
 *
 * @example differsFromPublished(published, { ...published, total: 91.02 }) // true
 */
export function differsFromPublished(published: EvaluationJson, now: EvaluationJson): boolean {
  if (published.total !== now.total || published.ratingCode !== now.ratingCode) return true;
  if (published.weightCoverage !== now.weightCoverage) return true;
  const before = indicatorsOf(published);
  const after = indicatorsOf(now);
  if (before.size !== after.size) return true;
  for (const [id, old] of before) {
    const current = after.get(id);
    if (current === undefined || FIGURES.some((figure) => old[figure] !== current[figure])) return true;
  }
  return false;
}

/**
 * Compares a published side with today's: each differing figure of each indicator with why it differs, the total
 * and rating, and the reasons for the unit as a whole.
 *
 * @example restate(published, now).rows[0] // { indicator: 'OCC', figure: 'actual', published: 90, now: 92.5, why: ['values'] }
 */
export function restate(published: RestatementSide, now: RestatementSide): Restatement {
  const before = indicatorsOf(published.evaluation);
  const after = indicatorsOf(now.evaluation);
  const inputsBefore = new Map(published.inputs.map((i) => [i.indicator, i]));
  const inputsAfter = new Map(now.inputs.map((i) => [i.indicator, i]));
  const versionsBefore = published.evaluation.versions;
  const versionsAfter = now.evaluation.versions;
  const unitWhy = new Set<RestatementReason>();
  const rows: RestatementRow[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(id);
    const current = after.get(id);
    const changed = FIGURES.filter((figure) => (old?.[figure] ?? null) !== (current?.[figure] ?? null));
    if (changed.length === 0) continue;
    const why = reasonsFor(id, published, now, inputsBefore.get(id), inputsAfter.get(id), old, current);
    for (const reason of why) unitWhy.add(reason);
    for (const figure of changed) {
      rows.push({
        indicator: id,
        figure,
        published: old?.[figure] ?? null,
        now: current?.[figure] ?? null,
        why,
      });
    }
  }
  if (versionsBefore && versionsAfter) {
    if (versionsBefore.weights.id !== versionsAfter.weights.id) unitWhy.add('weights');
    if (versionsBefore.scoring.version !== versionsAfter.scoring.version) unitWhy.add('scoring');
    if (versionsBefore.structure.id !== versionsAfter.structure.id) unitWhy.add('method');
  }
  return {
    total: { published: published.evaluation.total, now: now.evaluation.total },
    rating: { published: published.evaluation.ratingCode, now: now.evaluation.ratingCode },
    rows,
    why: ORDER.filter((reason) => unitWhy.has(reason)),
  };
}

const ORDER: readonly RestatementReason[] = restatementReasonSchema.options;

function reasonsFor(
  id: string,
  published: RestatementSide,
  now: RestatementSide,
  inputsBefore: IndicatorInputs | undefined,
  inputsAfter: IndicatorInputs | undefined,
  old: IndicatorJson | undefined,
  current: IndicatorJson | undefined,
): RestatementReason[] {
  const why = new Set<RestatementReason>();
  const methodBefore = published.evaluation.versions?.indicators.find((i) => i.id === id);
  const methodAfter = now.evaluation.versions?.indicators.find((i) => i.id === id);
  if (
    old === undefined ||
    current === undefined ||
    published.evaluation.versions?.structure.id !== now.evaluation.versions?.structure.id ||
    methodBefore?.version !== methodAfter?.version
  ) {
    why.add('method');
  }
  if (old?.weight !== current?.weight) why.add('weights');
  if (
    old?.target !== current?.target ||
    inputsBefore?.target !== inputsAfter?.target ||
    inputsBefore?.reference !== inputsAfter?.reference
  ) {
    why.add('target');
  }
  const source = current?.actualSource ?? old?.actualSource;
  if (old?.actualSource !== current?.actualSource || old?.actual !== current?.actual) {
    if (source === 'reported' || old?.actualSource === 'reported') why.add('reported');
    else if (source === 'ratings') why.add('ratings');
    else why.add('values');
  } else if (
    inputsBefore?.numerator !== inputsAfter?.numerator ||
    inputsBefore?.denominator !== inputsAfter?.denominator
  ) {
    why.add('values');
  }
  if (
    why.size === 0 &&
    published.evaluation.versions?.scoring.version !== now.evaluation.versions?.scoring.version
  ) {
    why.add('scoring');
  }
  return ORDER.filter((reason) => why.has(reason));
}
