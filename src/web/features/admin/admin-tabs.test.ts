import { describe, expect, it } from 'vitest';
import { canDesign, resolveAdminTab, visibleAdminTabs } from './admin-tabs.ts';

describe('visibleAdminTabs', () => {
  it('shows an installation admin every tab', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'admin' }], administrator: true })).toEqual([
      'org-units',
      'data-elements',
      'periods',
      'users',
      'audit',
      'jobs',
      'mail',
    ]);
  });

  it('hides users, audit and jobs from a strategist', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'strategist' }], administrator: false })).toEqual([
      'org-units',
      'data-elements',
      'periods',
    ]);
  });

  it('shows an approver the audit trail but not the users', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'approver' }], administrator: false })).toEqual([
      'org-units',
      'data-elements',
      'periods',
      'audit',
    ]);
  });

  it('hides users from an admin over a subtree only (administrator false)', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'admin' }], administrator: false })).not.toContain(
      'users',
    );
  });

  it('hides the e-mail outbox from an admin over a subtree only', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'admin' }], administrator: false })).not.toContain(
      'mail',
    );
  });

  it('hides the background jobs from an admin over a subtree only', () => {
    expect(visibleAdminTabs({ assignments: [{ role: 'admin' }], administrator: false })).not.toContain(
      'jobs',
    );
  });
});

describe('canDesign', () => {
  it.each([
    ['admin', true],
    ['strategist', true],
    ['steward', false],
    ['viewer', false],
  ] as const)('%s → %s', (role, expected) => {
    expect(canDesign({ assignments: [{ role }], administrator: false })).toBe(expected);
  });
});

describe('resolveAdminTab', () => {
  it('keeps a visible tab named in the URL', () => {
    expect(resolveAdminTab('periods', ['org-units', 'periods'])).toEqual({ tab: 'periods', allowed: true });
  });

  it('marks a hidden tab named in the URL as not allowed', () => {
    expect(resolveAdminTab('users', ['org-units', 'periods'])).toEqual({ tab: 'users', allowed: false });
  });

  it('falls back to the first visible tab for a missing or unknown name', () => {
    expect(resolveAdminTab(null, ['data-elements'])).toEqual({ tab: 'data-elements', allowed: true });
    expect(resolveAdminTab('nope', ['periods', 'audit'])).toEqual({ tab: 'periods', allowed: true });
  });
});
