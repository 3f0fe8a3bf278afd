/**
 * Compares an evaluation with figures published elsewhere (seed 002's own tables, a previous spreadsheet),
 * so that a user sees where they differ and why. Seed 002 is the case in point: its Table 4.4 weights, its
 * internal-process score and its total do not follow from its own inputs (see the seeds README).
 */
import type { ComparisonFile } from './values-schema.ts';

/** The figures of an evaluation a comparison reads (a ScorecardEvaluation, or its JSON form). */
export interface ComparedEvaluation {
  readonly total: number | null;
  readonly perspectives: readonly {
    readonly id: string;
    readonly score: number | null;
    readonly indicators: readonly {
      readonly id: string;
      readonly weight: number;
      readonly quantified: number | null;
    }[];
  }[];
}

export interface ComparisonRow {
  /** 'total', a perspective id or an indicator id. */
  readonly item: string;
  readonly figure: 'total' | 'perspective score' | 'weight' | 'quantified value';
  readonly published: number;
  readonly computed: number | null;
  /** computed − published, or null when nothing was computed. */
  readonly difference: number | null;
  readonly note?: string;
}

/**
 * Every published figure that differs from the computed one by more than `tolerance` (default: half a unit of
 * the last decimal the publication printed, so rounding alone never counts as a difference).
 *
 * @example comparePublished(evaluation, { source: 'seed 002', total: 93, … }) // [{ item: 'total', published: 93, computed: 92.57, … }]
 */
export function comparePublished(
  evaluation: ComparedEvaluation,
  comparison: ComparisonFile,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const add = (item: string, figure: ComparisonRow['figure'], published: number, computed: number | null) => {
    const difference = computed === null ? null : computed - published;
    if (difference !== null && Math.abs(difference) <= halfUnit(published)) return;
    rows.push({ item, figure, published, computed, difference, note: comparison.notes[item] });
  };
  if (comparison.total !== undefined) add('total', 'total', comparison.total, evaluation.total);
  for (const perspective of evaluation.perspectives) {
    const published = comparison.perspectives[perspective.id];
    if (published !== undefined) add(perspective.id, 'perspective score', published, perspective.score);
  }
  for (const indicator of evaluation.perspectives.flatMap((p) => p.indicators)) {
    const weight = comparison.weights[indicator.id];
    if (weight !== undefined) add(indicator.id, 'weight', weight, indicator.weight);
    const quantified = comparison.quantified[indicator.id];
    if (quantified !== undefined) add(indicator.id, 'quantified value', quantified, indicator.quantified);
  }
  return rows;
}

/** Half a unit in the last printed decimal of `value` (93 → 0.5, 91.9 → 0.05, 0.2559 → 0.00005). */
function halfUnit(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  const decimals = dot === -1 ? 0 : text.length - dot - 1;
  return 0.5 * 10 ** -decimals + 1e-12;
}
