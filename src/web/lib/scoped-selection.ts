/**
 * The selection a user's roles allow (issue 17): a department's data-entry clerk or a branch director must land
 * on a scorecard that applies to a unit of their own subtree, not on the installation's first scorecard applied
 * to a unit they may not read, and the header must offer only the units they hold a role over. Users with a role
 * over the whole installation keep the default (the demo's views, the first scorecard and top unit).
 */
import { appliesTo } from './org-unit-tree.ts';
import { type Assignment, rolesOver, type UnitLink } from './roles.ts';
import type { Selection } from './selection.ts';

/** The units a scorecard applies to (`GET /api/scorecards/:code/org-units`). */
export type ScorecardUnits = readonly { readonly orgUnit: string; readonly includeDescendants: boolean }[];

export interface ScopeFacts {
  /** The signed-in user's role assignments (the session). */
  readonly assignments: readonly Assignment[];
  /** The org units in the server's order. */
  readonly units: readonly UnitLink[];
  /** The scorecards in the server's order, each with the units it applies to. */
  readonly scorecards: readonly { readonly code: string; readonly units: ScorecardUnits }[];
  /** The scorecard and unit the user last looked at (`GET /api/me/last-view`). */
  readonly lastView: { readonly scorecard: string | null; readonly orgUnit: string | null } | null;
}

/** Whether the user holds a role over the whole installation. */
export function seesEverything(assignments: readonly Assignment[]): boolean {
  return assignments.some((assignment) => assignment.orgUnit === null);
}

/**
 * The units the user holds a role over (their subtrees), in the server's order; every unit for a user with a
 * role over the whole installation.
 *
 * @example unitsInScope([{ role: 'entry', orgUnit: 'B1' }], [{ code: 'G', parent: null }, { code: 'B1', parent: 'G' }]) // [{ code: 'B1', parent: 'G' }]
 */
export function unitsInScope<U extends UnitLink>(
  assignments: readonly Assignment[],
  units: readonly U[],
): U[] {
  if (seesEverything(assignments)) return [...units];
  return units.filter((unit) => rolesOver(assignments, unit.code, units).size > 0);
}

/**
 * The first unit in scope (highest first: the units come parents before children) that `scorecard` applies to;
 * undefined when it applies to none of them.
 *
 * @example unitForScorecard([{ orgUnit: 'B1', includeDescendants: false }], ['G', 'B1'], units) // 'B1' when both are in scope
 */
export function unitForScorecard(
  scorecardUnits: ScorecardUnits,
  scope: readonly string[],
  units: readonly UnitLink[],
): string | undefined {
  return scope.find((code) => appliesTo(code, scorecardUnits, units));
}

/** The units in scope, the tops of the user's subtrees first, then the rest in the server's order. */
function scopeOrder(facts: ScopeFacts): string[] {
  const inScope = unitsInScope(facts.assignments, facts.units).map((unit) => unit.code);
  const tops = facts.assignments.flatMap((a) =>
    a.orgUnit !== null && inScope.includes(a.orgUnit) ? [a.orgUnit] : [],
  );
  return [...new Set([...tops, ...inScope])];
}

/**
 * What the address leaves out of the scorecard and unit, for a user whose roles cover part of the
 * installation: the last view when it is still there and in scope; else the first scorecard that applies to a
 * unit in scope, on the highest such unit; else the top of the user's subtree. The period is left to the
 * default (`resolveSelection`). Returns the partial selection unchanged for a user who sees everything (their
 * last view aside) or when the address names both.
 *
 * @example scopedDefaults({}, entryFacts) // { scorecard: 'UMG-DEPT', orgUnit: 'UMG-B1-INTM' }
 */
export function scopedDefaults(partial: Partial<Selection>, facts: ScopeFacts): Partial<Selection> {
  if (partial.scorecard !== undefined && partial.orgUnit !== undefined) return partial;
  const codes = new Set(facts.scorecards.map((scorecard) => scorecard.code));
  const everything = seesEverything(facts.assignments);
  const scope = everything ? facts.units.map((unit) => unit.code) : scopeOrder(facts);
  const last = facts.lastView;
  if (
    partial.scorecard === undefined &&
    partial.orgUnit === undefined &&
    last !== null &&
    last.scorecard !== null &&
    last.orgUnit !== null &&
    codes.has(last.scorecard) &&
    scope.includes(last.orgUnit)
  ) {
    return { ...partial, scorecard: last.scorecard, orgUnit: last.orgUnit };
  }
  if (everything) return partial;
  const units = partial.orgUnit === undefined ? scope : [partial.orgUnit];
  const candidates =
    partial.scorecard === undefined
      ? facts.scorecards
      : facts.scorecards.filter((scorecard) => scorecard.code === partial.scorecard);
  for (const unit of units) {
    const scorecard = candidates.find((card) => appliesTo(unit, card.units, facts.units));
    if (scorecard !== undefined) return { ...partial, scorecard: scorecard.code, orgUnit: unit };
  }
  const top = scope[0];
  return { ...partial, ...(partial.orgUnit === undefined && top !== undefined ? { orgUnit: top } : {}) };
}
