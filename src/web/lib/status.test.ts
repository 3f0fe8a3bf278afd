import { describe, expect, test } from 'vitest';
import { ratingColor, STATUS_COLORS } from './status.ts';

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
