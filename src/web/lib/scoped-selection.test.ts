import { describe, expect, it } from 'vitest';
import { type ScopeFacts, scopedDefaults, unitForScorecard, unitsInScope } from './scoped-selection.ts';

/** The demo's shape: the group, a branch with two departments, another branch; AZ apart. */
const UNITS = [
  { code: 'AZ', parent: null },
  { code: 'UMG', parent: null },
  { code: 'UMG-B1', parent: 'UMG' },
  { code: 'UMG-B1-INTM', parent: 'UMG-B1' },
  { code: 'UMG-B1-SURG', parent: 'UMG-B1' },
  { code: 'UMG-B2', parent: 'UMG' },
];
const SCORECARDS = [
  { code: 'AZ-HOSPITAL', units: [{ orgUnit: 'AZ', includeDescendants: true }] },
  {
    code: 'UMG-BSC',
    units: ['UMG', 'UMG-B1', 'UMG-B2'].map((orgUnit) => ({ orgUnit, includeDescendants: false })),
  },
  {
    code: 'UMG-DEPT',
    units: ['UMG-B1-INTM', 'UMG-B1-SURG'].map((orgUnit) => ({ orgUnit, includeDescendants: true })),
  },
];

function facts(orgUnit: string | null, lastView: ScopeFacts['lastView'] = null): ScopeFacts {
  return { assignments: [{ role: 'entry', orgUnit }], units: UNITS, scorecards: SCORECARDS, lastView };
}

describe('unitsInScope', () => {
  it("keeps the user's subtree only", () => {
    expect(unitsInScope([{ role: 'approver', orgUnit: 'UMG-B1' }], UNITS).map((u) => u.code)).toEqual([
      'UMG-B1',
      'UMG-B1-INTM',
      'UMG-B1-SURG',
    ]);
  });

  it('keeps every unit for a role over the whole installation', () => {
    expect(unitsInScope([{ role: 'admin', orgUnit: null }], UNITS)).toHaveLength(6);
  });
});

describe('unitForScorecard', () => {
  it('finds the highest unit in scope the scorecard applies to, or none', () => {
    const scope = ['UMG-B1', 'UMG-B1-INTM', 'UMG-B1-SURG'];
    expect([
      unitForScorecard(SCORECARDS[1]?.units ?? [], scope, UNITS),
      unitForScorecard(SCORECARDS[2]?.units ?? [], scope, UNITS),
      unitForScorecard(SCORECARDS[1]?.units ?? [], ['UMG-B1-INTM'], UNITS),
    ]).toEqual(['UMG-B1', 'UMG-B1-INTM', undefined]);
  });
});

describe('scopedDefaults', () => {
  it("lands a department's clerk on the scorecard of their department, not on AZ Hospital", () => {
    expect(scopedDefaults({}, facts('UMG-B1-INTM'))).toEqual({
      scorecard: 'UMG-DEPT',
      orgUnit: 'UMG-B1-INTM',
    });
  });

  it("lands a branch director on the group's scorecard for their branch", () => {
    expect(scopedDefaults({}, facts('UMG-B1'))).toEqual({ scorecard: 'UMG-BSC', orgUnit: 'UMG-B1' });
  });

  it('restores the last view while it is in scope', () => {
    const last = { scorecard: 'UMG-DEPT', orgUnit: 'UMG-B1-SURG' };
    expect(scopedDefaults({}, facts('UMG-B1', last))).toEqual(last);
  });

  it('ignores a last view outside the scope or of a scorecard that is gone', () => {
    expect([
      scopedDefaults({}, facts('UMG-B1', { scorecard: 'UMG-BSC', orgUnit: 'UMG' })),
      scopedDefaults({}, facts('UMG-B1', { scorecard: 'GONE', orgUnit: 'UMG-B1' })),
    ]).toEqual([
      { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1' },
      { scorecard: 'UMG-BSC', orgUnit: 'UMG-B1' },
    ]);
  });

  it('keeps the defaults of a user who sees everything, their last view aside', () => {
    const admin: ScopeFacts = { ...facts(null), assignments: [{ role: 'admin', orgUnit: null }] };
    expect([
      scopedDefaults({}, admin),
      scopedDefaults({}, { ...admin, lastView: { scorecard: 'UMG-BSC', orgUnit: 'UMG-B2' } }),
    ]).toEqual([{}, { scorecard: 'UMG-BSC', orgUnit: 'UMG-B2' }]);
  });

  it("keeps the user's own unit when the scorecard named applies to none in scope", () => {
    expect(scopedDefaults({ scorecard: 'UMG-BSC' }, facts('UMG-B1-INTM'))).toEqual({
      scorecard: 'UMG-BSC',
      orgUnit: 'UMG-B1-INTM',
    });
  });

  it('leaves an address that names both alone', () => {
    const named = { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ' };
    expect(scopedDefaults(named, facts('UMG-B1'))).toBe(named);
  });
});
