/**
 * Where `/` leads after signing in: "my work" for everyone with duties — entering or approving data (their roles
 * say so at once), or owning indicators or actions (their "my work" says so) — and the overview for everyone else.
 */
import type { Role } from '../../core/access/principal.ts';

export type LandingPath = '/my-work' | '/overview';

const DUTY_ROLES: readonly Role[] = ['entry', 'approver'];

/** Whether the roles alone send the user to "my work" (no need to ask the server). */
export function hasDutyRole(assignments: readonly { readonly role: Role }[]): boolean {
  return assignments.some((assignment) => DUTY_ROLES.includes(assignment.role));
}

/**
 * The landing page; null while "my work" is still being read for a user without duty roles.
 *
 * @example landingPath([{ role: 'entry' }], undefined) // '/my-work'
 * @example landingPath([{ role: 'viewer' }], { indicators: 2, actions: 0 }) // '/my-work'
 */
export function landingPath(
  assignments: readonly { readonly role: Role }[],
  work: { readonly indicators: number; readonly actions: number } | null | undefined,
): LandingPath | null {
  if (hasDutyRole(assignments)) return '/my-work';
  // "My work" failed to load: the overview is always there.
  if (work === null) return '/overview';
  if (work === undefined) return null;
  return work.indicators > 0 || work.actions > 0 ? '/my-work' : '/overview';
}
