/**
 * Who is acting, as the access policy sees it: a user, an API token or a system process, holding role
 * assignments, each over an org-unit subtree (issue 4: "each role is assigned over an org-unit subtree; a user
 * may hold several assignments"). An org unit is named by its path of ids, `/1/5/12/` (the `org_unit.path`
 * column, set by the `org_unit_tree` trigger), so "unit B is in A's subtree" is "B's path starts with A's".
 */

/** Every role, from the most to the least powerful. */
export const ROLES = ['admin', 'strategist', 'steward', 'entry', 'approver', 'viewer'] as const;

/**
 * - `admin`: everything, and (over the whole installation) users, tokens and the audit export;
 * - `strategist`: designs indicator systems and scorecards, targets and weights;
 * - `steward`: imports and mappings of data;
 * - `entry`: enters data values, reported values and assessments;
 * - `approver`: approves (and reopens) the data of a unit and period;
 * - `viewer`: reads.
 */
export type Role = (typeof ROLES)[number];

/**
 * What kind of principal. A `survey-expert` holds no role: the personal link of an AHP survey
 * (server/surveys), allowed only to read and answer that survey's questionnaire as that expert.
 */
export type PrincipalKind = 'user' | 'token' | 'system' | 'survey-expert';

export interface RoleAssignment {
  readonly role: Role;
  /** The path of the subtree's top unit (`/1/5/`), or null for the whole installation. */
  readonly orgUnitPath: string | null;
  /** The code of that unit, for messages and the API; null for the whole installation. */
  readonly orgUnit?: string | null;
}

export interface Principal {
  /** The user's email, `token:<name>`, or a system process name: what the audit trail records. */
  readonly userId: string;
  readonly kind: PrincipalKind;
  readonly assignments: readonly RoleAssignment[];
}

/**
 * Type guard for role names read from storage or a command line.
 *
 * @example isRole('entry') // true
 * @example isRole('root') // false
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The principal of a trusted process (the demo loader, a CLI command run by whoever holds the database): an
 * administrator of the whole installation.
 *
 * @example systemPrincipal('demo-loader').assignments // [{ role: 'admin', orgUnitPath: null, orgUnit: null }]
 */
export function systemPrincipal(userId: string): Principal {
  return Object.freeze({
    userId,
    kind: 'system',
    assignments: Object.freeze([Object.freeze({ role: 'admin', orgUnitPath: null, orgUnit: null })]),
  });
}
