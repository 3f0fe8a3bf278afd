import type { Direction } from '../indicators/indicator.ts';
import {
  clampToCap,
  noValue,
  type Quantified,
  type RatioMethod,
  resolveCap,
  valued,
} from './scoring-method.ts';

/**
 * The ratio method of seed 002 (002_db9e4dc6af8d1a80.txt §4.2.1, under Table 4.8): for a positive (`higher`)
 * indicator actual ÷ target, for a negative (`lower`) one target ÷ actual; clamped to `[0, cap]`.
 *
 * A `band` direction ("keep near 100 %") scores 1 inside the band and otherwise the ratio to the nearest edge,
 * as if that edge were the target: below it, actual ÷ lower; above it, upper ÷ actual. This is how seed 002's
 * budget execution rate (F5, 103.2 % against 100 %) earns its printed 1 where target ÷ actual would give 0.969.
 *
 * Edge cases: a `higher` target ≤ 0 or a `lower` target < 0 gives `undefined-ratio`; a `lower` actual ≤ 0
 * (e.g. mortality 0 %) is the best possible result, so it gets the cap, or `undefined-ratio` when there is no
 * cap. A negative actual for `higher` (a falling growth rate) is clamped to 0.
 *
 * @example scoreRatio(1.8, 2.0, { kind: 'higher' }, { method: 'ratio' }) // { value: 0.9 } (seed 002 F2)
 * @example scoreRatio(37, 30, { kind: 'lower' }, { method: 'ratio' }) // { value: 0.8108… } (seed 002 F6)
 */
export function scoreRatio(
  actual: number,
  target: number | null,
  direction: Direction,
  method: RatioMethod,
): Quantified {
  const cap = resolveCap(method.cap);
  switch (direction.kind) {
    case 'higher':
      if (target === null) return noValue('missing-target');
      if (target <= 0) return noValue('undefined-ratio');
      return valued(clampToCap(actual / target, cap));
    case 'lower':
      if (target === null) return noValue('missing-target');
      if (target < 0) return noValue('undefined-ratio');
      if (actual <= 0) return cap === null ? noValue('undefined-ratio') : valued(cap);
      return valued(clampToCap(target / actual, cap));
    case 'band':
      // The band itself is the target, so a missing target number does not matter here.
      if (actual < direction.lower) {
        if (direction.lower <= 0) return noValue('undefined-ratio');
        return valued(clampToCap(actual / direction.lower, cap));
      }
      if (actual > direction.upper) {
        if (direction.upper <= 0) return noValue('undefined-ratio');
        return valued(clampToCap(direction.upper / actual, cap));
      }
      return valued(clampToCap(1, cap));
  }
}
