import type { ProblemIssue } from '../errors/problem.ts';
import type { Direction } from '../indicators/indicator.ts';
import type { ScoringMethod, ThresholdRule } from './scoring-method.ts';

type Path = readonly (string | number)[];

function validateCap(cap: number | null | undefined, path: Path, issues: ProblemIssue[]): void {
  if (cap === undefined || cap === null) return;
  if (!Number.isFinite(cap) || cap <= 0) {
    issues.push({
      path: [...path, 'cap'],
      message: `The cap must be a number above 0 (or null for none); got ${cap}.`,
    });
  }
}

function validateBandDirection(direction: Direction, path: Path, issues: ProblemIssue[]): void {
  if (direction.kind !== 'band') return;
  if (!Number.isFinite(direction.lower) || !Number.isFinite(direction.upper)) {
    issues.push({ path, message: 'The direction band needs finite lower and upper edges.' });
  } else if (direction.lower > direction.upper) {
    issues.push({
      path,
      message: `The direction band's lower edge (${direction.lower}) is above its upper edge (${direction.upper}).`,
    });
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
        issues.push({
          path: [...at, end],
          message: `${end} must be a finite number or left out; got ${value}.`,
        });
        ok = false;
      }
    }
    if (ok && rule.min !== undefined && rule.max !== undefined && rule.min >= rule.max) {
      issues.push({ path: at, message: `The rule's min (${rule.min}) must be below its max (${rule.max}).` });
      ok = false;
    }
    if (!Number.isFinite(rule.score) || rule.score < 0) {
      issues.push({
        path: [...at, 'score'],
        message: `A score must be a number of 0 or more; got ${rule.score}.`,
      });
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
    issues.push({ path: rulesPath, message: 'The thresholds method needs at least one rule.' });
    return;
  }
  const ranges = validateEachRule(rules, rulesPath, issues);

  // Rules must not overlap: "first match wins" would otherwise hide part of a rule without anyone noticing.
  let overlapping = false;
  ranges.forEach((a, i) => {
    for (const b of ranges.slice(i + 1)) {
      if (a.lo < b.hi && b.lo < a.hi) {
        overlapping = true;
        issues.push({ path: [...rulesPath, b.index], message: `The rule overlaps rule ${a.index}.` });
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
    issues.push({
      path: rulesPath,
      message: 'List the rules in ascending or descending order of their ranges.',
    });
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
 * // [{ path: ['indicators', 3, 'scoring'], message: 'The band method needs a band direction …' }]
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
        issues.push({
          path: [...path, 'floor'],
          message: `The floor must be a finite number; got ${method.floor}.`,
        });
      } else if (direction.kind === 'band') {
        issues.push({
          path,
          message: 'The linear method needs a higher or lower direction; use the band method for a band.',
        });
      } else if (target !== undefined && target !== null && Number.isFinite(target)) {
        if (direction.kind === 'higher' && method.floor >= target) {
          issues.push({
            path: [...path, 'floor'],
            message: `For a higher-is-better indicator the floor (${method.floor}) must be below the target (${target}).`,
          });
        } else if (direction.kind === 'lower' && method.floor <= target) {
          issues.push({
            path: [...path, 'floor'],
            message: `For a lower-is-better indicator the floor (${method.floor}) must be above the target (${target}).`,
          });
        }
      }
      break;
    case 'band':
      if (direction.kind !== 'band') {
        issues.push({
          path,
          message: `The band method needs a band direction; this indicator is ${direction.kind}.`,
        });
      }
      validateBandDirection(direction, path, issues);
      if (!Number.isFinite(method.tolerance) || method.tolerance <= 0) {
        issues.push({
          path: [...path, 'tolerance'],
          message: `The tolerance must be a number above 0; got ${method.tolerance}.`,
        });
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
      issues.push({
        path: [...path, 'method'],
        message: `Unknown scoring method ${JSON.stringify(unknown)}.`,
      });
    }
  }
  return issues;
}
