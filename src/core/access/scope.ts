/**
 * Org-unit scope: the set of subtrees a principal may reach with some roles, as the list of their top units'
 * paths (null: the whole installation). Repositories turn a scope into SQL (`path like '/1/5/%' or …`), so lists
 * are filtered in the database and nothing outside the scope is ever read.
 */
import type { Principal, Role } from './principal.ts';

/** Paths of subtree tops, or null for everything. An empty list reaches nothing. */
export type OrgScope = readonly string[] | null;

/**
 * True when the unit at `path` lies in the subtree whose top is `top` (null: the whole installation).
 *
 * @example coversPath('/1/5/', '/1/5/12/') // true
 * @example coversPath('/1/5/', '/1/51/') // false: paths end in '/', so 5 does not prefix 51
 * @example coversPath(null, '/7/') // true
 */
export function coversPath(top: string | null, path: string): boolean {
  return top === null || path.startsWith(top);
}

/**
 * The smallest list of paths covering the same units: a path inside another listed subtree is dropped.
 *
 * @example minimalPaths(['/1/5/', '/1/', '/2/']) // ['/1/', '/2/']
 */
export function minimalPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const path of sorted) if (!kept.some((top) => path.startsWith(top))) kept.push(path);
  return kept.sort();
}

/**
 * The scope a principal reaches through any of `roles` (admin counts as every role): null when one of those
 * assignments covers the whole installation.
 *
 * @example scopeOf({ userId: 'a', kind: 'user', assignments: [{ role: 'entry', orgUnitPath: '/1/5/' }] }, ['entry']) // ['/1/5/']
 */
export function scopeOf(principal: Principal, roles: readonly Role[]): OrgScope {
  const paths: string[] = [];
  for (const a of principal.assignments) {
    if (a.role !== 'admin' && !roles.includes(a.role)) continue;
    if (a.orgUnitPath === null) return null;
    paths.push(a.orgUnitPath);
  }
  return minimalPaths(paths);
}

/**
 * True when `scope` reaches the unit at `path`.
 *
 * @example inScope(['/1/5/'], '/1/5/9/') // true
 * @example inScope([], '/1/') // false
 */
export function inScope(scope: OrgScope, path: string): boolean {
  return scope === null || scope.some((top) => path.startsWith(top));
}
