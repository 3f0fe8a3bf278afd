import { describe, expect, test } from 'vitest';
import { appliesTo, buildUnitTree, type UnitRow } from './org-unit-tree.ts';

// Part of the demo's tree (src/demo/org-units.ts): the group, its head hospital and a branch with departments.
const UNITS: UnitRow[] = [
  { code: 'UMG-B1', name: { en: 'Dongcheng Branch', zh: '东城分院' }, parent: 'UMG', sortOrder: 2 },
  { code: 'UMG-HEAD', name: { en: 'Head Hospital', zh: '总院' }, parent: 'UMG', sortOrder: 1 },
  {
    code: 'UMG',
    name: { en: 'Yunhu Urban Medical Group', zh: '云湖市城市医疗集团' },
    parent: null,
    sortOrder: 0,
  },
  { code: 'UMG-B1-SURG', name: { en: 'Surgery', zh: '外科' }, parent: 'UMG-B1', sortOrder: 0 },
  { code: 'AZ', name: { en: 'AZ Hospital', zh: 'AZ医院' }, parent: null, sortOrder: 0 },
  { code: 'ORPHAN', name: { en: 'Ward outside the list' }, parent: 'MISSING', sortOrder: 0 },
];

describe('buildUnitTree', () => {
  test('nests units under their parents in sort order, with names in the chosen language', () => {
    expect(buildUnitTree(UNITS, 'zh-CN')).toEqual([
      { value: 'AZ', title: 'AZ医院', children: [] },
      { value: 'ORPHAN', title: 'Ward outside the list', children: [] },
      {
        value: 'UMG',
        title: '云湖市城市医疗集团',
        children: [
          { value: 'UMG-HEAD', title: '总院', children: [] },
          {
            value: 'UMG-B1',
            title: '东城分院',
            children: [{ value: 'UMG-B1-SURG', title: '外科', children: [] }],
          },
        ],
      },
    ]);
  });

  test('titles the units in English when the interface is in English', () => {
    expect(buildUnitTree(UNITS, 'en').map((node) => node.title)).toEqual([
      'AZ Hospital',
      'Ward outside the list',
      'Yunhu Urban Medical Group',
    ]);
  });

  test('labels a chosen unit as the picker shows it when asked', () => {
    const tree = buildUnitTree(UNITS, 'zh-CN', (code) => (code === 'UMG-B1-SURG' ? '外科 · 东城分院' : code));
    expect(tree[2]?.children[1]?.children[0]).toEqual({
      value: 'UMG-B1-SURG',
      title: '外科',
      label: '外科 · 东城分院',
      children: [],
    });
  });
});

describe('appliesTo', () => {
  const group = [{ orgUnit: 'UMG', includeDescendants: true }];
  const groupOnly = [{ orgUnit: 'UMG', includeDescendants: false }];
  test.each([
    { unit: 'UMG', assignments: group, expected: true },
    { unit: 'UMG-B1-SURG', assignments: group, expected: true },
    { unit: 'UMG-B1-SURG', assignments: groupOnly, expected: false },
    { unit: 'UMG', assignments: groupOnly, expected: true },
    { unit: 'AZ', assignments: group, expected: false },
  ])('says $expected for $unit under $assignments', ({ unit, assignments, expected }) => {
    expect(appliesTo(unit, assignments, UNITS)).toBe(expected);
  });
});
