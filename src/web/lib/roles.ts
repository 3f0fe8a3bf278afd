/**
 * Which roles the signed-in user holds over an org unit, from the session's assignments (a role over a unit
 * covers its whole subtree; `orgUnit` null covers everything: core/access/policy.ts). The pages use it only to
 * offer or hide buttons; the server decides.
 */
import type { Role } from '../../core/access/principal.ts';

export interface Assignment {
  readonly role: Role;
  readonly orgUnit: string | null;
}

export interface UnitLink {
  readonly code: string;
  readonly parent: string | null;
}

/**
 * The roles held over `unit`: those assigned on it, on any ancestor, or everywhere.
 *
 * @example rolesOver([{ role: 'approver', orgUnit: 'UMG-B1' }], 'UMG-B1-INTM', units) // Set { 'approver' }
 */
export function rolesOver(
  assignments: readonly Assignment[],
  unit: string,
  units: readonly UnitLink[],
): Set<Role> {
  const parents = new Map(units.map((link) => [link.code, link.parent]));
  const chain = new Set<string>();
  for (
    let code: string | null | undefined = unit;
    code != null && !chain.has(code);
    code = parents.get(code)
  ) {
    chain.add(code);
  }
  return new Set(
    assignments
      .filter((assignment) => assignment.orgUnit === null || chain.has(assignment.orgUnit))
      .map((assignment) => assignment.role),
  );
}

/** Whether any of `wanted` is among `held`. */
export function holdsAny(held: ReadonlySet<Role>, wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.has(role));
}
