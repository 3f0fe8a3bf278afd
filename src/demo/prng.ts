/**
 * The demo's seeded random numbers: the generator itself lives in core/random (the AHP sensitivity analysis
 * uses it too); the demo adds a uniform integer.
 */
import type { Random } from '../core/random/prng.ts';

export { approximateNormal, createMulberry32, type Random } from '../core/random/prng.ts';

/**
 * A uniform integer in [0, n).
 *
 * @example
 * randomIndex(createMulberry32(1), 12); // a month index 0…11
 */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n);
}
