import { describe, expect, it } from 'vitest';
import {
  type ControlChartJson,
  controlChartOption,
  forecastThrough,
  MONITORING_COLORS,
  specialPeriods,
} from './monitoring-options.ts';

const CHART: ControlChartJson = {
  indicator: 'FALL',
  type: 'p',
  factor: 100,
  centre: 10,
  baseline: { from: '2024-01', to: '2024-02', points: 2 },
  sigmaZ: null,
  dispersionP: null,
  status: 'special-cause',
  signals: [{ rule: 'beyond-limits', periods: ['2024-03'] }],
  points: [
    { period: '2024-01', value: 9, lower: 1, upper: 19, interval: null },
    { period: '2024-02', value: 11, lower: 1, upper: 19, interval: { lower: 5, upper: 20 } },
    { period: '2024-03', value: 25, lower: 1, upper: 19, interval: null },
  ],
};
const NAMES = { value: 'Value', centre: 'Centre', upper: 'Upper', lower: 'Lower' };

describe('the control chart’s option', () => {
  const option = controlChartOption(CHART, 1, 'en', NAMES);
  const series = Array.isArray(option.series) ? option.series : [];

  it('marks the special-cause point in red', () => {
    const data = (series[0]?.data ?? []) as { itemStyle?: { color?: string } }[];
    expect(data.map((d) => d.itemStyle?.color ?? null)).toEqual([null, null, MONITORING_COLORS.special]);
  });

  it('draws an error bar where a point has an interval', () => {
    const first = series[0] as { markLine?: { data?: unknown[] } };
    expect(first.markLine?.data).toEqual([[{ coord: [1, 5] }, { coord: [1, 20] }]]);
  });

  it('draws the centre line and both limits', () => {
    expect(series.map((s) => s.name)).toEqual(['Value', 'Centre', 'Upper', 'Lower']);
  });

  it('lists the periods any rule marks', () => {
    expect([...specialPeriods(CHART)]).toEqual(['2024-03']);
  });
});

describe('the month a forecast runs through', () => {
  it('is the last month with data up to the end of the selected period', () => {
    expect(
      forecastThrough('2024-12', [
        { id: '2024-06', type: 'month' },
        { id: '2024', type: 'year' },
        { id: '2025-01', type: 'month' },
      ]),
    ).toBe('2024-06');
  });

  it('is null without months', () => {
    expect(forecastThrough('2024-12', [{ id: '2024', type: 'year' }])).toBeNull();
  });
});
