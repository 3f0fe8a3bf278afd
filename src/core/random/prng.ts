/**
 * Seeded random numbers for the whole product (the demo's data, the Monte Carlo sensitivity of core/ahp).
 * The generator uses only integer operations, `+ − × ÷`, rounding and `Math.sqrt` (which every engine computes as the correctly rounded IEEE 754 square root), so a seed gives
 * bit-identical data on every engine. Box–Muller would need `Math.log` and `Math.cos`, whose last bit may
 * differ between engines.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger, 2017, public domain): a 32-bit Weyl sequence mixed like MurmurHash3.
 * Transcribed from the author's C reference; keep it identical everywhere (the demo data depends on it).
 * The tests compare it with a BigInt transcription of that C code.
 *
 * @example
 * const random = createMulberry32(2021);
 * random(); // a number in [0, 1), the same on every run and engine
 */
export function createMulberry32(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An approximately standard-normal number: the sum of 12 uniforms minus 6 (Irwin–Hall, mean 0, variance 1,
 * bounded to ±6). Good enough for month-to-month noise and needs no transcendental functions.
 *
 * @example
 * approximateNormal(createMulberry32(1)); // e.g. -0.41
 */
export function approximateNormal(random: Random): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += random();
  return sum - 6;
}
