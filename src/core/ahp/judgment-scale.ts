import type { JudgmentScale } from './types.ts';

/** Tolerance for "on the scale": 1/9 stored as a float must still count as 1/9. */
export const SCALE_TOLERANCE = 1e-9;

interface ScaleSpec {
  readonly label: string;
  /** Largest allowed judgment; the smallest is its reciprocal. Infinity for `any`. */
  readonly max: number;
}

const SCALES: Readonly<Record<JudgmentScale, ScaleSpec>> = {
  saaty: { label: 'Saaty 1–9 scale (1/9 to 9)', max: 9 },
  'five-point': { label: 'five-point scale of seed 002 Table 2.1 (1/5 to 5)', max: 5 },
  any: { label: 'any positive number', max: Number.POSITIVE_INFINITY },
};

/** A human label for messages, e.g. "Saaty 1–9 scale (1/9 to 9)". */
export function describeScale(scale: JudgmentScale): string {
  return SCALES[scale].label;
}

/** Whether a positive judgment lies within the scale's range (seed 002 Table 2.1 allows non-integers such as 1.5). */
export function isOnScale(value: number, scale: JudgmentScale): boolean {
  const { max } = SCALES[scale];
  return value <= max + SCALE_TOLERANCE && value >= 1 / max - SCALE_TOLERANCE;
}

/**
 * The scale's grid of verbal judgments — the integers 1..max and their reciprocals — or undefined for `any`.
 * Saaty's fundamental scale (Saaty 1980, Table 1.1); seed 002 Table 2.1 for the five-point scale.
 */
function scaleGrid(scale: JudgmentScale): readonly number[] | undefined {
  const { max } = SCALES[scale];
  if (!Number.isFinite(max)) return undefined;
  const grid: number[] = [];
  for (let k = max; k >= 2; k--) grid.push(1 / k);
  for (let k = 1; k <= max; k++) grid.push(k);
  return grid;
}

/**
 * The grid value nearest to `value` in log distance |ln(g / value)|, so 1/3 and 3 are equally far from 1.
 * For scale `any` the value itself. Ties go to the smaller grid value.
 *
 * @example nearestOnScale(2.56, 'saaty') // 3
 * @example nearestOnScale(0.45, 'five-point') // 0.5
 */
export function nearestOnScale(value: number, scale: JudgmentScale): number {
  const grid = scaleGrid(scale);
  if (grid === undefined) return value;
  let best = 1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const g of grid) {
    const distance = Math.abs(Math.log(g / value));
    if (distance < bestDistance - 1e-12) {
      best = g;
      bestDistance = distance;
    }
  }
  return best;
}
