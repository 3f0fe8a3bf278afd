/**
 * Which data elements of each indicator roll up together (pairwise completeness, src/core/analytics/README.md,
 * rule 4): a parent's ratio sums numerators and denominators only over the children that report both, so the
 * elements of a ratio formula form one pair, unless an element declares `zero` or `required`. In an expression
 * formula, the elements that declare `pairwise` form the pair.
 */
import type { PeriodType } from '../periods/index.ts';
import type { CompiledIndicatorFormula } from './compile-indicator.ts';
import type { CompiledScorecard } from './compile-scorecard.ts';

/** What the pairing needs to know of a data element. */
export interface PairedElement {
  readonly periodType: PeriodType;
  readonly missingValues: 'pairwise' | 'zero' | 'required' | null;
}

export interface IndicatorPair {
  readonly indicator: string;
  /** The element codes rolled up together (two or more, one period type). */
  readonly codes: readonly string[];
  /** The denominator's code when the ratio's denominator is one element of the pair; else null. */
  readonly denominator: string | null;
  readonly periodType: PeriodType;
}

/**
 * The pairs of a scorecard's indicators: for a ratio, its elements that declare `pairwise` or nothing; for an
 * expression, those that declare `pairwise`. Fewer than two such elements, or elements of different period
 * types, make no pair (each element then rolls up by its own rule).
 *
 * @example
 * // occupancy = { numerator: occupied_bed_days, denominator: available_bed_days }, neither declaring a rule:
 * pairsOfScorecard(scorecard, elements) // [{ indicator: 'occupancy', codes: ['occupied_bed_days', 'available_bed_days'], denominator: 'available_bed_days', periodType: 'month' }]
 */
export function pairsOfScorecard(
  scorecard: CompiledScorecard,
  elements: ReadonlyMap<string, PairedElement>,
): IndicatorPair[] {
  const pairs: IndicatorPair[] = [];
  for (const indicator of scorecard.perspectives.flatMap((p) => p.indicators)) {
    const formula = indicator.formula;
    if (!formula || !indicator.inEffect) continue;
    const codes = [...new Set(referencesOf(formula))].filter((code) => {
      const policy = elements.get(code)?.missingValues ?? null;
      return policy === 'pairwise' || (policy === null && formula.type === 'ratio');
    });
    if (codes.length < 2) continue;
    const types = new Set(codes.map((code) => elements.get(code)?.periodType ?? 'month'));
    const [periodType] = types;
    if (types.size !== 1 || periodType === undefined) continue;
    const single = formula.type === 'ratio' ? formula.denominator.references : [];
    const denominator = single.length === 1 && codes.includes(single[0] ?? '') ? (single[0] ?? null) : null;
    pairs.push({ indicator: indicator.id, codes, denominator, periodType });
  }
  return pairs;
}

/** The element codes a formula reads, numerator first. */
export function referencesOf(formula: CompiledIndicatorFormula): string[] {
  return formula.type === 'expression'
    ? [...formula.expression.references]
    : [...formula.numerator.references, ...formula.denominator.references];
}

/**
 * Whether an indicator is a volume: an expression (not a ratio) over elements all summed over months, and not
 * declared a proportion, rate or mean. A volume's yearly target defaults to the sum of its monthly targets
 * (core/targets), a rate's to the yearly one.
 *
 * @example isVolumeIndicator(dischargesIndicator, new Map([['discharges', { timeAggregation: 'sum' }]])) // true
 */
export function isVolumeIndicator(
  indicator: CompiledScorecard['perspectives'][number]['indicators'][number],
  elements: ReadonlyMap<string, { readonly timeAggregation: string }>,
): boolean {
  const formula = indicator.formula;
  if (formula?.type !== 'expression' || indicator.statistic !== undefined) return false;
  const refs = formula.expression.references;
  return refs.length > 0 && refs.every((code) => elements.get(code)?.timeAggregation === 'sum');
}
