/**
 * The weight tables of a report (seed 002_db9e4dc6af8d1a80.txt, Tables 4.1–4.6): the perspectives' weights, then
 * each perspective's indicator weights, as the evaluation used them, with λmax, CI, RI and CR where the weights
 * are the AHP result of the scheme's judgment matrix. When a stored weight version replaced the matrix's weights
 * (the evaluation's weights differ from the AHP result), the set is shown as set by hand: the check would not be
 * about the weights printed.
 */
import type { EvaluationJson } from '../contracts/evaluation.ts';
import type { CompiledScorecard } from '../scorecard/compile-scorecard.ts';
import type { WeightProvenance } from '../scorecard/resolve-weights.ts';
import type { AhpFigures, WeightSetInput } from './report-model.ts';

const SAME = 1e-9;

function ahpFigures(
  provenance: WeightProvenance | undefined,
  used: readonly { readonly id: string; readonly weight: number }[],
): AhpFigures | null {
  if (provenance === undefined || provenance.source !== 'ahp') return null;
  const { order, result } = provenance;
  const matches = used.every((item) => {
    const index = order.indexOf(item.id);
    const weight = index === -1 ? undefined : result.weights[index];
    return weight !== undefined && Math.abs(weight - item.weight) < SAME;
  });
  if (!matches) return null;
  return {
    lambdaMax: result.lambdaMax,
    ci: result.ci,
    ri: result.ri,
    cr: result.cr,
    threshold: result.threshold,
    consistent: result.consistent,
  };
}

/**
 * The weight sets of `evaluation` with the AHP checks of `compiled` (the scheme that held for its period).
 *
 * @example weightSetsOf(azCompiled, azEvaluation)[0].ahp?.cr // 0.0753 (seed 002, Table 4.1)
 */
export function weightSetsOf(compiled: CompiledScorecard, evaluation: EvaluationJson): WeightSetInput[] {
  const perspectives = evaluation.perspectives.map((p) => ({ id: p.id, name: p.name, weight: p.weight }));
  const sets: WeightSetInput[] = [
    { perspective: null, items: perspectives, ahp: ahpFigures(compiled.perspectiveWeights, perspectives) },
  ];
  for (const perspective of evaluation.perspectives) {
    const items = perspective.indicators.map((i) => ({ id: i.id, name: i.name, weight: i.weight }));
    const provenance = compiled.perspectives.find((p) => p.id === perspective.id)?.indicatorWeights;
    sets.push({ perspective: perspective.id, items, ahp: ahpFigures(provenance, items) });
  }
  return sets;
}
