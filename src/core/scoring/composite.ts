import { invalid, issue, type ProblemIssue } from '../errors/problem.ts';

/**
 * What to do with an indicator that has no quantified value.
 * - `renormalize`: leave it out; the perspective score is the weighted mean of the indicators that have data.
 * - `zero`: count it as 0 against its full weight (a missing report is penalised).
 */
export type MissingDataPolicy = 'renormalize' | 'zero';

export interface IndicatorInput {
  readonly id: string;
  /** Weight within its perspective (seed 002 Tables 4.2–4.6). */
  readonly weight: number;
  /** Quantified value from `quantify` / `quantifyRubric` (1 = on target), or `null` when there is none. */
  readonly quantified: number | null;
  /**
   * False for an indicator whose definition does not hold for the period (it starts later): left out of the
   * perspective under either policy, as if the scheme did not have it. Default true.
   */
  readonly inEffect?: boolean;
}

export interface PerspectiveInput {
  readonly id: string;
  /** Weight of the perspective (seed 002 Table 4.1). */
  readonly weight: number;
  readonly indicators: readonly IndicatorInput[];
}

export interface IndicatorResult {
  readonly id: string;
  readonly weight: number;
  /** Perspective weight × indicator weight. */
  readonly globalWeight: number;
  readonly quantified: number | null;
  /** 100 × weight × quantified (seed 002 Table 4.14 "individual score"), or `null` without data. */
  readonly score: number | null;
}

export interface PerspectiveResult {
  readonly id: string;
  readonly weight: number;
  /** 0–100 (more when uncapped values exceed 1); `null` when no indicator with weight has data. */
  readonly score: number | null;
  /** Σ weights of indicators with data ÷ Σ weights of the indicators in effect, in [0, 1]. */
  readonly coverage: number;
  /** False when none of its indicators is in effect: it is then left out of the total. */
  readonly inEffect: boolean;
  readonly indicators: readonly IndicatorResult[];
}

export interface CompositeResult {
  /** The composite V; `null` exactly when `coverage` is 0. */
  readonly total: number | null;
  /** Σ perspective weight × perspective coverage ÷ Σ perspective weights. */
  readonly coverage: number;
  readonly policy: MissingDataPolicy;
  readonly perspectives: readonly PerspectiveResult[];
}

function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function validateInput(perspectives: readonly PerspectiveInput[]): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  if (perspectives.length === 0) return [issue('scoring.no-perspectives', {})];
  const perspectiveIds = new Set<string>();
  const indicatorIds = new Set<string>();
  let totalWeight = 0;
  perspectives.forEach((perspective, p) => {
    if (perspectiveIds.has(perspective.id)) {
      issues.push(issue('scoring.perspective-id-twice', { id: perspective.id }, [p, 'id']));
    }
    perspectiveIds.add(perspective.id);
    if (!isNonNegative(perspective.weight)) {
      issues.push(issue('scoring.weight-negative', { weight: String(perspective.weight) }, [p, 'weight']));
    } else totalWeight += perspective.weight;
    let indicatorWeight = 0;
    perspective.indicators.forEach((indicator, i) => {
      const at = [p, 'indicators', i];
      if (indicatorIds.has(indicator.id)) {
        issues.push(issue('scoring.indicator-id-twice', { id: indicator.id }, [...at, 'id']));
      }
      indicatorIds.add(indicator.id);
      if (!isNonNegative(indicator.weight)) {
        issues.push(
          issue('scoring.weight-negative', { weight: String(indicator.weight) }, [...at, 'weight']),
        );
      } else indicatorWeight += indicator.weight;
      if (indicator.quantified !== null && !isNonNegative(indicator.quantified)) {
        const value = String(indicator.quantified);
        issues.push(issue('scoring.quantified-negative', { value }, [...at, 'quantified']));
      }
    });
    if (!(indicatorWeight > 0)) {
      issues.push(issue('scoring.perspective-no-weight', {}, [p, 'indicators']));
    }
  });
  if (!(totalWeight > 0)) {
    issues.push(issue('scoring.perspectives-no-weight', {}));
  }
  return issues;
}

function scorePerspective(perspective: PerspectiveInput, policy: MissingDataPolicy): PerspectiveResult {
  let allWeight = 0;
  let dataWeight = 0;
  let weightedSum = 0;
  const indicators = perspective.indicators.map((indicator): IndicatorResult => {
    const inEffect = indicator.inEffect !== false;
    if (inEffect) allWeight += indicator.weight;
    if (inEffect && indicator.quantified !== null) {
      dataWeight += indicator.weight;
      weightedSum += indicator.weight * indicator.quantified;
    }
    return {
      id: indicator.id,
      weight: indicator.weight,
      globalWeight: perspective.weight * indicator.weight,
      quantified: indicator.quantified,
      score: indicator.quantified === null ? null : 100 * indicator.weight * indicator.quantified,
    };
  });
  const inEffect = allWeight > 0;
  const coverage = inEffect ? dataWeight / allWeight : 0;
  // No weighted data at all: there is nothing to report under either policy.
  const denominator = policy === 'renormalize' ? dataWeight : allWeight;
  const score = dataWeight > 0 ? (100 * weightedSum) / denominator : null;
  return { id: perspective.id, weight: perspective.weight, score, coverage, inEffect, indicators };
}

/**
 * The composite score of a balanced scorecard, following seed 002 (002_db9e4dc6af8d1a80.txt §4.2.1 under
 * Table 4.8, and Tables 4.12–4.14): "single indicator score = weight × quantified value; dimension score =
 * Σ single scores; total = Σ (dimension score × dimension weight)", on a 0–100 scale.
 *
 * - indicator score = 100 × wᵢ × qᵢ (Table 4.14: F1 0.3413 × 1 × 100 = 34.13); global weight = W_p × wᵢ;
 * - perspective score S_p = 100 × Σ wᵢqᵢ ÷ Σ wᵢ. Under `renormalize` (default) both sums run over the
 *   indicators with a value; under `zero` a missing value counts 0 and the denominator is every weight.
 *   Dividing by Σ wᵢ also absorbs weights that were rounded and do not add up to exactly 1 (seed 002's
 *   customer weights add up to 0.9999);
 * - perspective coverage = Σ wᵢ with data ÷ Σ wᵢ; S_p is `null` when the coverage is 0;
 * - total V = Σ W_p S_p ÷ Σ W_p, over the perspectives with a score (`renormalize`) or over all of them with
 *   a missing score counting 0 (`zero`); coverage = Σ W_p × coverage_p ÷ Σ W_p; V is `null` when that is 0;
 * - an indicator not in effect for the period (a dated scheme that adds it later) counts under neither policy,
 *   and a perspective with none in effect is left out of the total, as if the scheme did not have them yet.
 *
 * Nothing is rounded. Throws `invalid`, listing every issue, for negative or non-finite weights or quantified
 * values, duplicate ids, a perspective with no positive weight, or no perspectives.
 *
 * @example
 * computeComposite([
 *   { id: 'F', weight: 0.6, indicators: [{ id: 'F1', weight: 0.5, quantified: 1 }, { id: 'F2', weight: 0.5, quantified: 0.8 }] },
 *   { id: 'C', weight: 0.4, indicators: [{ id: 'C1', weight: 1, quantified: 0.95 }] },
 * ]).total // 0.6 × 90 + 0.4 × 95 = 92
 */
export function computeComposite(
  perspectives: readonly PerspectiveInput[],
  policy: MissingDataPolicy = 'renormalize',
): CompositeResult {
  const issues = validateInput(perspectives);
  if (issues.length > 0) throw invalid('scoring.cannot-score', {}, issues);

  const results = perspectives.map((perspective) => scorePerspective(perspective, policy));
  let allWeight = 0;
  let coveredWeight = 0;
  let scoredWeight = 0;
  let weightedSum = 0;
  for (const result of results) {
    if (!result.inEffect) continue;
    allWeight += result.weight;
    coveredWeight += result.weight * result.coverage;
    if (result.score !== null) {
      scoredWeight += result.weight;
      weightedSum += result.weight * result.score;
    }
  }
  const coverage = allWeight > 0 ? coveredWeight / allWeight : 0;
  const denominator = policy === 'renormalize' ? scoredWeight : allWeight;
  const total = coverage > 0 ? weightedSum / denominator : null;
  return { total, coverage, policy, perspectives: results };
}
