import { describe, expect, it, test } from 'vitest';
import { type Available, isComplete, readSelection, resolveSelection } from './selection.ts';

/** The demo the server loads on a first start (src/server/demo/load-demo.ts). */
const DEMO: Available = {
  scorecards: ['AZ-HOSPITAL', 'UMG-BSC'],
  orgUnits: [
    { code: 'AZ', parent: null },
    { code: 'UMG', parent: null },
    { code: 'UMG-HEAD', parent: 'UMG' },
  ],
  periods: [
    { id: '2016', type: 'year' },
    { id: '2021-01', type: 'month' },
    { id: '2024', type: 'year' },
    { id: '2024Q4', type: 'quarter' },
  ],
};

/** A server started with --no-demo and one scorecard of its own. */
const OWN: Available = {
  scorecards: ['CITY-BSC'],
  orgUnits: [
    { code: 'CITY-ICU', parent: 'CITY' },
    { code: 'CITY', parent: null },
  ],
  periods: [
    { id: '2025-01', type: 'month' },
    { id: '2025-02', type: 'month' },
  ],
};

describe('resolveSelection', () => {
  test.each([
    {
      name: 'opens the AZ Hospital 2016 view of the demo',
      partial: {},
      available: DEMO,
      expected: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
    },
    {
      name: "fills the medical group's own view when only its scorecard is asked for",
      partial: { scorecard: 'UMG-BSC' },
      available: DEMO,
      expected: { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' },
    },
    {
      name: 'keeps what the URL gives',
      partial: { scorecard: 'UMG-BSC', orgUnit: 'UMG-HEAD', period: '2023' },
      available: DEMO,
      expected: { scorecard: 'UMG-BSC', orgUnit: 'UMG-HEAD', period: '2023' },
    },
    {
      name: 'takes the first scorecard, the top-level unit and the latest period without the demo',
      partial: {},
      available: OWN,
      expected: { scorecard: 'CITY-BSC', orgUnit: 'CITY', period: '2025-02' },
    },
  ])('$name', ({ partial, available, expected }) => {
    expect(resolveSelection(partial, available)).toEqual(expected);
  });

  it('gives null when the server has no scorecard yet', () => {
    expect(resolveSelection({}, { scorecards: [], orgUnits: [], periods: [] })).toBeNull();
  });
});

describe('readSelection', () => {
  test.each([
    {
      search: '?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016',
      expected: { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
      complete: true,
    },
    { search: '?scorecard=UMG-BSC&period=', expected: { scorecard: 'UMG-BSC' }, complete: false },
    { search: '', expected: {}, complete: false },
  ])('reads $search as $expected', ({ search, expected, complete }) => {
    const selection = readSelection(new URLSearchParams(search));
    expect(selection).toEqual(expected);
    expect(isComplete(selection)).toBe(complete);
  });
});
