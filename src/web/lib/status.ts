/**
 * The traffic-light status of an indicator and the colour of a rating: one place for the thresholds, so the
 * scorecard table, the best/worst lists and the heatmap always agree.
 */

/**
 * An indicator's quantified value (actual against target, 1 = target met) → status: met at 1 and above,
 * "watch" from 0.9, "off track" below 0.9 (the web issue's red/amber/green rule: green when the target is met,
 * amber within 10 % of it). Change it here and every page follows.
 */
export const STATUS_THRESHOLDS = { met: 1, watch: 0.9 } as const;

export type IndicatorStatus = 'met' | 'watch' | 'off-track' | 'no-data';

/** The colours of the statuses (Ant Design's green-6, gold-6, red-6; grey for no data). */
export const STATUS_COLORS: Readonly<Record<IndicatorStatus, string>> = {
  met: '#389e0d',
  watch: '#d48806',
  'off-track': '#cf1322',
  'no-data': '#bfbfbf',
};

/**
 * @example statusOf(1) // 'met'
 * @example statusOf(0.9) // 'watch'
 * @example statusOf(0.8) // 'off-track'
 */
export function statusOf(quantified: number | null | undefined): IndicatorStatus {
  if (typeof quantified !== 'number' || !Number.isFinite(quantified)) return 'no-data';
  if (quantified >= STATUS_THRESHOLDS.met) return 'met';
  if (quantified >= STATUS_THRESHOLDS.watch) return 'watch';
  return 'off-track';
}

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
