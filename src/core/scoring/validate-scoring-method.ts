import { issue, type ProblemIssue } from '../errors/problem.ts';
import type { Direction } from '../indicators/indicator.ts';
import type { ScoringMethod, ThresholdRule } from './scoring-method.ts';

type Path = readonly (string | number)[];

function validateCap(cap: number | null | undefined, path: Path, issues: ProblemIssue[]): void {
  if (cap === undefined || cap === null) return;
  if (!Number.isFinite(cap) || cap <= 0) {
    issues.push(issue('scoring.cap-not-positive', { cap: String(cap) }, [...path, 'cap']));
  }
}

function validateBandDirection(direction: Direction, path: Path, issues: ProblemIssue[]): void {
  if (direction.kind !== 'band') return;
  if (!Number.isFinite(direction.lower) || !Number.isFinite(direction.upper)) {
    issues.push(issue('scoring.band-direction-edges', {}, path));
  } else if (direction.lower > direction.upper) {
    issues.push(
      issue('scoring.band-direction-reversed', { lower: direction.lower, upper: direction.upper }, path),
    );
  }
}

/** A usable rule's range, with open ends as ±Infinity, and its index in the list. */
interface RuleRange {
  readonly index: number;
  readonly lo: number;
  readonly hi: number;
}

/** Checks each rule on its own; returns the ranges of those that are well formed. */
function validateEachRule(
  rules: readonly ThresholdRule[],
  rulesPath: Path,
  issues: ProblemIssue[],
): RuleRange[] {
  const ranges: RuleRange[] = [];
  rules.forEach((rule, index) => {
    const at = [...rulesPath, index];
    let ok = true;
    for (const end of ['min', 'max'] as const) {
      const value = rule[end];
      if (value !== undefined && !Number.isFinite(value)) {
        issues.push(issue('scoring.rule-end-not-finite', { end, value: String(value) }, [...at, end]));
        ok = false;
      }
    }
    if (ok && rule.min !== undefined && rule.max !== undefined && rule.min >= rule.max) {
      issues.push(issue('scoring.rule-min-not-below-max', { min: rule.min, max: rule.max }, at));
      ok = false;
    }
    if (!Number.isFinite(rule.score) || rule.score < 0) {
      issues.push(issue('scoring.rule-score-negative', { score: String(rule.score) }, [...at, 'score']));
    }
    if (ok) {
      ranges.push({
        index,
        lo: rule.min ?? Number.NEGATIVE_INFINITY,
        hi: rule.max ?? Number.POSITIVE_INFINITY,
      });
    }
  });
  return ranges;
}

function validateRules(rules: readonly ThresholdRule[], path: Path, issues: ProblemIssue[]): void {
  const rulesPath = [...path, 'rules'];
  if (rules.length === 0) {
    issues.push(issue('scoring.no-rules', {}, rulesPath));
    return;
  }
  const ranges = validateEachRule(rules, rulesPath, issues);

  // Rules must not overlap: "first match wins" would otherwise hide part of a rule without anyone noticing.
  let overlapping = false;
  ranges.forEach((a, i) => {
    for (const b of ranges.slice(i + 1)) {
      if (a.lo < b.hi && b.lo < a.hi) {
        overlapping = true;
        issues.push(issue('scoring.rules-overlap', { other: a.index }, [...rulesPath, b.index]));
      }
    }
  });
  if (overlapping) return;

  // Disjoint rules must also be listed in one order (ascending or descending) so that they read as a scale.
  let ascending = 0;
  let descending = 0;
  ranges.forEach((current, k) => {
    const previous = ranges[k - 1];
    if (previous === undefined) return;
    if (previous.hi <= current.lo) ascending++;
    else descending++;
  });
  if (ascending > 0 && descending > 0) {
    issues.push(issue('scoring.rules-order', {}, rulesPath));
  }
}

/**
 * Checks that a scoring method can be used with an indicator's direction, and returns every problem found
 * (an empty list when it is fine): a band method without a band direction, a tolerance ≤ 0, a cap ≤ 0,
 * threshold rules that overlap, are out of order or have an empty range, a linear method on a band direction,
 * a band direction whose lower edge is above its upper edge. When `target` is given, it also checks that a
 * linear floor lies on the worse side of it (below for `higher`, above for `lower`).
 *
 * The methods are those of README.md in this folder; the ratio is seed 002's (002_db9e4dc6af8d1a80.txt §4.2.1).
 *
 * @example
 * validateScoringMethod({ method: 'band', tolerance: 5 }, { kind: 'higher' }, ['indicators', 3, 'scoring'])
 * // [{ path: ['indicators', 3, 'scoring'], code: 'scoring.band-needs-band-direction', params: { direction: 'higher' }, message: 'The band method needs a band direction …' }]
 */
export function validateScoringMethod(
  method: ScoringMethod,
  direction: Direction,
  path: Path = [],
  target?: number | null,
): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  switch (method.method) {
    case 'ratio':
      validateCap(method.cap, path, issues);
      validateBandDirection(direction, path, issues);
      break;
    case 'linear':
      validateCap(method.cap, path, issues);
      if (!Number.isFinite(method.floor)) {
        issues.push(issue('scoring.floor-not-finite', { floor: String(method.floor) }, [...path, 'floor']));
      } else if (direction.kind === 'band') {
        issues.push(issue('scoring.linear-needs-direction', {}, path));
      } else if (target !== undefined && target !== null && Number.isFinite(target)) {
        if (direction.kind === 'higher' && method.floor >= target) {
          const params = { floor: method.floor, target };
          issues.push(issue('scoring.floor-not-below-target', params, [...path, 'floor']));
        } else if (direction.kind === 'lower' && method.floor <= target) {
          const params = { floor: method.floor, target };
          issues.push(issue('scoring.floor-not-above-target', params, [...path, 'floor']));
        }
      }
      break;
    case 'band':
      if (direction.kind !== 'band') {
        issues.push(issue('scoring.band-needs-band-direction', { direction: direction.kind }, path));
      }
      validateBandDirection(direction, path, issues);
      if (!Number.isFinite(method.tolerance) || method.tolerance <= 0) {
        const tolerance = String(method.tolerance);
        issues.push(issue('scoring.tolerance-not-positive', { tolerance }, [...path, 'tolerance']));
      }
      break;
    case 'thresholds':
      validateRules(method.rules, path, issues);
      break;
    case 'rubric':
      break;
    default: {
      // Reached only by input that bypassed the types (e.g. JSON): report it rather than crash.
      const unknown: never = method;
      // Only an untyped caller gets here; name the method it asked for.
      const raw: { readonly method?: unknown } = unknown;
      const shown = JSON.stringify(raw.method) ?? String(raw.method);
      issues.push(issue('scoring.unknown-method', { method: shown }, [...path, 'method']));
    }
  }
  return issues;
}
