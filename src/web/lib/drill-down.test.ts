import { describe, expect, it } from 'vitest';
import {
  type ScorecardUnitsRow,
  scorecardForUnit,
  unitCrumbs,
  unitIndicatorHref,
  unitScorecardHref,
} from './drill-down.ts';
import type { LabelledUnit } from './unit-label.ts';

const units: LabelledUnit[] = [
  { code: 'UMG', name: { en: 'Yunhu medical group', zh: '云湖医疗集团' }, type: 'group', parent: null },
  { code: 'B1', name: { en: 'East branch', zh: '东城分院' }, type: 'hospital', parent: 'UMG' },
  { code: 'B1-INT', name: { en: 'Internal medicine', zh: '内科' }, type: 'department', parent: 'B1' },
];

const scorecards: ScorecardUnitsRow[] = [
  {
    code: 'UMG-BSC',
    units: [
      { orgUnit: 'UMG', includeDescendants: false },
      { orgUnit: 'B1', includeDescendants: false },
    ],
  },
  { code: 'UMG-DEPT', units: [{ orgUnit: 'B1-INT', includeDescendants: true }] },
];

const selection = { scorecard: 'UMG-DEPT', orgUnit: 'B1-INT', period: '2024-03' };

describe('drill-down links', () => {
  it('opens a unit’s scorecard on the same scorecard and period', () => {
    expect(unitScorecardHref({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' }, 'B1')).toBe(
      '/scorecard?scorecard=UMG-BSC&orgUnit=B1&period=2024',
    );
  });

  it('opens one indicator of a unit on the same scorecard and period', () => {
    expect(unitIndicatorHref({ scorecard: 'UMG BSC', orgUnit: 'UMG', period: '2024' }, 'B1', 'F/1')).toBe(
      '/indicators/F%2F1?scorecard=UMG+BSC&orgUnit=B1&period=2024',
    );
  });
});

describe('scorecardForUnit', () => {
  it('keeps the current scorecard where it applies', () => {
    expect(scorecardForUnit('B1', 'UMG-BSC', scorecards, units)).toBe('UMG-BSC');
  });

  it('takes a scorecard that applies when the current one does not', () => {
    expect(scorecardForUnit('B1', 'UMG-DEPT', scorecards, units)).toBe('UMG-BSC');
  });

  it('keeps the current scorecard until the assignments are in', () => {
    expect(scorecardForUnit('B1', 'UMG-DEPT', undefined, units)).toBe('UMG-DEPT');
  });
});

describe('unitCrumbs', () => {
  it('leads from a department up to the group, each ancestor on a scorecard of its own', () => {
    const crumbs = unitCrumbs(selection, units, 'zh-CN', new Set(['UMG', 'B1', 'B1-INT']), scorecards);
    expect(crumbs).toEqual([
      { code: 'UMG', label: '云湖医疗集团', href: '/scorecard?scorecard=UMG-BSC&orgUnit=UMG&period=2024-03' },
      { code: 'B1', label: '东城分院', href: '/scorecard?scorecard=UMG-BSC&orgUnit=B1&period=2024-03' },
      { code: 'B1-INT', label: '内科', href: null },
    ]);
  });

  it('makes no link of an ancestor outside the reader’s scope', () => {
    const crumbs = unitCrumbs(selection, units, 'en', new Set(['B1', 'B1-INT']), scorecards);
    expect(crumbs.map((crumb) => crumb.href)).toEqual([
      null,
      '/scorecard?scorecard=UMG-BSC&orgUnit=B1&period=2024-03',
      null,
    ]);
  });
});
