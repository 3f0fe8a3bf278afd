import { describe, expect, it } from 'vitest';
import { scorecardHref } from './links.ts';

describe('scorecardHref', () => {
  it('keeps the selection, encoded', () => {
    expect(scorecardHref({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' })).toBe(
      '/scorecard?scorecard=UMG-BSC&orgUnit=UMG&period=2024',
    );
    expect(scorecardHref({ scorecard: 'A&B', orgUnit: 'X Y', period: '2024Q1' })).toBe(
      '/scorecard?scorecard=A%26B&orgUnit=X+Y&period=2024Q1',
    );
  });

  it('goes to the scorecard page alone while there is no selection', () => {
    expect(scorecardHref(null)).toBe('/scorecard');
  });
});
