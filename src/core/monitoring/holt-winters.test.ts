import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/forecast.json' with { type: 'json' };
import { forecastLinear } from './forecast.ts';
import { fitHoltWinters, forecastHoltWinters } from './holt-winters.ts';

// R's HoltWinters stops L-BFGS-B early (finite-difference gradients of step 1e-3, factr 1e7): our fit may find a
// slightly lower sum of squares, never a higher one, and then forecasts agree with R's to a small share of the
// series' own spread.
describe.each(fixtures.holtWinters)('Holt–Winters on $name, against R', (c) => {
  const fit = fitHoltWinters(c.x, 12);
  const spread = Math.max(...c.x) - Math.min(...c.x);

  it('reaches a sum of squared errors no higher than R’s', () => {
    expect(fit.sse).toBeLessThanOrEqual(c.sse * (1 + 1e-7));
    expect(fit.sse).toBeGreaterThan(c.sse * (1 - 1e-2));
  });

  it('finds R’s smoothing parameters to three decimals', () => {
    expect([fit.alpha, fit.beta, fit.gamma]).toEqual(
      [c.alpha, c.beta, c.gamma].map((v) => expect.closeTo(v, 3)),
    );
  });

  it('forecasts the next twelve months as R does', () => {
    const forecast = forecastHoltWinters(fit, 12, 0.95);
    expect(forecast.map((p) => p.fit)).toEqual(
      c.fit.map((v) => expect.closeTo(v, -Math.log10(spread * 1e-3))),
    );
  });

  it('gives R’s 95 % prediction interval', () => {
    const forecast = forecastHoltWinters(fit, 12, 0.95);
    const widths = forecast.map((p) => p.upper - p.lower);
    expect(widths).toEqual(
      c.upper.map((u, i) => expect.closeTo(u - (c.lower[i] ?? 0), -Math.log10(spread * 1e-3))),
    );
  });
});

describe.each(fixtures.linear)('the linear forecast of $y, against R’s predict.lm', (c) => {
  it('gives R’s fit and prediction interval three steps ahead', () => {
    const forecast = forecastLinear(c.y, 3, 0.95);
    expect(forecast.flatMap((p) => [p.fit, p.lower, p.upper])).toEqual(
      c.fit.flatMap((f, i) => [f, c.lower[i], c.upper[i]].map((v) => expect.closeTo(v ?? Number.NaN, 9))),
    );
  });
});
