import { describe, expect, it } from 'vitest';
import type { StudyFileBody } from '../../lib/api/studies.ts';
import { formatP, rowKey, withOverrides } from './study-rows.ts';

const FILE: StudyFileBody = {
  format: 'healthbsc/study@1',
  code: 'S',
  name: { en: 'S' },
  scorecard: 'SC',
  units: [{ orgUnit: 'U' }],
  indicators: ['a', 'b'],
  baseline: '2021',
  followUp: '2024',
  overrides: [
    { indicator: 'a', unit: 'U', test: 'fisher' },
    { indicator: 'b', unit: 'U', test: 'mann-whitney' },
  ],
};

describe('formatP', () => {
  it.each([
    [0.00001, '< 0.001'],
    [0.1436, '0.144'],
    [null, '—'],
  ])('writes %s as %s', (p, text) => {
    expect(formatP(p, 'en')).toBe(text);
  });
});

describe('withOverrides', () => {
  it('keeps the file as it is when nothing is overridden', () => {
    expect(withOverrides(FILE, new Map())).toBe(FILE);
  });

  it('replaces the file’s own choice for the same row and keeps the others', () => {
    const next = withOverrides(FILE, new Map([[rowKey({ indicator: 'a', unit: 'U' }), 'two-proportion']]));
    expect(next.overrides).toEqual([
      { indicator: 'b', unit: 'U', test: 'mann-whitney' },
      { indicator: 'a', unit: 'U', test: 'two-proportion' },
    ]);
  });
});
