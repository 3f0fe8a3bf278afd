import { describe, expect, test } from 'vitest';
import { visiblePages } from './pages.ts';

describe('visiblePages', () => {
  test.each([
    {
      who: 'a viewer',
      roles: ['viewer'],
      paths: ['/my-work', '/overview', '/scorecard', '/comparison', '/pivot', '/studies', '/strategy-map', '/actions'],
    },
    {
      who: 'a department entry clerk',
      roles: ['entry'],
      paths: [
        '/my-work',
        '/overview',
        '/scorecard',
        '/comparison',
        '/pivot',
        '/studies',
        '/strategy-map',
        '/actions',
        '/data-entry',
        '/assessments',
        '/imports',
      ],
    },
    {
      who: 'an approver (the audit trail is under Administration)',
      roles: ['approver'],
      paths: [
        '/my-work',
        '/overview',
        '/scorecard',
        '/comparison',
        '/pivot',
        '/studies',
        '/strategy-map',
        '/actions',
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
        '/my-work',
        '/overview',
        '/scorecard',
        '/comparison',
        '/pivot',
        '/studies',
        '/strategy-map',
        '/actions',
        '/data-entry',
        '/imports',
        '/admin',
      ],
    },
    {
      who: 'a strategist',
      roles: ['strategist'],
      paths: [
        '/my-work',
        '/overview',
        '/scorecard',
        '/comparison',
        '/pivot',
        '/studies',
        '/strategy-map',
        '/actions',
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
        '/my-work',
        '/overview',
        '/scorecard',
        '/comparison',
        '/pivot',
        '/studies',
        '/strategy-map',
        '/actions',
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
