/**
 * The judgment scales a survey offers, each value with its meaning, as the questionnaire shows them.
 */
import type { ScaleMeaning, SurveyScale } from '../contracts/surveys.ts';

/**
 * Saaty's fundamental scale (Saaty, T.L. 1980, The Analytic Hierarchy Process, Table 1.1): odd values named,
 * even values between them.
 */
const SAATY: readonly ScaleMeaning[] = [
  { value: 1, meaning: { en: 'Equally important', zh: '同等重要' } },
  { value: 2, meaning: { en: 'Between equally and moderately', zh: '介于同等与稍微重要之间' } },
  { value: 3, meaning: { en: 'Moderately more important', zh: '稍微重要' } },
  { value: 4, meaning: { en: 'Between moderately and strongly', zh: '介于稍微与明显重要之间' } },
  { value: 5, meaning: { en: 'Strongly more important', zh: '明显重要' } },
  { value: 6, meaning: { en: 'Between strongly and very strongly', zh: '介于明显与强烈重要之间' } },
  { value: 7, meaning: { en: 'Very strongly more important', zh: '强烈重要' } },
  { value: 8, meaning: { en: 'Between very strongly and extremely', zh: '介于强烈与极端重要之间' } },
  { value: 9, meaning: { en: 'Extremely more important', zh: '极端重要' } },
];

/** The five-point scale of seed 002 (002_db9e4dc6af8d1a80.txt, Table 2.1, "Relative Importance Scale"). */
const FIVE_POINT: readonly ScaleMeaning[] = [
  { value: 1, meaning: { en: 'Equally important', zh: '同等重要' } },
  { value: 2, meaning: { en: 'Slightly more important', zh: '稍微重要' } },
  { value: 3, meaning: { en: 'Moderately more important', zh: '明显重要' } },
  { value: 4, meaning: { en: 'Strongly more important', zh: '强烈重要' } },
  { value: 5, meaning: { en: 'Extremely more important', zh: '极端重要' } },
];

/**
 * The values of a scale from 1 up, each with its meaning ("the former is … than the latter"); a reciprocal 1/v
 * reads the other way round.
 *
 * @example scaleMeanings('five-point')[1] // { value: 2, meaning: { en: 'Slightly more important', zh: '稍微重要' } }
 */
export function scaleMeanings(scale: SurveyScale): readonly ScaleMeaning[] {
  return scale === 'saaty' ? SAATY : FIVE_POINT;
}

/** The largest judgment of a scale: 9 for Saaty's, 5 for seed 002's. */
export function scaleMax(scale: SurveyScale): number {
  return scale === 'saaty' ? 9 : 5;
}

/**
 * Whether `value` is a judgment the scale allows: within [1/max, max] (seed 002 Table 2.1 allows values
 * between the named ones, such as 1.5 or 2/3).
 *
 * @example isJudgmentOnScale(1 / 9, 'saaty') // true
 * @example isJudgmentOnScale(7, 'five-point') // false
 */
export function isJudgmentOnScale(value: number, scale: SurveyScale): boolean {
  const max = scaleMax(scale);
  return Number.isFinite(value) && value > 0 && value <= max + 1e-9 && value >= 1 / max - 1e-9;
}
