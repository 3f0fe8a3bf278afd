import { describe, expect, test } from 'vitest';
import { historyWindow } from './history-window.ts';

describe('historyWindow', () => {
  test.each([
    {
      period: '2024-03',
      window: {
        from: '2023-03',
        to: '2024-03',
        previous: '2024-02',
        yearAgo: '2023-03',
        trendFrom: '2023-04',
      },
    },
    {
      period: '2024Q1',
      window: { from: '2022Q2', to: '2024Q1', previous: '2023Q4', yearAgo: '2023Q1', trendFrom: '2022Q2' },
    },
    {
      period: '2016',
      window: { from: '2012', to: '2016', previous: '2015', yearAgo: '2015', trendFrom: '2012' },
    },
  ])(
    'reads $period with its previous period, the same period a year before and the trend',
    ({ period, window }) => {
      expect(historyWindow(period)).toEqual(window);
    },
  );

  test('gives nothing for an id that is not a period', () => {
    expect(historyWindow('last year')).toBeNull();
  });
});
