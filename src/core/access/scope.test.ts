/**
 * Org-unit scopes as lists of subtree paths (the org_unit trigger's `/1/5/12/` form).
 */
import { expect, test } from 'vitest';
import type { Principal } from './principal.ts';
import { coversPath, inScope, minimalPaths, scopeOf } from './scope.ts';

test.each([
  ['/1/5/', '/1/5/12/', true],
  ['/1/5/', '/1/5/', true],
  ['/1/5/', '/1/51/', false],
  ['/1/5/', '/1/', false],
  [null, '/9/', true],
] as const)('says whether %s covers %s: %s', (top, path, covered) => {
  expect(coversPath(top, path)).toBe(covered);
});

test.each([
  [
    ['/1/5/', '/1/', '/2/'],
    ['/1/', '/2/'],
  ],
  [['/1/5/12/', '/1/5/'], ['/1/5/']],
  [['/1/5/', '/1/5/'], ['/1/5/']],
  [[], []],
] as const)('reduces %j to the subtrees %j', (paths, minimal) => {
  expect(minimalPaths(paths)).toEqual(minimal);
});

test('takes the scope of some roles from a principal, admin counting as every role', () => {
  const p: Principal = {
    userId: 'x',
    kind: 'user',
    assignments: [
      { role: 'viewer', orgUnitPath: '/1/' },
      { role: 'entry', orgUnitPath: '/1/5/12/' },
      { role: 'admin', orgUnitPath: '/2/' },
    ],
  };
  expect([scopeOf(p, ['entry']), scopeOf(p, ['viewer', 'entry']), scopeOf(p, ['approver'])]).toEqual([
    ['/1/5/12/', '/2/'],
    ['/1/', '/2/'],
    ['/2/'],
  ]);
});

test.each([
  [null, '/3/', true],
  [[], '/3/', false],
  [['/1/', '/3/4/'], '/3/4/7/', true],
] as const)('says whether the scope %j reaches %s: %s', (scope, path, reached) => {
  expect(inScope(scope, path)).toBe(reached);
});
