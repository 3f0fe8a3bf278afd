/**
 * Which tabs of the administration page a user is shown, from the session's role assignments. The server stays
 * the authority (core/access/policy.ts): this only hides what it would answer with 403, so a tab that is shown
 * may still fail, and the page then shows the server's problem.
 */
import type { Role } from '../../../core/access/principal.ts';

export const ADMIN_TABS = [
  'org-units',
  'data-elements',
  'periods',
  'users',
  'audit',
  'jobs',
  'mail',
] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/** Roles that may write org units and data elements (policy.ts `DESIGN_ROLES`). */
const DESIGN_ROLES: readonly Role[] = ['admin', 'strategist'];
/** Roles that may read the audit trail (policy.ts `AUDIT_ROLES`). */
const AUDIT_ROLES: readonly Role[] = ['admin', 'approver'];

export interface SessionAccess {
  readonly assignments: readonly { readonly role: Role }[];
  /** An admin over the whole installation (users, tokens, the audit export, background jobs). */
  readonly administrator: boolean;
}

function holdsAny(user: SessionAccess, roles: readonly Role[]): boolean {
  return user.assignments.some((assignment) => roles.includes(assignment.role));
}

/** May create and edit org units and data elements somewhere. */
export function canDesign(user: SessionAccess): boolean {
  return holdsAny(user, DESIGN_ROLES);
}

/**
 * The tabs this user is shown, in order: everyone signed in reads units, data elements and periods; users and
 * tokens, the background jobs and the e-mail outbox are for installation admins; the audit trail for admins and approvers.
 *
 * @example visibleAdminTabs({ assignments: [{ role: 'strategist' }], administrator: false })
 * // ['org-units', 'data-elements', 'periods']
 */
export function visibleAdminTabs(user: SessionAccess): AdminTab[] {
  return ADMIN_TABS.filter((tab) => {
    if (tab === 'users' || tab === 'jobs' || tab === 'mail') return user.administrator;
    if (tab === 'audit') return holdsAny(user, AUDIT_ROLES);
    return true;
  });
}

export function isAdminTab(value: string | null): value is AdminTab {
  return value !== null && (ADMIN_TABS as readonly string[]).includes(value);
}

/**
 * The tab to show for the URL's `?tab=`: the one named when it is a tab at all (a hidden one is shown as
 * forbidden, so a shared link explains itself), else the first visible one.
 *
 * @example resolveAdminTab('audit', ['org-units', 'data-elements', 'periods']) // { tab: 'audit', allowed: false }
 */
export function resolveAdminTab(
  param: string | null,
  visible: readonly AdminTab[],
): { readonly tab: AdminTab; readonly allowed: boolean } {
  if (isAdminTab(param)) return { tab: param, allowed: visible.includes(param) };
  return { tab: visible[0] ?? 'org-units', allowed: true };
}
