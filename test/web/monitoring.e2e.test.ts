/**
 * Statistical monitoring on the indicator page end to end: a demo group indicator whose control chart over
 * 2023–2024 (limits from 2023) has a special cause shows the chart, the status and each rule that fired in
 * words, as /api/series computes them, in English and in Chinese; the forecast panel names its method.
 * Screenshot: monitoring-en.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesJson } from '../../src/core/contracts/evaluation.ts';
import { type E2e, screenshot, startE2e, textOf } from './e2e-harness.ts';

// Months: the page shows years by default for a year, and five years give too few points for limits.
const SELECTION = 'scorecard=UMG-BSC&orgUnit=UMG&period=2024&granularity=month';

let e2e: E2e;
let series: SeriesJson;
let special: NonNullable<SeriesJson['controlCharts']>[number];

beforeAll(async () => {
  e2e = await startE2e();
  // The window the page asks for with months: two years ending with the selected year.
  series = await e2e.api<SeriesJson>('/api/series?scorecard=UMG-BSC&orgUnit=UMG&from=2023-01&to=2024-12');
  const found = series.controlCharts?.find((chart) => chart.status === 'special-cause');
  if (found === undefined) throw new Error('no demo indicator of UMG has a special cause in 2023–2024');
  special = found;
}, 300_000);

afterAll(async () => {
  await e2e?.close();
});

const RULES_EN = {
  'beyond-limits': 'A point beyond the control limits',
  shift: '8 or more points in a row on one side of the centre line',
  trend: '6 or more points in a row rising or falling',
  'two-of-three': '2 of 3 points in a row beyond 2σ on the same side',
} as const;

const RULES_ZH = {
  'beyond-limits': '有点超出控制限',
  shift: '连续 8 个及以上的点位于中心线同一侧',
  trend: '连续 6 个及以上的点持续上升或下降',
  'two-of-three': '连续 3 个点中有 2 个在同一侧超出 2σ',
} as const;

describe('the control chart on the indicator page', () => {
  it('shows the special cause, the rules that fired in words and the chart, in English', async () => {
    const { page, errors } = await e2e.openPage('en-US');
    await page.goto(e2e.url(`/indicators/${special.indicator}?${SELECTION}`));
    await page.getByTestId('control-chart-status').waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'control-chart-status')).toBe('Special cause');
    const rules = await page
      .getByTestId('control-chart-signal')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')));
    expect(rules).toEqual(special.signals.map((signal) => signal.rule));
    const first = special.signals[0];
    const firstText = await page.getByTestId('control-chart-signal').first().textContent();
    expect(firstText?.startsWith(`${first ? RULES_EN[first.rule] : ''}: `)).toBe(true);
    const label = await page.getByTestId('control-chart').getAttribute('aria-label', { timeout: 15_000 });
    expect(label).toMatch(/^Control chart of .+: Special cause$/);
    await page.getByTestId('forecast-method').waitFor({ timeout: 15_000 });
    await page.getByTestId('control-chart-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'monitoring-en.png');
    expect(errors).toEqual([]);
  });

  it('words the status and the rules in Chinese', async () => {
    const { page, errors } = await e2e.openPage('zh-CN');
    await page.goto(e2e.url(`/indicators/${special.indicator}?${SELECTION}`));
    await page.getByTestId('control-chart-status').waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'control-chart-status')).toBe('特殊原因变异');
    const texts = await page
      .getByTestId('control-chart-signal')
      .evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(texts.map((text) => text.split('：')[0])).toEqual(special.signals.map((s) => RULES_ZH[s.rule]));
    expect(errors).toEqual([]);
  });
});
