/**
 * The access policy as a table (issue 4): each role over a subtree, asked about a unit inside and outside it.
 * Paths follow the org_unit trigger's form `/group/hospital/department/`: group 1 → hospitals 5, 6 → department 12
 * under 5 and department 13 under 6.
 */
import { describe, expect, test } from 'vitest';
import {
  canAdminister,
  canApprove,
  canDesignFor,
  canDesignScorecards,
  canManageOrgUnit,
  canReadOrgUnit,
  canSubmitData,
  canViewAudit,
  canWriteDataValues,
  denial,
  rolesText,
} from './policy.ts';
import type { Principal, Role } from './principal.ts';

const H5 = '/1/5/';
const D12 = '/1/5/12/';
const D13 = '/1/6/13/';

function holder(role: Role, orgUnitPath: string | null = H5): Principal {
  return { userId: `${role}@example.org`, kind: 'user', assignments: [{ role, orgUnitPath }] };
}

describe('the access policy', () => {
  // Columns: role over hospital 5 → [its department 12, department 13 of hospital 6].
  test.each([
    ['admin', [true, false], [true, false], [true, false], [true, false]],
    ['strategist', [true, false], [false, false], [false, false], [false, false]],
    ['steward', [true, false], [true, false], [true, false], [false, false]],
    ['entry', [true, false], [true, false], [true, false], [false, false]],
    ['approver', [true, false], [false, false], [true, false], [true, false]],
    ['viewer', [true, false], [false, false], [false, false], [false, false]],
  ] as const)(
    'lets %s over a hospital read, write, submit and approve only inside it',
    (role, read, write, submit, approve) => {
      const p = holder(role);
      expect({
        read: [canReadOrgUnit(p, D12), canReadOrgUnit(p, D13)],
        write: [canWriteDataValues(p, D12), canWriteDataValues(p, D13)],
        submit: [canSubmitData(p, D12), canSubmitData(p, D13)],
        approve: [canApprove(p, D12), canApprove(p, D13)],
      }).toEqual({ read, write, submit, approve });
    },
  );

  test.each([
    ['admin', null, true, true, true, true],
    ['admin', H5, false, true, false, true],
    ['strategist', null, false, true, true, false],
    ['strategist', H5, false, true, false, false],
    ['approver', H5, false, false, false, true],
    ['viewer', null, false, false, false, false],
  ] as const)(
    '%s over %s: administers %s, designs scorecards %s, adds top-level units %s, reads audit %s',
    (role, path, administer, design, topLevel, audit) => {
      const p = holder(role, path);
      expect([canAdminister(p), canDesignScorecards(p), canManageOrgUnit(p, null), canViewAudit(p)]).toEqual([
        administer,
        design,
        topLevel,
        audit,
      ]);
    },
  );

  test('unites several assignments: entry over one department and viewer over another hospital', () => {
    const p: Principal = {
      userId: 'head@example.org',
      kind: 'user',
      assignments: [
        { role: 'entry', orgUnitPath: D12 },
        { role: 'viewer', orgUnitPath: '/1/6/' },
      ],
    };
    expect([
      canWriteDataValues(p, D12),
      canReadOrgUnit(p, D13),
      canWriteDataValues(p, D13),
      canDesignFor(p, D12),
    ]).toEqual([true, true, false, false]);
  });

  test('does not take hospital 5 for a prefix of hospital 51', () => {
    expect(canReadOrgUnit(holder('viewer', '/1/5/'), '/1/51/')).toBe(false);
  });

  test.each([
    [['admin', 'strategist'], 'admin or strategist'],
    [['admin', 'entry', 'steward'], 'admin, entry or steward'],
    [['admin'], 'admin'],
  ] as const)('names the roles %j as %j', (roles, text) => {
    expect(rolesText(roles)).toBe(text);
  });

  test.each([
    ['entry', 'H2', "You have no access to org unit 'H2'."],
    ['viewer', 'H2', 'This needs the role admin, entry or steward.'],
  ] as const)('explains a refusal to %s over another unit %s as %j', (role, code, detail) => {
    expect(denial(holder(role), ['admin', 'entry', 'steward'], code).problem.detail).toBe(detail);
  });

  test.each([
    [['admin', 'entry', 'steward'], 'H2', 'access.no-access-to-unit', { code: 'H2' }],
    [['admin', 'strategist'], undefined, 'access.needs-one-of-roles', { roles: 'admin', last: 'strategist' }],
    [['approver'], 'H2', 'access.needs-role', { role: 'approver' }],
  ] as const)('words the refusal of roles %j over %s as %s %j', (roles, code, expected, params) => {
    const { problem } = denial(holder('entry'), roles, code);
    expect([problem.status, problem.code, problem.params]).toEqual([403, expected, params]);
  });
});
