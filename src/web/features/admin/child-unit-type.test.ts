import { describe, expect, it } from 'vitest';
import { childUnitType } from './child-unit-type.ts';

describe('childUnitType', () => {
  it.each([
    [null, 'group'],
    ['group', 'hospital'],
    ['hospital', 'department'],
    ['department', 'unit'],
    ['unit', 'unit'],
  ] as const)('under %s proposes %s', (parent, child) => {
    expect(childUnitType(parent)).toBe(child);
  });
});
