/**
 * The formatters in both languages. Expected strings are CLDR's (Unicode CLDR 47, as Node's and Chromium's ICU
 * ship it): grouping, decimal separator, percent and the Chinese 年/月 date patterns; quarters use the
 * conventional "Q1 2024" and "2024年第1季度".
 */
import { describe, expect, test } from 'vitest';
import {
  formatChange,
  formatDateTime,
  formatList,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatScore,
  formatUnit,
  NO_VALUE,
} from './format.ts';

describe('formatScore', () => {
  // Seed 002 (AZ Hospital, 2016): V = 92.57 and the five perspective scores, as the API returns them unrounded.
  test.each([
    { value: 92.57045626488298, en: '92.57', zh: '92.57' },
    { value: 91.93440514099203, en: '91.93', zh: '91.93' },
    { value: 88.6249, en: '88.62', zh: '88.62' },
    { value: 100, en: '100.00', zh: '100.00' },
    { value: null, en: NO_VALUE, zh: NO_VALUE },
    { value: Number.NaN, en: NO_VALUE, zh: NO_VALUE },
  ])('shows $value as "$en" in English and "$zh" in Chinese', ({ value, en, zh }) => {
    expect(formatScore(value, 'en')).toBe(en);
    expect(formatScore(value, 'zh-CN')).toBe(zh);
  });
});

describe('formatNumber', () => {
  test.each([
    { value: 1234567.891, decimals: 2, en: '1,234,567.89', zh: '1,234,567.89' },
    { value: 7.2, decimals: 1, en: '7.2', zh: '7.2' },
    { value: 0.5, decimals: 0, en: '1', zh: '1' },
    { value: -1500, decimals: 0, en: '-1,500', zh: '-1,500' },
  ])('shows $value with $decimals decimals as "$en" / "$zh"', ({ value, decimals, en, zh }) => {
    expect(formatNumber(value, 'en', decimals)).toBe(en);
    expect(formatNumber(value, 'zh-CN', decimals)).toBe(zh);
  });
});

describe('formatPercent', () => {
  test.each([
    { ratio: 0.375, en: '37.5%', zh: '37.5%' },
    { ratio: 1, en: '100.0%', zh: '100.0%' },
    { ratio: 0, en: '0.0%', zh: '0.0%' },
    { ratio: undefined, en: NO_VALUE, zh: NO_VALUE },
  ])('shows $ratio as "$en" / "$zh"', ({ ratio, en, zh }) => {
    expect(formatPercent(ratio, 'en')).toBe(en);
    expect(formatPercent(ratio, 'zh-CN')).toBe(zh);
  });
});

describe('formatChange', () => {
  test.each([
    { delta: 1.234, en: '+1.23', zh: '+1.23' },
    { delta: -0.5, en: '-0.50', zh: '-0.50' },
    { delta: 0, en: '0.00', zh: '0.00' },
    { delta: null, en: NO_VALUE, zh: NO_VALUE },
  ])('shows a change of $delta as "$en" / "$zh"', ({ delta, en, zh }) => {
    expect(formatChange(delta, 'en')).toBe(en);
    expect(formatChange(delta, 'zh-CN')).toBe(zh);
  });
});

describe('formatPeriod', () => {
  test.each([
    { id: '2016', en: '2016', zh: '2016年' },
    { id: '2024-03', en: 'Mar 2024', zh: '2024年3月' },
    { id: '2024-12', en: 'Dec 2024', zh: '2024年12月' },
    { id: '2024Q1', en: 'Q1 2024', zh: '2024年第1季度' },
    { id: 'not-a-period', en: 'not-a-period', zh: 'not-a-period' },
  ])('shows period $id as "$en" / "$zh"', ({ id, en, zh }) => {
    expect(formatPeriod(id, 'en')).toBe(en);
    expect(formatPeriod(id, 'zh-CN')).toBe(zh);
  });
});

describe('formatDateTime', () => {
  test.each([
    { iso: '2026-11-23T05:27:31.470Z', en: 'Nov 23, 2026, 5:27 AM', zh: '2026年11月23日 05:27' },
    { iso: 'yesterday', en: NO_VALUE, zh: NO_VALUE },
  ])('shows $iso in UTC as "$en" / "$zh"', ({ iso, en, zh }) => {
    expect(formatDateTime(iso, 'en', 'UTC')).toBe(en);
    expect(formatDateTime(iso, 'zh-CN', 'UTC')).toBe(zh);
  });
});

describe('formatList', () => {
  test.each([
    {
      items: ['Financial 91.93', 'Customer 87.97', 'Social 88.62'],
      en: 'Financial 91.93, Customer 87.97, Social 88.62',
      zh: 'Financial 91.93、Customer 87.97、Social 88.62',
    },
    { items: ['2016 92.57'], en: '2016 92.57', zh: '2016 92.57' },
    { items: [], en: '', zh: '' },
  ])('reads $items as "$en" / "$zh"', ({ items, en, zh }) => {
    expect(formatList(items, 'en')).toBe(en);
    expect(formatList(items, 'zh-CN')).toBe(zh);
  });
});

describe('formatUnit', () => {
  test.each([
    [{ en: 'cases', zh: '例' }, 'en', 'cases'],
    [{ en: 'cases', zh: '例' }, 'zh-CN', '例'],
    [null, 'en', ''],
  ] as const)('shows %o in %s as %j', (unit, language, expected) => {
    expect(formatUnit(unit, language)).toBe(expected);
  });
});
