/**
 * Org units as the server lists them (flat, each with its parent's code) → the tree the org-unit picker shows,
 * and the test of whether a scorecard applies to a unit.
 */
import type { Language } from './i18n/languages.ts';
import { localize } from './i18n/languages.ts';

export interface UnitRow {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh?: string | undefined };
  readonly parent: string | null;
  readonly sortOrder: number;
}

export interface UnitTreeNode {
  readonly value: string;
  readonly title: string;
  /** What a picker shows once the unit is chosen (a department with its hospital: unit-label.ts), when asked for. */
  readonly label?: string;
  readonly children: UnitTreeNode[];
}

/**
 * The units as a forest, each level ordered by `sortOrder` then code; a unit whose parent is missing from the
 * list (outside the user's scope, later) becomes a root rather than disappearing. `labelOf`, when given, names a
 * chosen unit as a picker shows it (`label`).
 *
 * @example buildUnitTree(units, 'zh-CN')[0] // { value: 'AZ', title: 'AZ医院', children: [] }
 */
export function buildUnitTree(
  units: readonly UnitRow[],
  language: Language,
  labelOf?: (code: string) => string,
): UnitTreeNode[] {
  const known = new Set(units.map((unit) => unit.code));
  const childrenOf = new Map<string | null, UnitRow[]>();
  for (const unit of units) {
    const key = unit.parent !== null && known.has(unit.parent) ? unit.parent : null;
    const list = childrenOf.get(key) ?? [];
    list.push(unit);
    childrenOf.set(key, list);
  }
  const build = (parent: string | null): UnitTreeNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
      .map((unit) => {
        const title = localize(unit.name, language);
        return {
          value: unit.code,
          title,
          ...(labelOf === undefined ? {} : { label: labelOf(unit.code) }),
          children: build(unit.code),
        };
      });
  return build(null);
}

/**
 * Whether a scorecard assigned to `assignments` applies to `unit`: the unit is assigned itself, or one of its
 * ancestors is assigned with its descendants.
 *
 * @example appliesTo('UMG-HEAD', [{ orgUnit: 'UMG', includeDescendants: true }], units) // true
 */
export function appliesTo(
  unit: string,
  assignments: readonly { readonly orgUnit: string; readonly includeDescendants: boolean }[],
  units: readonly Pick<UnitRow, 'code' | 'parent'>[],
): boolean {
  const parentOf = new Map(units.map((row) => [row.code, row.parent]));
  if (assignments.some((assignment) => assignment.orgUnit === unit)) return true;
  const seen = new Set<string>([unit]);
  let current = parentOf.get(unit) ?? null;
  while (current !== null && !seen.has(current)) {
    const ancestor = current;
    if (assignments.some((assignment) => assignment.orgUnit === ancestor && assignment.includeDescendants)) {
      return true;
    }
    seen.add(ancestor);
    current = parentOf.get(ancestor) ?? null;
  }
  return false;
}
