import { badRequest, issue, type ProblemIssue } from '../errors/problem.ts';
import type { LocalizedText } from '../indicators/indicator.ts';

/** A named range of 0–100 scores: a score ≥ `min` (and below the next band's `min`) gets this band. */
export interface RatingBand {
  readonly code: string;
  readonly min: number;
  readonly label: LocalizedText;
}

/**
 * Seed 002 Table 4.10 (002_db9e4dc6af8d1a80.txt §4.2.2): very good from 90 (inclusive), good 80–90, fairly
 * good 70–80, average 60–70, below average 50–60, poor below 50. The thesis applies the same scale to the
 * composite score ("V ≥ 90, indicating that AZ Hospital has performed excellently", §4.2.5).
 * The last band starts at 0 rather than −Infinity so that the table survives JSON; scores are never negative.
 */
export const SEED002_RATING_BANDS: readonly RatingBand[] = [
  { code: 'very-good', min: 90, label: { en: 'Very good', zh: '优秀' } },
  { code: 'good', min: 80, label: { en: 'Good', zh: '良好' } },
  { code: 'fairly-good', min: 70, label: { en: 'Fairly good', zh: '较好' } },
  { code: 'average', min: 60, label: { en: 'Average', zh: '一般' } },
  { code: 'below-average', min: 50, label: { en: 'Below average', zh: '较差' } },
  { code: 'poor', min: 0, label: { en: 'Poor', zh: '差' } },
];

/**
 * The rating band of a 0–100 score: the band with the highest `min` that the score reaches (seed 002
 * Table 4.10 by default). The score is used as given: a caller who shows a rounded score should rate the
 * rounded score, so that "90.0" never appears next to "Good".
 * Throws `badRequest` if the score is not finite or lies below every band.
 *
 * @example rate(92.57).code // 'very-good' (seed 002's composite V, recomputed)
 * @example rate(89.999).code // 'good'
 */
export function rate(score: number, bands: readonly RatingBand[] = SEED002_RATING_BANDS): RatingBand {
  if (!Number.isFinite(score)) throw badRequest('scoring.score-not-finite', { score: String(score) });
  let best: RatingBand | undefined;
  for (const band of bands) {
    if (score >= band.min && (best === undefined || band.min > best.min)) best = band;
  }
  if (best === undefined) throw badRequest('scoring.score-below-bands', { score });
  return best;
}

/**
 * Checks a rating scale and returns every problem found (empty when it is fine): at least one band; codes
 * and English labels present and codes unique; every `min` a finite number (or −Infinity for the last) and
 * unique; bands sorted by `min`, highest first (as seed 002 Table 4.10 lists them); and the lowest `min` at
 * 0 or below, so that every possible score (0 and up) gets a band.
 *
 * @example validateRatingBands(SEED002_RATING_BANDS) // []
 * @example validateRatingBands([{ code: 'ok', min: 50, label: { en: 'OK' } }])
 * // [{ path: [0, 'min'], code: 'scoring.lowest-band-above-zero', params: { lowest: 50 }, message: 'The lowest band must start at 0 or below …' }]
 */
export function validateRatingBands(
  bands: readonly RatingBand[],
  path: readonly (string | number)[] = [],
): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  if (bands.length === 0) return [issue('scoring.no-bands', {}, path)];
  const codes = new Map<string, number>();
  const mins = new Map<number, number>();
  bands.forEach((band, index) => {
    const at = [...path, index];
    if (band.code.trim() === '') issues.push(issue('scoring.band-needs-code', {}, [...at, 'code']));
    const sameCode = codes.get(band.code);
    if (sameCode !== undefined) {
      issues.push(issue('scoring.band-code-twice', { code: band.code, band: sameCode }, [...at, 'code']));
    } else codes.set(band.code, index);
    if (band.label.en.trim() === '') {
      issues.push(issue('scoring.band-needs-label', {}, [...at, 'label', 'en']));
    }
    if (Number.isNaN(band.min) || band.min === Number.POSITIVE_INFINITY) {
      issues.push(issue('scoring.band-min-not-number', { min: String(band.min) }, [...at, 'min']));
      return;
    }
    const sameMin = mins.get(band.min);
    if (sameMin !== undefined) {
      issues.push(issue('scoring.band-min-twice', { min: String(band.min), band: sameMin }, [...at, 'min']));
    } else mins.set(band.min, index);
    const previous = bands[index - 1];
    if (previous !== undefined && previous.min < band.min) {
      issues.push(issue('scoring.bands-order', {}, [...at, 'min']));
    }
  });
  const usable = bands
    .map((band) => band.min)
    .filter((min) => !Number.isNaN(min) && min !== Number.POSITIVE_INFINITY);
  const lowest = Math.min(...usable);
  if (usable.length > 0 && lowest > 0) {
    const at = [...path, bands.findIndex((band) => band.min === lowest), 'min'];
    issues.push(issue('scoring.lowest-band-above-zero', { lowest }, at));
  }
  return issues;
}
