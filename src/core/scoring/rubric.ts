import { badRequest } from '../errors/problem.ts';
import { noValue, type Quantified, valued } from './scoring-method.ts';

/** Seed 002 rates qualitative indicators on a 100-point scale (Table 4.10: "90 points", "below 50 points"). */
export const RUBRIC_MAX = 100;

/**
 * Checks one rating on the 0–100 scale and throws `badRequest` if it is not a finite number inside it.
 * Seed 002's text allows "an additional 1–5 points" for outstanding performance (§4.2.2, under Table 4.10),
 * yet every rating in Table 4.11 stays within 100; a rating above 100 is more likely a typing error, so the
 * bonus has to be given inside the scale.
 */
export function assertRating(rating: number, path: readonly (string | number)[]): void {
  if (!Number.isFinite(rating) || rating < 0 || rating > RUBRIC_MAX) {
    throw badRequest('scoring.rating-out-of-range', { max: RUBRIC_MAX, rating: String(rating) }, path);
  }
}

/**
 * The rubric method for qualitative indicators (seed 002 §4.2.2, Tables 4.10–4.11): the mean of the raters'
 * 0–100 scores, divided by 100, so that a rating of 95 weighs like a quantified value of 0.95 (Table 4.13:
 * patient satisfaction, weight 0.3392 × 95 = 32.224 points). No ratings → `no-ratings`.
 * Throws `badRequest` (path = index of the rating) if a rating is outside 0..100 or not finite.
 *
 * @example quantifyRubric([95]) // { value: 0.95 } (seed 002 Table 4.11, patient satisfaction)
 * @example quantifyRubric([80, 90, 94]) // { value: 0.88 }
 */
export function quantifyRubric(ratings: readonly number[]): Quantified {
  if (ratings.length === 0) return noValue('no-ratings');
  let sum = 0;
  ratings.forEach((rating, index) => {
    assertRating(rating, [index]);
    sum += rating;
  });
  return valued(sum / ratings.length / RUBRIC_MAX);
}
