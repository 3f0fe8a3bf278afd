import { describe, expect, it } from 'vitest';
import {
  childLabel,
  childrenChartOption,
  describeChildren,
  describeSeries,
  ROLE_COLORS,
  seriesChartOption,
  tickDecimals,
} from './chart-options.ts';
import type { ChildValue, PeriodRow } from './indicator-series.ts';

const NAMES = { actual: 'Actual', target: 'Target', band: 'On-target band', reference: 'Reference' };

function row(period: string, values: Partial<PeriodRow> = {}): PeriodRow {
  return {
    period,
    actual: null,
    target: null,
    reference: null,
    quantified: null,
    score: null,
    status: 'no-data',
    ...values,
  };
}

const ROWS = [row('2015', { actual: 98.5, target: 100 }), row('2016', { actual: 103.2, target: 100 })];

function seriesNames(option: ReturnType<typeof seriesChartOption>): string[] {
  const series = option.series;
  return (Array.isArray(series) ? series : []).map((line) => String(line.name));
}

describe('seriesChartOption', () => {
  it('draws the actual and the target per period, with the periods as the reader says them', () => {
    const option = seriesChartOption({
      rows: ROWS,
      decimals: 1,
      band: null,
      names: NAMES,
      language: 'zh-CN',
    });
    expect(seriesNames(option)).toEqual(['Actual', 'Target']);
    expect(option.xAxis).toMatchObject({ data: ['2015年', '2016年'] });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]).toMatchObject({ data: [98.5, 103.2] });
    expect(series[1]).toMatchObject({ data: [100, 100] });
    expect(series[0]).not.toHaveProperty('markArea');
  });

  it('shades the band of a band indicator and adds the reference line when there is one', () => {
    const rows = [row('2016', { actual: 103.2, target: 100, reference: 99 })];
    const option = seriesChartOption({ rows, decimals: 1, band: [95, 105], names: NAMES, language: 'en' });
    expect(seriesNames(option)).toEqual(['Actual', 'Target', 'Reference']);
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]).toMatchObject({ markArea: { data: [[{ yAxis: 95 }, { yAxis: 105 }]] } });
    expect(series[2]).toMatchObject({ data: [99] });
  });
});

describe('children chart', () => {
  const head: ChildValue = {
    orgUnit: 'UMG-HEAD',
    name: { en: 'Head Hospital', zh: '总院' },
    role: 'head',
    actual: 1234.5,
    target: null,
    quantified: 1,
    status: 'met',
  };
  const branch: ChildValue = {
    orgUnit: 'UMG-B1',
    name: { en: 'Dongcheng' },
    role: 'branch',
    actual: null,
    target: null,
    quantified: null,
    status: 'no-data',
  };
  const children = [head, branch];
  const roles = { head: 'Head hospital', branch: 'Branch' };

  it('labels each bar with the unit and its role, coloured by role, in the given order', () => {
    const option = childrenChartOption(children, 0, 'en', 'Actual', roles);
    expect(option.yAxis).toMatchObject({ data: ['Head Hospital · Head hospital', 'Dongcheng · Branch'] });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series[0]).toMatchObject({
      data: [
        { value: 1234.5, itemStyle: { color: ROLE_COLORS.head } },
        { value: '-', itemStyle: { color: ROLE_COLORS.branch } },
      ],
    });
    expect(childLabel({ ...branch, role: null }, 'en', roles)).toBe('Dongcheng');
  });

  it('says the values in words for screen readers', () => {
    expect(describeChildren(children, 0, 'zh-CN')).toBe('总院 1,235、Dongcheng —');
    expect(describeSeries(ROWS, 1, 'en')).toBe('2015 98.5, 2016 103.2');
  });
});

describe('tickDecimals', () => {
  it('keeps the indicator decimals and adds what a finer tick needs, up to four', () => {
    expect(tickDecimals(290, 0)).toBe(0);
    expect(tickDecimals(289.5, 0)).toBe(1);
    expect(tickDecimals(290, 1)).toBe(1);
    expect(tickDecimals(0.123456, 1)).toBe(4);
  });
});
