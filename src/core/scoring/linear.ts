import type { Direction } from '../indicators/indicator.ts';
import {
  clampToCap,
  type LinearMethod,
  noValue,
  type Quantified,
  resolveCap,
  valued,
} from './scoring-method.ts';

/**
 * The linear method: a straight line through (floor, 0) and (target, 1), extended beyond the target up to
 * `cap` (default 1, `null` for none) and held at 0 past the floor.
 *
 * For `higher`: (actual − floor) ÷ (target − floor), with floor < target.
 * For `lower`: (floor − actual) ÷ (floor − target), with floor > target (the floor is the worst value).
 * A band direction is not accepted: `quantify` rejects it (use the `band` method).
 *
 * It answers a weakness of seed 002's ratio (002_db9e4dc6af8d1a80.txt §4.2.1): the ratio gives 0.8 for a
 * return on assets of 16 % against 20 % even if 16 % is a poor result; a floor says where "nothing earned"
 * starts, so the scale between the floor and the target is the hospital's own choice.
 *
 * The caller (`quantify`) has already checked that the floor is on the right side of the target.
 *
 * @example scoreLinear(80, 90, { kind: 'higher' }, { method: 'linear', floor: 50 }) // { value: 0.75 }
 * @example scoreLinear(9, 6, { kind: 'lower' }, { method: 'linear', floor: 12 }) // { value: 0.5 }
 */
export function scoreLinear(
  actual: number,
  target: number | null,
  direction: Direction,
  method: LinearMethod,
): Quantified {
  if (target === null) return noValue('missing-target');
  const cap = resolveCap(method.cap);
  const { floor } = method;
  const raw =
    direction.kind === 'lower' ? (floor - actual) / (floor - target) : (actual - floor) / (target - floor);
  return valued(clampToCap(raw, cap));
}
