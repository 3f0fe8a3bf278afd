/**
 * The pages of the side menu, in order; `labelKey` is the menu's translation key, `roles` the roles that see
 * the entry (any assignment, anywhere; `admin` holds every role). The menu only hides what a user cannot use:
 * the server decides what they may do (src/core/access/policy.ts).
 */
import type { Role } from '../../core/access/principal.ts';

export interface PageEntry {
  readonly path: string;
  readonly labelKey:
    | 'nav.overview'
    | 'nav.scorecard'
    | 'nav.comparison'
    | 'nav.studies'
    | 'nav.strategyMap'
    | 'nav.dataEntry'
    | 'nav.assessments'
    | 'nav.imports'
    | 'nav.designer'
    | 'nav.surveys'
    | 'nav.incentives'
    | 'nav.admin'
    | 'myWork.title'
    | 'actions.title'
    | 'pivot.title';
  /** Absent: everyone signed in. */
  readonly roles?: readonly Role[];
}

export const PAGES: readonly PageEntry[] = [
  { path: '/my-work', labelKey: 'myWork.title' },
  { path: '/overview', labelKey: 'nav.overview' },
  { path: '/scorecard', labelKey: 'nav.scorecard' },
  { path: '/comparison', labelKey: 'nav.comparison' },
  { path: '/pivot', labelKey: 'pivot.title' },
  { path: '/studies', labelKey: 'nav.studies' },
  { path: '/strategy-map', labelKey: 'nav.strategyMap' },
  { path: '/actions', labelKey: 'actions.title' },
  { path: '/data-entry', labelKey: 'nav.dataEntry', roles: ['entry', 'approver', 'steward'] },
  { path: '/assessments', labelKey: 'nav.assessments', roles: ['entry', 'approver'] },
  { path: '/imports', labelKey: 'nav.imports', roles: ['steward', 'strategist', 'entry'] },
  { path: '/designer', labelKey: 'nav.designer', roles: ['strategist'] },
  { path: '/surveys', labelKey: 'nav.surveys', roles: ['strategist'] },
  { path: '/incentives', labelKey: 'nav.incentives', roles: ['strategist', 'approver'] },
  { path: '/admin', labelKey: 'nav.admin', roles: ['admin', 'strategist', 'steward', 'approver'] },
];

/**
 * The menu entries a user with these assignments sees.
 *
 * @example visiblePages([{ role: 'viewer', orgUnit: 'UMG' }]).map((p) => p.path) // ['/my-work', '/overview', '/scorecard', '/comparison', '/pivot', '/studies', '/actions']
 */
export function visiblePages(assignments: readonly { readonly role: Role }[]): PageEntry[] {
  return PAGES.filter(
    (page) =>
      page.roles === undefined ||
      assignments.some((assignment) => assignment.role === 'admin' || page.roles?.includes(assignment.role)),
  );
}
