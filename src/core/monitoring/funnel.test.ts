import { describe, expect, it } from 'vitest';
import { poissonCdf } from '../stats/poisson-cdf.ts';
import fixtures from './fixtures/forecast.json' with { type: 'json' };
import { type FunnelKind, funnelLimit, funnelPlot } from './funnel.ts';

describe('the exact funnel limit, against R (qbinom/qpois with Spiegelhalter’s interpolation)', () => {
  // R's interpolation can fall below 0 for tiny expected counts; a plotted limit stops at 0 (and at 1 for a proportion).
  it.each(fixtures.funnel)('$kind θ = $theta, n = $n, p = $p', (c) => {
    expect(funnelLimit(c.kind as FunnelKind, c.theta, c.n, c.p)).toBeCloseTo(
      Math.min(c.kind === 'proportion' ? 1 : Number.POSITIVE_INFINITY, Math.max(0, c.limit)),
      10,
    );
  });
});

describe('a funnel plot', () => {
  // Hand-checked: θ = 0.2, n = 100; the 0.975 quantile is 28, F(28) = 0.979980, F(27) = 0.965848, so
  // α = (0.979980 − 0.975) / 0.014132 = 0.35238 and the upper 95 % limit is (28 − 0.35238) / 100 = 0.276476.
  const plot = funnelPlot(
    [
      { id: 'A', count: 30, denominator: 100 },
      { id: 'B', count: 10, denominator: 100 },
    ],
    'proportion',
    100,
  );

  it('centres on the group’s Σ counts ÷ Σ denominators', () => {
    expect(plot.target).toBeCloseTo(20, 10);
  });

  it('gives each unit its limits at its denominator', () => {
    expect(plot.units[0]?.limits.upper95).toBeCloseTo(27.6476, 3);
  });

  it('names the band each unit falls in', () => {
    expect(plot.units.map((u) => u.band)).toEqual(['above-95', 'below-95']);
  });

  it('places a unit beyond the 99.8 % limit', () => {
    const wide = funnelPlot(
      [
        { id: 'A', count: 50, denominator: 100 },
        { id: 'B', count: 100, denominator: 1000 },
      ],
      'proportion',
    );
    expect(wide.units[0]?.band).toBe('above-99.8');
  });

  it('ranks units among their peers, ties counting half', () => {
    const ranked = funnelPlot(
      [10, 20, 20, 30].map((count, i) => ({ id: String(i), count, denominator: 100 })),
      'proportion',
    );
    expect(ranked.units.map((u) => u.percentile)).toEqual([0, 50, 50, 100]);
  });

  it('leaves out units without a denominator', () => {
    const some = funnelPlot(
      [
        { id: 'A', count: 3, denominator: 0 },
        { id: 'B', count: 5, denominator: 50 },
      ],
      'rate',
    );
    expect(some.units.map((u) => u.id)).toEqual(['B']);
  });

  it('draws a curve from the smallest denominator to the largest', () => {
    const curve = funnelPlot(
      [
        { id: 'A', count: 3, denominator: 20 },
        { id: 'B', count: 50, denominator: 2000 },
      ],
      'rate',
    ).curve;
    expect([curve.length, curve[0]?.denominator, curve.at(-1)?.denominator]).toEqual([
      40,
      20,
      expect.closeTo(2000, 8),
    ]);
  });
});

describe('the Poisson distribution function', () => {
  it.each([
    [2402, 2500, 0.025025376117777397],
    [3, 2.5, 0.75757613313306593],
    [120, 100, 0.97733067092164727],
  ])('P(X ≤ %i) at λ = %d is R’s ppois', (r, lambda, expected) => {
    expect(poissonCdf(r, lambda)).toBeCloseTo(expected, 12);
  });
});
