import { describe, expect, it } from 'vitest';
import { checkLink, fisherInterval, pearson } from './link-check.ts';

/*
 * A constructed pair: the effect follows the cause three periods later (plus noise). Generated and checked in R
 * (4.x), whose figures are pasted below:
 *
 *   set.seed(14)
 *   x <- round(0.85 + 0.1 * sin(1:24 * 0.7) + rnorm(24, 0, 0.04), 3)
 *   e <- round(0.9 + 0.6 * (c(rep(NA,3), x[1:21]) - 0.85) + rnorm(24, 0, 0.03), 3)
 *   e[1:3] <- round(c(0.91, 0.88, 0.93), 3)
 *   for (k in 0:6) { ct <- cor.test(x[1:(24-k)], e[(1+k):24]); print(c(k, ct$estimate, ct$conf.int)) }
 */
const CAUSE = [
  0.888, 1.017, 1.021, 0.943, 0.813, 0.812, 0.749, 0.83, 0.837, 0.957, 0.934, 0.947, 0.909, 0.802, 0.782,
  0.787, 0.863, 0.918, 0.922, 0.993, 0.884, 0.872, 0.817, 0.75,
];
const EFFECT = [
  0.91, 0.88, 0.93, 0.948, 0.988, 0.96, 0.913, 0.868, 0.886, 0.861, 0.901, 0.882, 0.973, 0.943, 0.997, 0.936,
  0.858, 0.871, 0.863, 0.906, 0.902, 0.879, 0.959, 0.939,
];
/** R's cor.test per lag: [lag, r, lower, upper, n]. */
const R_COR_TEST: readonly (readonly [number, number, number, number, number])[] = [
  [0, -0.411650276151971, -0.698976148191891, -0.009897055218391, 24],
  [1, 0.15998667532779, -0.270022645396842, 0.536789285998542, 23],
  [2, 0.521198140546866, 0.127636800620045, 0.772956038325801, 22],
  [3, 0.846111699264653, 0.652900098320399, 0.935941094692995, 21],
  [4, 0.422324657161977, -0.024838043247222, 0.728666773199307, 20],
  [5, 0.135764088724763, -0.339372721715824, 0.555705616115591, 19],
  [6, -0.413611069296665, -0.737976030334223, 0.066004682092183, 18],
];

describe('checkLink', () => {
  it('finds the constructed lag of 3 periods with R’s r', () => {
    const check = checkLink(CAUSE, EFFECT);
    expect(check.lag).toBe(3);
    expect(check.r).toBeCloseTo(0.846111699264653, 12);
  });

  it('gives the 95 % interval and the number of periods cor.test gives at the best lag', () => {
    const check = checkLink(CAUSE, EFFECT);
    expect(check.n).toBe(21);
    expect(check.ci?.[0]).toBeCloseTo(0.652900098320399, 12);
    expect(check.ci?.[1]).toBeCloseTo(0.935941094692995, 12);
  });

  it.each(R_COR_TEST)('matches cor.test at lag %i', (lag, r, lower, upper, n) => {
    const found = checkLink(CAUSE, EFFECT).lags[lag];
    expect(found?.n).toBe(n);
    expect(found?.r).toBeCloseTo(r, 12);
    const ci = fisherInterval(found?.r ?? 0, n);
    expect(ci?.[0]).toBeCloseTo(lower, 12);
    expect(ci?.[1]).toBeCloseTo(upper, 12);
  });

  it('marks the constructed link as supported: its interval lies above 0', () => {
    expect(checkLink(CAUSE, EFFECT).support).toBe('supported');
  });

  it('marks a link whose best interval includes 0 (lags 0–1 only: r 0.160 at lag 1)', () => {
    const check = checkLink(CAUSE, EFFECT, { maxLag: 1 });
    expect([check.lag, check.support]).toEqual([1, 'ci-includes-zero']);
  });

  it('marks a link the data contradicts (lag 0 only: r −0.412, interval below 0)', () => {
    expect(checkLink(CAUSE, EFFECT, { maxLag: 0 }).support).toBe('opposite');
  });

  it('marks a link with fewer paired periods than the minimum, yet still reports r', () => {
    const check = checkLink(CAUSE.slice(0, 7), EFFECT.slice(0, 7), { maxLag: 0 });
    expect([check.n, check.support, check.r === null]).toEqual([7, 'too-few-periods', false]);
  });

  it('skips periods where either series has no value', () => {
    const cause = [1, 2, null, 4, 5];
    const effect = [2, 4, 6, null, 10];
    expect(pearson(cause, effect)).toEqual({ r: 1, n: 3 });
  });

  it('gives no lag and no r for series without any pair', () => {
    const check = checkLink([null, null, 1], [1, null, null]);
    expect([check.lag, check.r, check.support]).toEqual([null, null, 'too-few-periods']);
  });
});
