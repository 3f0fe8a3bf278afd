import { describe, expect, it } from 'vitest';
import { forecastSeries, projectYear } from './forecast.ts';

const seasonal = (months: number) =>
  Array.from({ length: months }, (_, t) => 100 + t + 5 * Math.sin((2 * Math.PI * t) / 12));

describe('choosing the forecast', () => {
  it('uses Holt–Winters on two full years of months', () => {
    expect(forecastSeries(seasonal(24), 3).method).toBe('holt-winters');
  });

  it('draws a line through 23 months', () => {
    expect(forecastSeries(seasonal(23), 3).method).toBe('linear');
  });

  it('draws a line when a gap leaves fewer than 24 months in the latest run', () => {
    const gapped: (number | null)[] = seasonal(30);
    gapped[10] = null;
    expect(forecastSeries(gapped, 3).method).toBe('linear');
  });

  it('gives nothing on two points', () => {
    expect(forecastSeries([1, 2], 3)).toMatchObject({ method: 'none', points: [] });
  });

  it('extends an exact line exactly, with a zero-width interval', () => {
    const points = forecastSeries([2, 4, 6, 8], 2).points;
    expect(points.map((p) => [p.fit, p.upper - p.lower])).toEqual([
      [expect.closeTo(10, 10), expect.closeTo(0, 10)],
      [expect.closeTo(12, 10), expect.closeTo(0, 10)],
    ]);
  });
});

describe('the year against its target', () => {
  it('sums a volume and finds the target missed even at the interval’s top', () => {
    expect(
      projectYear([10, 10, 10], [{ fit: 10, lower: 8, upper: 12 }], {
        aggregate: 'sum',
        target: 45,
        direction: { kind: 'higher' },
      }),
    ).toEqual({ projected: 40, lower: 38, upper: 42, likelyMissed: true, surelyMissed: true });
  });

  it('averages a rate and finds a lower-is-better target likely met', () => {
    expect(
      projectYear(
        [4, 6],
        [
          { fit: 5, lower: 2, upper: 8 },
          { fit: 5, lower: 2, upper: 8 },
        ],
        {
          aggregate: 'mean',
          target: 5.5,
          direction: { kind: 'lower' },
        },
      ),
    ).toEqual({ projected: 5, lower: 3.5, upper: 6.5, likelyMissed: false, surelyMissed: false });
  });

  it('finds it likely but not surely missed when the interval straddles the target', () => {
    const outlook = projectYear([4, 6], [{ fit: 5, lower: 2, upper: 8 }], {
      aggregate: 'mean',
      target: 4.5,
      direction: { kind: 'lower' },
    });
    expect([outlook?.likelyMissed, outlook?.surelyMissed]).toEqual([true, false]);
  });

  it('finds a band likely missed when the projection leaves it, and surely when the interval does', () => {
    const outlook = projectYear([20, 20], [{ fit: 20, lower: 19, upper: 21 }], {
      aggregate: 'mean',
      target: 0,
      direction: { kind: 'band', lower: 5, upper: 15 },
    });
    expect([outlook?.likelyMissed, outlook?.surelyMissed]).toEqual([true, true]);
  });
});
