import { describe, expect, test } from 'vitest';
import { visiblePages } from './pages.ts';

describe('visiblePages', () => {
  test.each([
    {
      who: 'a viewer',
      roles: ['viewer'],
      paths: ['/overview', '/scorecard', '/comparison', '/studies', '/strategy-map'],
    },
    {
      who: 'a department entry clerk',
      roles: ['entry'],
      paths: [
        '/overview',
        '/scorecard',
        '/comparison',
        '/studies',
        '/strategy-map',
        '/data-entry',
        '/assessments',
        '/imports',
      ],
    },
    {
      who: 'an approver (the audit trail is under Administration)',
      roles: ['approver'],
      paths: [
        '/overview',
        '/scorecard',
        '/comparison',
        '/studies',
        '/strategy-map',
        '/data-entry',
        '/assessments',
        '/incentives',
        '/admin',
      ],
    },
    {
      who: 'a data steward',
      roles: ['steward'],
      paths: [
        '/overview',
        '/scorecard',
        '/comparison',
        '/studies',
        '/strategy-map',
        '/data-entry',
        '/imports',
        '/admin',
      ],
    },
    {
      who: 'a strategist',
      roles: ['strategist'],
      paths: [
        '/overview',
        '/scorecard',
        '/comparison',
        '/studies',
        '/strategy-map',
        '/imports',
        '/designer',
        '/surveys',
        '/incentives',
        '/admin',
      ],
    },
    {
      who: 'an admin',
      roles: ['admin'],
      paths: [
        '/overview',
        '/scorecard',
        '/comparison',
        '/studies',
        '/strategy-map',
        '/data-entry',
        '/assessments',
        '/imports',
        '/designer',
        '/surveys',
        '/incentives',
        '/admin',
      ],
    },
  ] as const)('shows $who the pages $paths', ({ roles, paths }) => {
    const assignments = roles.map((role) => ({ role, orgUnit: null }));
    expect(visiblePages(assignments).map((page) => page.path)).toEqual(paths);
  });
});
