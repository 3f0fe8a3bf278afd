import { describe, expect, test } from 'vitest';
import { isProblemError } from '../core/errors/problem.ts';
import { twoProportionZTest } from '../core/stats/index.ts';
import { calibratePooledZ, calibrateRatioChange, rescaleToTotal, sumYear } from './calibrate.ts';
import { monthsOfYear } from './periods.ts';

function flat(value: number): number[] {
  return new Array<number>(48).fill(value);
}

describe('rescaleToTotal', () => {
  test('keeps proportions and hits the target exactly with whole numbers', () => {
    const series = [[10, 20, 30]];
    rescaleToTotal(series, [0, 1, 2], 66);
    expect(series).toEqual([[11, 22, 33]]);
  });

  test('gives the rounding remainder to the largest fractions', () => {
    const series = [[1, 1, 1]];
    rescaleToTotal(series, [0, 1, 2], 4);
    expect(series[0]?.reduce((a, b) => a + b, 0)).toBe(4);
    expect(series[0]).toEqual([2, 1, 1]);
  });

  test('moves what exceeds a cap to cells with room', () => {
    const series = [[90, 10]];
    rescaleToTotal(series, [0, 1], 120, [[95, 100]]);
    expect(series).toEqual([[95, 25]]);
  });

  test('refuses a target above the caps’ total', () => {
    const error = caught(() => rescaleToTotal([[5, 5]], [0, 1], 30, [[10, 10]]));
    expect(isProblemError(error) ? error.problem.type : error).toBe('internal');
  });
});

function caught(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('calibrateRatioChange', () => {
  test('makes the 2024 annual ratio the 2021 ratio times (1 + change)', () => {
    const numerators = [flat(300), flat(200)];
    const denominators = [flat(1000), flat(500)];
    calibrateRatioChange(numerators, denominators, 0.3635, true);
    const r2021 = sumYear(numerators, 2021) / sumYear(denominators, 2021);
    const r2024 = sumYear(numerators, 2024) / sumYear(denominators, 2024);
    expect((r2024 / r2021 - 1) * 100).toBeCloseTo(36.35, 3);
    for (const t of monthsOfYear(2023)) expect(numerators[0]?.[t]).toBe(300);
  });
});

describe('calibratePooledZ', () => {
  test('sets 2024 so that the z-test of annual mean counts gives the requested z', () => {
    const numerators = [flat(7000)];
    const denominators = [flat(10_000)];
    calibratePooledZ(numerators, denominators, 1.4574217385976507, 12);
    const x1 = sumYear(numerators, 2021) / 12;
    const x2 = sumYear(numerators, 2024) / 12;
    expect(twoProportionZTest(x1, 10_000, x2, 10_000).pValue).toBeCloseTo(0.145, 3);
  });
});
