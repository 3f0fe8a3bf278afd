import { describe, expect, it } from 'vitest';
import { holdsAny, rolesOver } from './roles.ts';

const units = [
  { code: 'UMG', parent: null },
  { code: 'UMG-B1', parent: 'UMG' },
  { code: 'UMG-B1-INTM', parent: 'UMG-B1' },
  { code: 'UMG-B2', parent: 'UMG' },
];

describe('rolesOver', () => {
  it('counts roles on the unit, on its ancestors and everywhere, not on siblings or descendants', () => {
    const assignments = [
      { role: 'entry', orgUnit: 'UMG-B1-INTM' },
      { role: 'approver', orgUnit: 'UMG-B1' },
      { role: 'steward', orgUnit: 'UMG-B2' },
      { role: 'viewer', orgUnit: null },
    ] as const;
    expect([...rolesOver(assignments, 'UMG-B1-INTM', units)].sort()).toEqual(['approver', 'entry', 'viewer']);
    expect([...rolesOver(assignments, 'UMG-B1', units)].sort()).toEqual(['approver', 'viewer']);
    expect([...rolesOver(assignments, 'UMG', units)]).toEqual(['viewer']);
  });

  it('holdsAny tells whether one of the wanted roles is held', () => {
    const held = rolesOver([{ role: 'entry', orgUnit: 'UMG-B1-INTM' }], 'UMG-B1-INTM', units);
    expect([holdsAny(held, ['admin', 'entry']), holdsAny(held, ['admin', 'approver'])]).toEqual([
      true,
      false,
    ]);
  });
});
