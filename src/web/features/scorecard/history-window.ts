/**
 * The periods the scorecard reads besides the selected one, in one series request: the trend (five years,
 * eight quarters or twelve months, lib/period-window.ts), the previous period and the same period a year
 * before (for a month, the trend's twelve months stop one short of it, so the window reaches back to it).
 */
import { comparePeriodIds, samePeriodLastYear } from '../../../core/periods/index.ts';
import { periodBefore, trendWindow } from '../../lib/period-window.ts';

export interface HistoryWindow {
  /** The series' first and last period (the selected one). */
  readonly from: string;
  readonly to: string;
  readonly previous: string;
  readonly yearAgo: string;
  /** The first period of the sparkline (the trend's). */
  readonly trendFrom: string;
}

/**
 * @example historyWindow('2024-03') // { from: '2023-03', to: '2024-03', previous: '2024-02', yearAgo: '2023-03', trendFrom: '2023-04' }
 * @example historyWindow('2016') // { from: '2012', to: '2016', previous: '2015', yearAgo: '2015', trendFrom: '2012' }
 */
export function historyWindow(period: string): HistoryWindow | null {
  const trend = trendWindow(period);
  const previous = periodBefore(period);
  if (trend === null || previous === null) return null;
  const yearAgo = samePeriodLastYear(period);
  const from = comparePeriodIds(yearAgo, trend.from) < 0 ? yearAgo : trend.from;
  return { from, to: period, previous, yearAgo, trendFrom: trend.from };
}
