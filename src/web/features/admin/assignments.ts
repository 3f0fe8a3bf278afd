/**
 * Role assignments (a role over an org unit's subtree, or over the whole installation) as the users table and
 * form show and edit them. The words ("whole installation", the role names) are translated by the view; this
 * decides what each label is made of and keeps the list free of duplicates, as the server would.
 */
import type { Role } from '../../../core/access/principal.ts';

export interface Assignment {
  readonly role: Role;
  /** The subtree's top unit; null for the whole installation. */
  readonly orgUnit: string | null;
}

export interface AssignmentLabel {
  readonly role: Role;
  /** The unit's name in the interface's language (its code when the unit is not in the list); null: everywhere. */
  readonly unitName: string | null;
  readonly unitCode: string | null;
}

/**
 * What an assignment's tag says: the role, and the unit by name (falling back to its code, e.g. a unit outside
 * the lists the admin reads).
 *
 * @example assignmentLabel({ role: 'entry', orgUnit: 'UMG-B1-INTM' }, new Map([['UMG-B1-INTM', 'Internal medicine']]))
 * // { role: 'entry', unitName: 'Internal medicine', unitCode: 'UMG-B1-INTM' }
 */
export function assignmentLabel(
  assignment: Assignment,
  unitNames: ReadonlyMap<string, string>,
): AssignmentLabel {
  if (assignment.orgUnit === null) return { role: assignment.role, unitName: null, unitCode: null };
  return {
    role: assignment.role,
    unitName: unitNames.get(assignment.orgUnit) ?? assignment.orgUnit,
    unitCode: assignment.orgUnit,
  };
}

/** One key per role × scope (`entry@UMG-B1`, `admin@*`). */
export function assignmentKey(assignment: Assignment): string {
  return `${assignment.role}@${assignment.orgUnit ?? '*'}`;
}

/**
 * The list with `added` appended, unless the same role over the same scope is there already.
 *
 * @example addAssignment([{ role: 'viewer', orgUnit: 'UMG' }], { role: 'viewer', orgUnit: 'UMG' }).length // 1
 */
export function addAssignment(list: readonly Assignment[], added: Assignment): Assignment[] {
  const key = assignmentKey(added);
  return list.some((item) => assignmentKey(item) === key) ? [...list] : [...list, added];
}

/** The list without the assignment of this key. */
export function removeAssignment(list: readonly Assignment[], key: string): Assignment[] {
  return list.filter((item) => assignmentKey(item) !== key);
}
