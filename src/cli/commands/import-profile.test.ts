import { describe, expect, it } from 'vitest';
import { progressLine } from './import-profile.ts';

describe('progressLine', () => {
  it('draws the bar with the rows, the percentage and the time left', () => {
    expect(progressLine({ phase: 'writing', done: 500, total: 1000 }, 2000)).toBe(
      'writing [##########----------] 500 / 1,000  50%  2s left',
    );
  });

  it('says only the count while the total is unknown', () => {
    expect(progressLine({ phase: 'reading', done: 65_536, total: null }, 10)).toBe('reading 65,536');
  });
});
