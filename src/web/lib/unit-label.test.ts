import { describe, expect, it } from 'vitest';
import { type LabelledUnit, unitLabel, unitLabeller, unitTrail } from './unit-label.ts';

const units: LabelledUnit[] = [
  { code: 'UMG', name: { en: 'Yunhu medical group', zh: '云湖医疗集团' }, type: 'group', parent: null },
  { code: 'B1', name: { en: 'East branch', zh: '东城分院' }, type: 'hospital', parent: 'UMG' },
  { code: 'B2', name: { en: 'West branch', zh: '西城分院' }, type: 'hospital', parent: 'UMG' },
  { code: 'B1-INT', name: { en: 'Internal medicine', zh: '内科' }, type: 'department', parent: 'B1' },
  { code: 'B2-SUR', name: { en: 'Surgery', zh: '外科' }, type: 'department', parent: 'B2' },
  { code: 'B2-SUR-W3', name: { en: 'Ward 3' }, type: 'unit', parent: 'B2-SUR' },
  { code: 'LONE', name: { en: 'Clinic', zh: '门诊部' }, type: 'department', parent: null },
];

describe('unitTrail', () => {
  it('lists a department with its hospital and group, top first', () => {
    expect(unitTrail('B1-INT', units).map((unit) => unit.code)).toEqual(['UMG', 'B1', 'B1-INT']);
  });

  it('stops at an ancestor the list lacks', () => {
    expect(unitTrail('B1-INT', units.slice(1)).map((unit) => unit.code)).toEqual(['B1', 'B1-INT']);
  });

  it('is empty for an unknown code', () => {
    expect(unitTrail('NOPE', units)).toEqual([]);
  });
});

describe('unitLabel', () => {
  it('names a department in Chinese with its hospital', () => {
    expect(unitLabel('B2-SUR', units, 'zh-CN')).toBe('外科 · 西城分院');
  });

  it('names a department in English with its hospital', () => {
    expect(unitLabel('B2-SUR', units, 'en')).toBe('Surgery · West branch');
  });

  it('names a unit under a department with the hospital above both', () => {
    expect(unitLabel('B2-SUR-W3', units, 'zh-CN')).toBe('Ward 3 · 西城分院');
  });

  it('keeps the hospital when the page is about the whole group', () => {
    expect(unitLabel('B1-INT', units, 'en', { within: 'UMG' })).toBe('Internal medicine · East branch');
  });

  it('leaves the hospital out within the hospital itself', () => {
    expect(unitLabel('B1-INT', units, 'en', { within: 'B1' })).toBe('Internal medicine');
  });

  it('leaves the hospital out within one of its departments', () => {
    expect(unitLabel('B2-SUR-W3', units, 'en', { within: 'B2-SUR' })).toBe('Ward 3');
  });

  it('keeps the hospital within another hospital', () => {
    expect(unitLabel('B1-INT', units, 'zh-CN', { within: 'B2' })).toBe('内科 · 东城分院');
  });

  it('names a hospital alone', () => {
    expect(unitLabel('B1', units, 'zh-CN')).toBe('东城分院');
  });

  it('names a department without a hospital above it alone', () => {
    expect(unitLabel('LONE', units, 'en')).toBe('Clinic');
  });

  it('shows an unknown code as it is', () => {
    expect(unitLabel('NOPE', units, 'en')).toBe('NOPE');
  });
});

describe('unitLabeller', () => {
  it('labels many units as unitLabel does', () => {
    const label = unitLabeller(units, 'zh-CN');
    expect(['B1', 'B1-INT', 'B2-SUR'].map(label)).toEqual(['东城分院', '内科 · 东城分院', '外科 · 西城分院']);
  });
});
