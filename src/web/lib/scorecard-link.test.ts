import { describe, expect, it } from 'vitest';
import { scorecardHref, selectionHref } from './scorecard-link.ts';

describe('selectionHref', () => {
  it('opens the scorecard on the unit and period of an alert', () => {
    expect(scorecardHref({ scorecard: 'UMG BSC', orgUnit: 'UMG-B1', period: '2024-03' })).toBe(
      '/scorecard?scorecard=UMG+BSC&orgUnit=UMG-B1&period=2024-03',
    );
  });

  it('opens data entry on the unit and period waiting for approval', () => {
    expect(selectionHref('/data-entry', { scorecard: 'AZ', orgUnit: 'AZ-ICU', period: '2016' })).toBe(
      '/data-entry?scorecard=AZ&orgUnit=AZ-ICU&period=2016',
    );
  });
});
