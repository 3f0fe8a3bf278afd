import { describe, expect, it } from 'vitest';
import { addAssignment, assignmentKey, assignmentLabel, removeAssignment } from './assignments.ts';

const names = new Map([
  ['UMG', 'Medical group'],
  ['UMG-B1-INTM', 'Internal medicine'],
]);

describe('assignmentLabel', () => {
  it('names the unit of a subtree assignment', () => {
    expect(assignmentLabel({ role: 'entry', orgUnit: 'UMG-B1-INTM' }, names)).toEqual({
      role: 'entry',
      unitName: 'Internal medicine',
      unitCode: 'UMG-B1-INTM',
    });
  });

  it('falls back to the code of a unit not in the list', () => {
    expect(assignmentLabel({ role: 'viewer', orgUnit: 'AZ' }, names).unitName).toBe('AZ');
  });

  it('has no unit for the whole installation', () => {
    expect(assignmentLabel({ role: 'admin', orgUnit: null }, names)).toEqual({
      role: 'admin',
      unitName: null,
      unitCode: null,
    });
  });
});

describe('adding and removing assignments', () => {
  it('adds a new role × scope and ignores a duplicate', () => {
    const one = addAssignment([], { role: 'entry', orgUnit: 'UMG-B1' });
    const two = addAssignment(one, { role: 'approver', orgUnit: 'UMG-B1' });
    expect(two.map(assignmentKey)).toEqual(['entry@UMG-B1', 'approver@UMG-B1']);
    expect(addAssignment(two, { role: 'entry', orgUnit: 'UMG-B1' })).toHaveLength(2);
  });

  it('tells the whole installation apart from a unit', () => {
    const list = addAssignment([{ role: 'admin', orgUnit: 'UMG' }], { role: 'admin', orgUnit: null });
    expect(list.map(assignmentKey)).toEqual(['admin@UMG', 'admin@*']);
    expect(removeAssignment(list, 'admin@*').map(assignmentKey)).toEqual(['admin@UMG']);
  });
});
