import { describe, expect, test } from 'vitest';
import { approximateNormal, createMulberry32, randomIndex } from './prng.ts';

/**
 * Tommy Ettinger's C reference of Mulberry32 (gist tommyettinger/46a874533244883189143505d203312c),
 * transcribed with BigInt so that it shares no 32-bit tricks (Math.imul, `| 0`, `>>> 0`) with the code under test:
 *   uint32_t z = (x += 0x6D2B79F5UL);
 *   z = (z ^ (z >> 15)) * (z | 1UL);
 *   z ^= z + (z ^ (z >> 7)) * (z | 61UL);
 *   return z ^ (z >> 14);
 */
function referenceMulberry32(seed: number, count: number): number[] {
  const mask = 0xffffffffn;
  let x = BigInt(seed) & mask;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + 0x6d2b79f5n) & mask;
    let z = x;
    z = ((z ^ (z >> 15n)) * (z | 1n)) & mask;
    z = (z ^ ((z + (((z ^ (z >> 7n)) * (z | 61n)) & mask)) & mask)) & mask;
    out.push(Number(z ^ (z >> 14n)) / 2 ** 32);
  }
  return out;
}

describe('createMulberry32', () => {
  test.each([0, 1, 2021, 123_456_789, 0xffff_ffff])(
    'matches the C reference for seed %i over 2,000 draws',
    (seed) => {
      const random = createMulberry32(seed);
      const drawn = Array.from({ length: 2000 }, () => random());
      expect(drawn).toEqual(referenceMulberry32(seed, 2000));
    },
  );

  test('draws numbers in [0, 1) whose mean is close to one half', () => {
    const random = createMulberry32(2021);
    const drawn = Array.from({ length: 100_000 }, () => random());
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...drawn)).toBeLessThan(1);
    const mean = drawn.reduce((a, b) => a + b, 0) / drawn.length;
    // Standard error of the mean of U(0,1) over 1e5 draws is 0.0009; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
  });
});

describe('approximateNormal', () => {
  test('has mean 0 and variance 1 like the Irwin–Hall sum of 12 uniforms minus 6', () => {
    const random = createMulberry32(7);
    const drawn = Array.from({ length: 50_000 }, () => approximateNormal(random));
    const mean = drawn.reduce((a, b) => a + b, 0) / drawn.length;
    const variance = drawn.reduce((a, b) => a + (b - mean) ** 2, 0) / (drawn.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.025);
    expect(Math.abs(variance - 1)).toBeLessThan(0.035);
  });
});

describe('randomIndex', () => {
  test('covers every index of a month and nothing outside it', () => {
    const random = createMulberry32(3);
    const seen = new Set(Array.from({ length: 1000 }, () => randomIndex(random, 12)));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
