/**
 * The two-sided judgment scale the survey pages show: a pair (A, B) is judged by which side is more important and
 * how much (1 = equal, up to 9 on Saaty's scale or 5 on seed 002's Table 2.1), stored as the matrix entry a_AB
 * (intensity when A is the more important, its reciprocal when B is). The meanings are translation keys
 * (`judgmentScale.<scale>.<intensity>`), so the strategist's form and the expert's questionnaire word them alike.
 */

export type SurveyScale = 'saaty' | 'five-point';

/** The largest intensity of each scale (Saaty 1980, Table 1.1; seed 002 Table 2.1). */
export const SCALE_MAX: Readonly<Record<SurveyScale, number>> = { saaty: 9, 'five-point': 5 };

/** Which item of a pair the judgment favours: the first (A), the second (B), or neither (equal). */
export type Side = 'first' | 'second' | 'equal';

export interface Judgment {
  readonly side: Side;
  /** 1 for equal, else 2..max. */
  readonly intensity: number;
}

/** The intensities of a scale, 1..max. */
export function intensities(scale: SurveyScale): number[] {
  return Array.from({ length: SCALE_MAX[scale] }, (_, k) => k + 1);
}

/**
 * The matrix entry a_AB of a judgment.
 *
 * @example judgmentValue({ side: 'second', intensity: 3 }) // 1/3
 */
export function judgmentValue(judgment: Judgment): number {
  if (judgment.side === 'equal' || judgment.intensity === 1) return 1;
  return judgment.side === 'first' ? judgment.intensity : 1 / judgment.intensity;
}

/**
 * The judgment a matrix entry stands for, rounded to the nearest whole intensity on the log scale (a suggested
 * 2.56 is shown as 3); entries beyond the scale are clamped to its ends.
 *
 * @example judgmentOf(0.25, 'saaty') // { side: 'second', intensity: 4 }
 */
export function judgmentOf(value: number, scale: SurveyScale): Judgment {
  const max = SCALE_MAX[scale];
  const magnitude = value >= 1 ? value : 1 / value;
  const intensity = Math.min(max, Math.max(1, Math.round(magnitude)));
  if (intensity === 1) return { side: 'equal', intensity: 1 };
  return { side: value > 1 ? 'first' : 'second', intensity };
}

/**
 * The positions of the two-sided scale, left to right: the first item's side from max down to 2, equal, then the
 * second item's side from 2 up to max.
 *
 * @example scalePositions('five-point').map(judgmentValue) // [5, 4, 3, 2, 1, 1/2, 1/3, 1/4, 1/5]
 */
export function scalePositions(scale: SurveyScale): Judgment[] {
  const steps = intensities(scale).filter((k) => k > 1);
  return [
    ...[...steps].reverse().map((intensity): Judgment => ({ side: 'first', intensity })),
    { side: 'equal', intensity: 1 },
    ...steps.map((intensity): Judgment => ({ side: 'second', intensity })),
  ];
}

/** Whether two judgments are the same position of the scale. */
export function isSameJudgment(a: Judgment, b: Judgment): boolean {
  return a.intensity === b.intensity && (a.intensity === 1 || a.side === b.side);
}

/** A matrix entry as a short fraction: 3, 1/3, 1 (suggested values keep two decimals: 2.56, 1/2.56). */
export function formatJudgment(value: number): string {
  const round = (x: number) =>
    Number.isInteger(Math.round(x * 100) / 100) ? String(Math.round(x)) : x.toFixed(2);
  return value >= 1 ? round(value) : `1/${round(1 / value)}`;
}

/** The meanings' translation keys, written out so the typed `t()` and the i18n check see every one. */
const MEANING_KEYS = {
  saaty: [
    'judgmentScale.saaty.1',
    'judgmentScale.saaty.2',
    'judgmentScale.saaty.3',
    'judgmentScale.saaty.4',
    'judgmentScale.saaty.5',
    'judgmentScale.saaty.6',
    'judgmentScale.saaty.7',
    'judgmentScale.saaty.8',
    'judgmentScale.saaty.9',
  ],
  'five-point': [
    'judgmentScale.fivePoint.1',
    'judgmentScale.fivePoint.2',
    'judgmentScale.fivePoint.3',
    'judgmentScale.fivePoint.4',
    'judgmentScale.fivePoint.5',
  ],
} as const;

export type MeaningKey = (typeof MEANING_KEYS)[SurveyScale][number];

/**
 * The translation key of an intensity's meaning (clamped to the scale).
 *
 * @example meaningKey('five-point', 3) // 'judgmentScale.fivePoint.3'
 */
export function meaningKey(scale: SurveyScale, intensity: number): MeaningKey {
  const keys = MEANING_KEYS[scale];
  return keys[Math.min(keys.length, Math.max(1, Math.round(intensity))) - 1] ?? keys[0];
}
