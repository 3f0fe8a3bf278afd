/**
 * Which roles a directory or identity-provider user gets from their groups (issue 17 §4): a configured table
 * of group → role over an org unit (by code; none: the whole installation). A user in no mapped group gets no
 * role, and so sees no data until an administrator gives one.
 *
 * Groups are matched without regard to case (LDAP compares DNs and `cn`s case-insensitively) and by either the
 * full DN or the group's first RDN value (`cn=Nurses,ou=groups,dc=h` is also `Nurses`), since Active Directory's
 * `memberOf` gives DNs while OIDC providers usually send names.
 */
import type { Role } from './principal.ts';

export interface GroupMapping {
  /** A group's DN or name, as the directory or the provider's `groups` claim gives it. */
  readonly group: string;
  readonly role: Role;
  /** The org unit's code; null: over the whole installation. */
  readonly unit: string | null;
}

export interface MappedRole {
  readonly role: Role;
  readonly unit: string | null;
}

/** The forms a group can be matched by: the whole name or DN, and a DN's first RDN value, lower-cased. */
function groupKeys(group: string): string[] {
  const whole = group
    .trim()
    .toLowerCase()
    .replace(/\s*,\s*/g, ',');
  const rdn = /^[a-z][a-z0-9-]*=((?:\\,|[^,])+),/i.exec(whole);
  return rdn?.[1] === undefined ? [whole] : [whole, rdn[1].replace(/\\,/g, ',')];
}

/**
 * The roles `groups` give under `mapping`, each role × unit once, in the mapping's order.
 *
 * @example
 * rolesForGroups(['cn=Nurses,ou=groups,dc=hospital,dc=test'], [{ group: 'nurses', role: 'entry', unit: 'SURG' }])
 * // [{ role: 'entry', unit: 'SURG' }]
 */
export function rolesForGroups(
  groups: readonly string[],
  mapping: readonly GroupMapping[],
): readonly MappedRole[] {
  const held = new Set(groups.flatMap(groupKeys));
  const seen = new Set<string>();
  const roles: MappedRole[] = [];
  for (const entry of mapping) {
    if (!groupKeys(entry.group).some((key) => held.has(key))) continue;
    const key = `${entry.role}@${entry.unit ?? '*'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push({ role: entry.role, unit: entry.unit });
  }
  return roles;
}
