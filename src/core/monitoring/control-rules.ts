/**
 * The run rules that call a point a special cause, as the Western Electric Handbook (1956) and Nelson L.S.
 * (1984), "The Shewhart control chart — tests for special causes", J Quality Technology 16(4):237–239, state
 * them; the NHS Improvement "Making data count" (2019) guide uses the same four for health-care series:
 *
 * - `beyond-limits`: a point above the upper or below the lower 3σ limit;
 * - `shift`: 8 or more points in a row on one side of the centre line (a point on the line breaks the run);
 * - `trend`: 6 or more points in a row each higher than the one before (or each lower; a tie breaks it);
 * - `two-of-three`: 2 of 3 points in a row beyond 2σ on the same side of the centre.
 *
 * Points without data are passed over: the rules read the points that have a value, in order.
 */

export type ControlRule = 'beyond-limits' | 'shift' | 'trend' | 'two-of-three';

export const CONTROL_RULES: readonly ControlRule[] = ['beyond-limits', 'shift', 'trend', 'two-of-three'];

/** A rule that fired and the points (indices into the series) it marks. */
export interface ControlSignal {
  readonly rule: ControlRule;
  readonly points: readonly number[];
}

export interface RulePoint {
  readonly value: number | null;
  /** 1σ at this point (it varies with the denominator on p and u charts). */
  readonly sigma: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const SHIFT_RUN = 8;
export const TREND_RUN = 6;

interface Present {
  readonly index: number;
  readonly value: number;
  readonly sigma: number;
  readonly lower: number;
  readonly upper: number;
}

/** Marks every point of each maximal run whose members satisfy `step(prev, next)`, when the run is long enough. */
function runs(points: readonly Present[], length: number, joins: (a: Present, b: Present) => boolean) {
  const marked: number[] = [];
  let start = 0;
  for (let i = 1; i <= points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a !== undefined && b !== undefined && joins(a, b)) continue;
    if (i - start >= length) for (let k = start; k < i; k++) marked.push(points[k]?.index ?? -1);
    start = i;
  }
  return marked;
}

/**
 * The rules that fire on a charted series, in the order of `CONTROL_RULES`, each with the points it marks.
 *
 * @example
 * detectSignals([1, 2, 3, 4, 5, 6].map((v) => ({ value: v, sigma: 10, lower: -30, upper: 30 })), 0)
 * // [{ rule: 'trend', points: [0, 1, 2, 3, 4, 5] }]
 */
export function detectSignals(points: readonly RulePoint[], centre: number): ControlSignal[] {
  const present: Present[] = [];
  for (const [index, p] of points.entries()) {
    if (p.value === null || p.sigma === null || p.lower === null || p.upper === null) continue;
    present.push({ index, value: p.value, sigma: p.sigma, lower: p.lower, upper: p.upper });
  }
  const side = (p: Present) => Math.sign(p.value - centre);
  const found: Record<ControlRule, number[]> = {
    'beyond-limits': present.filter((p) => p.value > p.upper || p.value < p.lower).map((p) => p.index),
    shift: runs(present, SHIFT_RUN, (a, b) => side(a) !== 0 && side(a) === side(b)),
    trend: [
      ...runs(present, TREND_RUN, (a, b) => b.value > a.value),
      ...runs(present, TREND_RUN, (a, b) => b.value < a.value),
    ],
    'two-of-three': twoOfThree(present, centre),
  };
  return CONTROL_RULES.filter((rule) => found[rule].length > 0).map((rule) => ({
    rule,
    points: [...new Set(found[rule])].sort((a, b) => a - b),
  }));
}

function twoOfThree(present: readonly Present[], centre: number): number[] {
  const zone = (p: Present) => {
    if (p.value > centre + 2 * p.sigma) return 1;
    if (p.value < centre - 2 * p.sigma) return -1;
    return 0;
  };
  const marked: number[] = [];
  for (let i = 0; i + 3 <= present.length; i++) {
    const window = present.slice(i, i + 3);
    for (const s of [1, -1]) {
      const beyond = window.filter((p) => zone(p) === s);
      if (beyond.length >= 2) marked.push(...beyond.map((p) => p.index));
    }
  }
  return marked;
}
