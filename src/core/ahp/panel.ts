import { badRequest } from '../errors/problem.ts';
import { type ConsensusResult, consensusIndicator, judgmentSpread, scaleMaximum } from './consensus.ts';
import { aggregateGroup } from './group.ts';
import type { AhpOptions, ExpertJudgment, GroupAggregation, GroupAhpResult, Matrix } from './types.ts';

/** What to do with experts whose CR is at or above the threshold. */
export type InconsistentExperts = 'keep' | 'exclude';

export interface PanelOptions extends AhpOptions {
  /** Default `aij`. */
  readonly aggregation?: GroupAggregation;
  /** Default `keep`. */
  readonly inconsistent?: InconsistentExperts;
}

export interface PanelExpert {
  readonly weights: readonly number[];
  readonly lambdaMax: number;
  readonly cr: number;
  readonly consistent: boolean;
  /** Whether this expert counts in the chosen result. */
  readonly included: boolean;
}

/** The outcome of one choice about inconsistent experts, so a strategist can compare them. */
export interface PanelChoice {
  readonly count: number;
  readonly weights: readonly number[];
  readonly cr: number;
  readonly consensus: number;
}

export interface PanelResult {
  /** The aggregation of the included experts. */
  readonly group: GroupAhpResult;
  readonly experts: readonly PanelExpert[];
  readonly inconsistent: InconsistentExperts;
  /** S* and the entropies of the included experts' priorities. */
  readonly consensus: ConsensusResult;
  /** Geometric standard deviation of each comparison across the included experts. */
  readonly spread: readonly (readonly number[])[];
  /** Both choices side by side; `exclude` is null when no expert is consistent. */
  readonly choices: { readonly keep: PanelChoice; readonly exclude: PanelChoice | null };
}

function choose(
  experts: readonly ExpertJudgment[],
  aggregation: GroupAggregation,
  options: AhpOptions,
): { group: GroupAhpResult; consensus: ConsensusResult; spread: number[][] } {
  const group = aggregateGroup(experts, aggregation, options);
  const consensus = consensusIndicator(
    group.experts.map((e) => e.weights),
    scaleMaximum(group.scale),
  );
  const spread = judgmentSpread(experts.map((e): Matrix => e.matrix));
  return { group, consensus, spread };
}

function summary(r: { group: GroupAhpResult; consensus: ConsensusResult }): PanelChoice {
  return {
    count: r.group.experts.length,
    weights: r.group.weights,
    cr: r.group.cr,
    consensus: r.consensus.sStar,
  };
}

/**
 * A panel of experts judging one node, as AHP-OS reports it (Goepel 2018, IJAHP 10(3):469–487): each expert's
 * weights and CR, the aggregation (AIJ or AIP, `aggregateGroup`), the consensus indicator S*
 * (`consensusIndicator`), the geometric standard deviation of each comparison (`judgmentSpread`), and the
 * effect of keeping or excluding the inconsistent experts (CR ≥ threshold), computed both ways so the choice
 * is informed. With `inconsistent: 'exclude'` and no consistent expert the call is refused.
 *
 * @example
 * analysePanel([{ matrix: a }, { matrix: b }, { matrix: inconsistent }], { inconsistent: 'exclude' });
 * // → group of 2 experts; choices.keep shows the 3-expert result for comparison
 */
export function analysePanel(experts: readonly ExpertJudgment[], options: PanelOptions = {}): PanelResult {
  const { aggregation = 'aij', inconsistent = 'keep', ...ahpOptions } = options;
  if (inconsistent !== 'keep' && inconsistent !== 'exclude') {
    throw badRequest(
      'ahp.option-not-allowed',
      { key: 'inconsistent', value: JSON.stringify(inconsistent) ?? '', allowed: 'keep, exclude' },
      ['inconsistent'],
    );
  }
  const all = choose(experts, aggregation, ahpOptions);
  const consistentIndexes = all.group.experts.flatMap((e, k) => (e.consistent ? [k] : []));
  const consistent =
    consistentIndexes.length === experts.length
      ? all
      : consistentIndexes.length > 0
        ? choose(
            consistentIndexes.map((k) => experts[k] as ExpertJudgment),
            aggregation,
            ahpOptions,
          )
        : null;
  if (inconsistent === 'exclude' && consistent === null) {
    throw badRequest('ahp.no-consistent-experts', { count: experts.length }, [
      ...(options.path ?? ['experts']),
    ]);
  }
  const chosen = inconsistent === 'exclude' && consistent ? consistent : all;
  return {
    group: chosen.group,
    experts: all.group.experts.map((e) => ({
      weights: e.weights,
      lambdaMax: e.lambdaMax,
      cr: e.cr,
      consistent: e.consistent,
      included: inconsistent === 'keep' || e.consistent,
    })),
    inconsistent,
    consensus: chosen.consensus,
    spread: chosen.spread,
    choices: { keep: summary(all), exclude: consistent ? summary(consistent) : null },
  };
}
