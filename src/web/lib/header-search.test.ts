import { describe, expect, test } from 'vitest';
import { isSearchShortcut, type SearchEntry, searchEntries } from './header-search.ts';

const ENTRIES: readonly SearchEntry[] = [
  { kind: 'indicator', code: 'F1', name: { en: 'Average cost per outpatient visit', zh: '门诊次均费用' } },
  { kind: 'indicator', code: 'C2', name: { en: 'Patient satisfaction', zh: '患者满意度' } },
  { kind: 'unit', code: 'UMG-B1', name: { en: 'East branch', zh: '东城分院' } },
  { kind: 'unit', code: 'UMG-B1-SUR', name: { en: 'Surgery', zh: '外科' } },
  { kind: 'element', code: 'outpatient_visits', name: { en: 'Outpatient visits', zh: '门诊人次' } },
];

const codes = (query: string) => searchEntries(ENTRIES, query).map((entry) => entry.code);

describe('searchEntries', () => {
  test('finds an indicator and a data element by a Chinese name fragment', () => {
    expect(codes('门诊')).toEqual(['F1', 'outpatient_visits']);
  });
  test('finds a unit by its code, case-insensitive, the exact code first', () => {
    expect(codes('umg-b1')).toEqual(['UMG-B1', 'UMG-B1-SUR']);
  });
  test('puts a name beginning with the text before one containing it', () => {
    expect(codes('pat')).toEqual(['C2', 'F1', 'outpatient_visits']);
  });
  test('finds nothing for blank text', () => {
    expect(codes('  ')).toEqual([]);
  });
  test('keeps at most the given number of each kind', () => {
    expect(searchEntries(ENTRIES, 'UMG', 1).map((entry) => entry.code)).toEqual(['UMG-B1']);
  });
});

describe('isSearchShortcut', () => {
  test.each([
    [{ key: 'k', ctrlKey: true, metaKey: false }, true, true],
    [{ key: 'K', ctrlKey: false, metaKey: true }, false, true],
    [{ key: '/', ctrlKey: false, metaKey: false }, false, true],
    [{ key: '/', ctrlKey: false, metaKey: false }, true, false],
    [{ key: 'k', ctrlKey: false, metaKey: false }, false, false],
  ])('%o while typing=%s → %s', (event, typing, expected) => {
    expect(isSearchShortcut(event, typing)).toBe(expected);
  });
});
