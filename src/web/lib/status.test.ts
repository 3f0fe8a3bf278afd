import { describe, expect, test } from 'vitest';
import { ratingColor, STATUS_COLORS, statusOf } from './status.ts';

describe('statusOf', () => {
  // Quantified values of seed 002's AZ Hospital 2016 (F1 = 1, F2 = 0.9, F3 = 0.8) and the edges of the bands.
  test.each([
    { quantified: 1, expected: 'met' },
    { quantified: 1.2, expected: 'met' },
    { quantified: 0.9, expected: 'watch' },
    { quantified: 0.999, expected: 'watch' },
    { quantified: 0.8, expected: 'off-track' },
    { quantified: 0, expected: 'off-track' },
    { quantified: null, expected: 'no-data' },
    { quantified: Number.NaN, expected: 'no-data' },
  ])('rates a quantified value of $quantified as $expected', ({ quantified, expected }) => {
    expect(statusOf(quantified)).toBe(expected);
  });
});

describe('ratingColor', () => {
  // Seed 002 Table 4.10's bands; a custom band code falls back to the score.
  test.each([
    { code: 'very-good', total: 92.57, expected: '#389e0d' },
    { code: 'good', total: 85, expected: '#7cb305' },
    { code: 'poor', total: 40, expected: '#cf1322' },
    { code: 'gold', total: 95, expected: '#389e0d' },
    { code: 'bronze', total: 75, expected: '#d48806' },
    { code: 'tin', total: 50, expected: '#cf1322' },
    { code: null, total: null, expected: STATUS_COLORS['no-data'] },
  ])('colours rating $code with total $total as $expected', ({ code, total, expected }) => {
    expect(ratingColor(code, total)).toBe(expected);
  });
});
