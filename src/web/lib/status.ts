/**
 * The colours of an indicator's status and of a rating, in one place so the scorecard table, the best/worst
 * lists and the heatmap always agree. The status itself comes with every indicator of an evaluation: the web
 * shows it, it never works it out.
 */
import type { IndicatorJson } from './api/evaluations.ts';

/** An indicator's status as the evaluation sends it (core/scoring/status.ts decides it, by the thresholds). */
export type IndicatorStatus = IndicatorJson['status'];

/** The colours of the statuses (Ant Design's green-6, gold-6, red-6; grey for no data). */
export const STATUS_COLORS: Readonly<Record<IndicatorStatus, string>> = {
  met: '#389e0d',
  watch: '#d48806',
  'off-track': '#cf1322',
  'no-data': '#bfbfbf',
};

/**
 * The colour of seed 002's rating bands (Table 4.10: very good ≥ 90, good ≥ 80, fairly good ≥ 70, average
 * ≥ 60, below average ≥ 50, poor): green for the top two, amber for the middle two, red for the bottom two.
 */
const RATING_COLORS: Readonly<Record<string, string>> = {
  'very-good': '#389e0d',
  good: '#7cb305',
  'fairly-good': '#d48806',
  average: '#d46b08',
  'below-average': '#d4380d',
  poor: '#cf1322',
};

/**
 * The colour of a rating: by its code when it is one of seed 002's bands; a scorecard with bands of its own
 * is coloured by the score on the same 0–100 scale.
 *
 * @example ratingColor('very-good', 92.57) // '#389e0d'
 */
export function ratingColor(ratingCode: string | null, total: number | null): string {
  const known = ratingCode === null ? undefined : RATING_COLORS[ratingCode];
  if (known !== undefined) return known;
  if (total === null || !Number.isFinite(total)) return STATUS_COLORS['no-data'];
  if (total >= 90) return '#389e0d';
  if (total >= 70) return '#d48806';
  return '#cf1322';
}
