import { describe, expect, it } from 'vitest';
import { NEW_RULE, ruleBody, ruleFields } from './rule-form.ts';

describe('ruleBody', () => {
  it('sends an off-target rule scoped to one unit as it is', () => {
    expect(ruleBody('UMG-BSC', { ...NEW_RULE, orgUnits: ['UMG-B1'], indicators: ['LOS'] })).toEqual({
      scorecard: 'UMG-BSC',
      kind: 'off-target',
      severity: 'warning',
      orgUnits: ['UMG-B1'],
      indicators: ['LOS'],
      includeWatch: false,
      enabled: true,
    });
  });

  it('drops the indicators of a per-unit rule', () => {
    expect(ruleBody('S', { ...NEW_RULE, kind: 'approval-waiting', indicators: ['LOS'] }).indicators).toEqual(
      [],
    );
  });

  it('drops "watch too" from any kind but off target', () => {
    expect(ruleBody('S', { ...NEW_RULE, kind: 'data-quality', includeWatch: true }).includeWatch).toBe(false);
  });

  it('keeps "watch too" on an off-target rule', () => {
    expect(ruleBody('S', { ...NEW_RULE, includeWatch: true }).includeWatch).toBe(true);
  });

  it('sends each unit once', () => {
    expect(ruleBody('S', { ...NEW_RULE, orgUnits: ['A', 'B', 'A'] }).orgUnits).toEqual(['A', 'B']);
  });
});

describe('ruleFields', () => {
  it('reads back the fields of a stored rule', () => {
    const rule = {
      id: 3,
      scorecard: 'S',
      kind: 'data-late',
      severity: 'critical',
      orgUnits: ['UMG-B1'],
      indicators: [],
      includeWatch: false,
      enabled: false,
      createdBy: 'strategist@demo.healthbsc',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as const;
    expect(ruleFields({ ...rule, orgUnits: [...rule.orgUnits], indicators: [] })).toEqual({
      kind: 'data-late',
      severity: 'critical',
      orgUnits: ['UMG-B1'],
      indicators: [],
      includeWatch: false,
      enabled: false,
    });
  });
});
