import { describe, expect, it } from 'vitest';
import type { Target } from '../../../../core/contracts/targets.ts';
import { emptyTargetForm, targetFormOf, targetInputOf, targetKeyOf } from './targets.ts';

describe('targetInputOf', () => {
  it('writes a target for every unit without a scope field', () => {
    expect(
      targetInputOf('UMG-BSC', 'x', { ...emptyTargetForm(), period: ' 2024 ', target: 90, source: ' plan ' }),
    ).toEqual({
      scorecard: 'UMG-BSC',
      indicator: 'x',
      period: '2024',
      target: 90,
      lower: null,
      upper: null,
      reference: null,
      source: 'plan',
    });
  });

  it('names exactly one scope field', () => {
    const form = {
      ...emptyTargetForm(),
      period: '2024Q2',
      reference: 5,
      orgUnit: 'UMG-B1',
      orgUnitGroup: 'g',
      level: 2,
    };
    expect(targetInputOf('S', 'x', { ...form, scope: 'org-unit' })).toMatchObject({ orgUnit: 'UMG-B1' });
    expect(targetInputOf('S', 'x', { ...form, scope: 'org-unit' })).not.toHaveProperty('level');
    expect(targetInputOf('S', 'x', { ...form, scope: 'level' })).toMatchObject({ level: 2 });
    expect(targetInputOf('S', 'x', { ...form, scope: 'level' })).not.toHaveProperty('orgUnit');
  });

  it('names what is missing or wrong', () => {
    const base = { ...emptyTargetForm(), period: '2024-03', target: 1 };
    expect(targetInputOf('S', 'x', { ...base, period: '2024-13' })).toBe('period');
    expect(targetInputOf('S', 'x', { ...base, scope: 'org-unit' })).toBe('orgUnit');
    expect(targetInputOf('S', 'x', { ...base, target: null })).toBe('value');
    expect(targetInputOf('S', 'x', { ...base, lower: 5, upper: 1 })).toBe('band');
  });
});

describe('stored targets', () => {
  const row: Target = {
    scorecard: 'S',
    indicator: 'x',
    scope: 'org-unit',
    orgUnit: 'UMG-B1',
    orgUnitGroup: null,
    level: null,
    period: '2024',
    target: 3,
    lower: null,
    upper: null,
    reference: 2,
    source: null,
    setBy: 'u',
    setAt: '2026-01-01T00:00:00.000Z',
  };

  it('keys a delete by its scope and period', () => {
    expect(targetKeyOf(row)).toEqual({ scorecard: 'S', indicator: 'x', period: '2024', orgUnit: 'UMG-B1' });
    expect(targetKeyOf({ ...row, scope: 'all', orgUnit: null })).toEqual({
      scorecard: 'S',
      indicator: 'x',
      period: '2024',
    });
  });

  it('round-trips through the form', () => {
    expect(targetInputOf('S', 'x', targetFormOf(row))).toEqual({
      scorecard: 'S',
      indicator: 'x',
      orgUnit: 'UMG-B1',
      period: '2024',
      target: 3,
      lower: null,
      upper: null,
      reference: 2,
      source: null,
    });
  });
});
