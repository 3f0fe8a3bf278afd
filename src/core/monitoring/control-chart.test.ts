import { describe, expect, it } from 'vitest';
import { controlChart } from './control-chart.ts';

// Baseline alternating 12, 10: centre 11, mean moving range 2, σ = 2 / 1.128 = 1.77305, limits 11 ± 5.31915,
// 2σ band 11 ± 3.54610 (7.4539 to 14.5461). It ends below the centre, so a following run starts fresh.
const BASELINE = [12, 10, 12, 10, 12, 10, 12, 10];

function xmr(after: readonly (number | null)[]) {
  return controlChart(
    [...BASELINE, ...after].map((value) => ({ value })),
    { type: 'xmr', baseline: 8 },
  );
}

describe('the XmR chart', () => {
  it('puts its limits at the baseline mean ± 2.66 mean moving ranges', () => {
    const chart = xmr([]);
    expect([chart.centre, chart.points[0]?.lower, chart.points[0]?.upper]).toEqual([
      11,
      expect.closeTo(5.68085, 5),
      expect.closeTo(16.31915, 5),
    ]);
  });

  it('is in control on its own baseline', () => {
    expect(xmr([]).status).toBe('in-control');
  });

  it('marks a point above the upper limit, and only that rule', () => {
    expect(xmr([11, 16.5, 11]).signals).toEqual([{ rule: 'beyond-limits', points: [9] }]);
  });

  it('marks eight points in a row above the centre', () => {
    expect(xmr(Array.from({ length: 8 }, () => 11.5)).signals).toEqual([
      { rule: 'shift', points: [8, 9, 10, 11, 12, 13, 14, 15] },
    ]);
  });

  it('does not mark seven points in a row on one side', () => {
    expect(xmr(Array.from({ length: 7 }, () => 11.5)).status).toBe('in-control');
  });

  it('lets a point on the centre line break a run', () => {
    expect(xmr([11.5, 11.5, 11.5, 11.5, 11, 11.5, 11.5, 11.5, 11.5]).status).toBe('in-control');
  });

  it('marks six points in a row rising', () => {
    expect(xmr([9.5, 10, 10.5, 11, 11.5, 12]).signals).toEqual([
      { rule: 'trend', points: [8, 9, 10, 11, 12, 13] },
    ]);
  });

  it('marks six points in a row falling', () => {
    expect(xmr([13, 12.5, 12, 11.5, 11, 10.5]).signals).toEqual([
      { rule: 'trend', points: [8, 9, 10, 11, 12, 13] },
    ]);
  });

  it('does not mark five rises, nor a run broken by a tie', () => {
    expect([xmr([9.5, 10, 10.5, 11, 11.5]).status, xmr([9.5, 10, 10.5, 10.5, 11, 11.5]).status]).toEqual([
      'in-control',
      'in-control',
    ]);
  });

  it('marks two of three points beyond 2σ on the same side', () => {
    expect(xmr([15, 11, 15]).signals).toEqual([{ rule: 'two-of-three', points: [8, 10] }]);
  });

  it('does not mark two points beyond 2σ on opposite sides', () => {
    expect(xmr([15, 11, 7]).status).toBe('in-control');
  });

  it('passes over a month without data', () => {
    expect(xmr([15, null, 15]).signals).toEqual([{ rule: 'two-of-three', points: [8, 10] }]);
  });

  it('gives no limits on fewer than six baseline points', () => {
    const chart = controlChart(
      [1, 2, 3, 4, 5].map((value) => ({ value })),
      { type: 'xmr' },
    );
    expect([chart.status, chart.centre]).toEqual(['insufficient-data', null]);
  });
});

describe('the p-chart', () => {
  // p̄ = 60 / 600 = 0.1; at n = 100 σ = 0.03 (limits 1 % to 19 %), at n = 400 σ = 0.015 (upper 14.5 %).
  const baseline = [10, 12, 8, 10, 11, 9].map((count) => ({ value: null, count, denominator: 100 }));

  it('puts its limits at p̄ ± 3√(p̄(1 − p̄)/n), as a percentage', () => {
    const chart = controlChart(baseline, { type: 'p', factor: 100 });
    expect([chart.type, chart.centre, chart.points[0]?.lower, chart.points[0]?.upper]).toEqual([
      'p',
      expect.closeTo(10, 10),
      expect.closeTo(1, 10),
      expect.closeTo(19, 10),
    ]);
  });

  it('marks 15 % of 400 cases beyond the limits but not 15 % of 100', () => {
    const chart = controlChart(
      [
        ...baseline,
        { value: null, count: 15, denominator: 100 },
        { value: null, count: 60, denominator: 400 },
      ],
      { type: 'p', baseline: 6 },
    );
    expect(chart.signals).toEqual([{ rule: 'beyond-limits', points: [7] }]);
  });

  it('widens the limits by Laney’s σz when large denominators are over-dispersed', () => {
    // p̄ = 0.105, σᵢ = √(0.105 × 0.895 / 10000) = 0.0030655; zᵢ = ±1.6310, ±4.8931, ±8.1552; mean moving
    // range 9.1337, σz = 8.0973: upper limit 0.105 + 3 × 0.0030655 × 8.0973 = 0.17947.
    const rates = [0.1, 0.12, 0.09, 0.11, 0.13, 0.08];
    const chart = controlChart(
      rates.map((r) => ({ value: null, count: r * 10000, denominator: 10000 })),
      { type: 'p' },
    );
    expect([chart.type, chart.sigmaZ, chart.points[0]?.upper]).toEqual([
      "p'",
      expect.closeTo(8.0973, 3),
      expect.closeTo(0.17947, 4),
    ]);
  });

  it('keeps the plain p-chart when the baseline is not over-dispersed', () => {
    const chart = controlChart(baseline, { type: 'p' });
    expect([chart.type, chart.dispersionP]).toEqual(['p', expect.closeTo(0.953, 3)]);
  });
});

describe('the u-chart', () => {
  // ū = 120 / 6000 = 0.02 per day; at 1000 days σ = 0.0044721: limits 6.584 to 33.416 per 1000 days.
  const baseline = [20, 25, 15, 20, 22, 18].map((count) => ({ value: null, count, denominator: 1000 }));

  it('puts its limits at ū ± 3√(ū/t)', () => {
    const chart = controlChart(baseline, { type: 'u', factor: 1000 });
    expect([chart.centre, chart.points[0]?.lower, chart.points[0]?.upper]).toEqual([
      expect.closeTo(20, 10),
      expect.closeTo(6.58359, 5),
      expect.closeTo(33.41641, 5),
    ]);
  });

  it('marks 40 events in 1000 days beyond the limits', () => {
    const chart = controlChart([...baseline, { value: null, count: 40, denominator: 1000 }], {
      type: 'u',
      baseline: 6,
    });
    expect(chart.signals).toEqual([{ rule: 'beyond-limits', points: [6] }]);
  });
});
