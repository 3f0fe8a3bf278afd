import { describe, expect, it } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { createMulberry32 } from '../random/prng.ts';
import { type AllocationCandidate, type AllocationRule, allocate } from './allocate.ts';
import { boundedShares } from './bounded-shares.ts';
import { roundByLargestRemainder } from './largest-remainder.ts';

const RULE: AllocationRule = {
  base: 'equal',
  bases: {},
  threshold: null,
  tiers: [],
  floor: null,
  cap: null,
  roundingUnit: 1,
};

function units(...scores: (number | null)[]): AllocationCandidate[] {
  return scores.map((score, i) => ({ code: String.fromCharCode(65 + i), score, rating: null }));
}

function amounts(
  pool: number,
  candidates: AllocationCandidate[],
  rule: Partial<AllocationRule> = {},
): number[] {
  return allocate({ pool, digits: 2, units: candidates, rule: { ...RULE, ...rule } }).map((u) => u.amount);
}

describe('allocate: proportional shares and rounding', () => {
  it('shares 1000.00 among scores 90, 80, 70 to the fen, adding up exactly to the pool', () => {
    // 37500, 33333.33…, 29166.66…: the one fen left goes to the largest remainder (C, .67).
    expect(amounts(100_000, units(90, 80, 70))).toEqual([37_500, 33_333, 29_167]);
  });

  it('rounds to whole yuan (100 fen) and still adds up to the pool', () => {
    expect(amounts(100_000, units(90, 80, 70), { roundingUnit: 100 })).toEqual([37_500, 33_300, 29_200]);
  });

  it('gives a unit left over on a tie to the unit whose code sorts first, whatever the input order', () => {
    const shuffled: AllocationCandidate[] = [
      { code: 'C', score: 50, rating: null },
      { code: 'A', score: 50, rating: null },
      { code: 'B', score: 50, rating: null },
    ];
    expect(amounts(100_000, shuffled, { roundingUnit: 100 })).toEqual([33_300, 33_400, 33_300]);
  });

  it('adds up exactly to the pool for 200 random rules over 26 units', () => {
    const random = createMulberry32(15);
    const failures: string[] = [];
    for (let n = 0; n < 200; n++) {
      const candidates = Array.from({ length: 26 }, (_, i) => ({
        code: `U${String(i).padStart(2, '0')}`,
        score: Math.round(random() * 10_000) / 100,
        rating: null,
      }));
      const unit = [1, 10, 100][n % 3] ?? 1;
      const pool = Math.round(random() * 1_000_000) * unit;
      const rule = { roundingUnit: unit, floor: n % 2 === 0 ? unit * 100 : null, threshold: 20 };
      try {
        const got = amounts(pool, candidates, rule);
        const sum = got.reduce((a, b) => a + b, 0);
        if (sum !== pool || got.some((a) => a % unit !== 0)) failures.push(`${n}: ${sum} ≠ ${pool}`);
      } catch {
        // A pool too small for the floors is refused; that is tested on its own below.
      }
    }
    expect(failures).toEqual([]);
  });

  it('multiplies each score by its headcount', () => {
    const bases = { A: 10, B: 30 };
    expect(amounts(100_000, units(80, 80), { base: 'headcount', bases })).toEqual([25_000, 75_000]);
  });

  it('multiplies each score by its coefficient', () => {
    const bases = { A: 1.2, B: 0.8 };
    expect(amounts(100_000, units(50, 50), { base: 'coefficient', bases })).toEqual([60_000, 40_000]);
  });
});

describe('allocate: threshold and tiers', () => {
  it('gives nothing below the threshold and shares the pool among the others', () => {
    const result = allocate({
      pool: 100_000,
      digits: 2,
      units: units(90, 70, 50),
      rule: { ...RULE, threshold: 60 },
    });
    expect(result.map((u) => [u.amount, u.excluded])).toEqual([
      [56_250, null],
      [43_750, null],
      [0, 'below-threshold'],
    ]);
  });

  it('gives nothing to a unit without a published score', () => {
    const result = allocate({ pool: 100_000, digits: 2, units: units(90, null), rule: RULE });
    expect(result.map((u) => [u.amount, u.excluded])).toEqual([
      [100_000, null],
      [0, 'no-score'],
    ]);
  });

  it('multiplies an "excellent" rating by its tier (80 × 1.5 against 80)', () => {
    const candidates: AllocationCandidate[] = [
      { code: 'A', score: 80, rating: 'excellent' },
      { code: 'B', score: 80, rating: 'good' },
    ];
    const tiers = [{ rating: 'excellent', multiplier: 1.5 }];
    expect(amounts(100_000, candidates, { tiers })).toEqual([60_000, 40_000]);
  });
});

describe('allocate: floors and caps', () => {
  it('lifts units to the floor and takes what it costs from the others in proportion', () => {
    // 90 000, 9 000, 1 000 before the floor of 10 000: B and C are lifted, A pays the 10 000.
    const result = allocate({
      pool: 100_000,
      digits: 2,
      units: units(90, 9, 1),
      rule: { ...RULE, floor: 10_000 },
    });
    expect(result.map((u) => [u.amount, u.bound])).toEqual([
      [80_000, null],
      [10_000, 'floor'],
      [10_000, 'floor'],
    ]);
  });

  it('holds a unit at the cap and shares what it frees among the others in proportion', () => {
    const result = allocate({
      pool: 100_000,
      digits: 2,
      units: units(90, 6, 4),
      rule: { ...RULE, cap: 50_000 },
    });
    expect(result.map((u) => [u.amount, u.bound])).toEqual([
      [50_000, 'cap'],
      [30_000, null],
      [20_000, null],
    ]);
  });

  it('gives no floor to a unit below the threshold', () => {
    expect(amounts(100_000, units(90, 10), { threshold: 50, floor: 10_000 })).toEqual([100_000, 0]);
  });

  it('applies a cap and a floor together (1:1:8 of 1000 between 200 and 500)', () => {
    expect(boundedShares(1000, [1, 1, 8], 200, 500)).toEqual([
      { exact: 250, bound: null },
      { exact: 250, bound: null },
      { exact: 500, bound: 'cap' },
    ]);
  });
});

describe('allocate: rules that cannot be met', () => {
  it('refuses floors that add up to more than the pool', () => {
    const problem = problemOf(() => amounts(100_000, units(90, 80, 70), { floor: 40_000 }));
    expect([problem.code, problem.params]).toEqual([
      'incentive.floors-above-pool',
      { units: 3, floors: '1200.00', pool: '1000.00' },
    ]);
  });

  it('refuses caps that add up to less than the pool', () => {
    const problem = problemOf(() => amounts(100_000, units(90, 80, 70), { cap: 30_000 }));
    expect([problem.code, problem.params]).toEqual([
      'incentive.caps-below-pool',
      { units: 3, caps: '900.00', pool: '1000.00' },
    ]);
  });

  it('refuses a pool that is not a whole number of rounding units', () => {
    const problem = problemOf(() => amounts(100_050, units(90), { roundingUnit: 100 }));
    expect([problem.code, problem.params]).toEqual([
      'incentive.pool-not-multiple',
      { pool: '1000.50', unit: '1.00' },
    ]);
  });

  it('refuses a floor above the cap', () => {
    const problem = problemOf(() => amounts(100_000, units(90), { floor: 5_000, cap: 4_000 }));
    expect(problem.code).toBe('incentive.floor-above-cap');
  });

  it('refuses when no unit reaches the threshold', () => {
    const problem = problemOf(() => amounts(100_000, units(40, 30), { threshold: 60 }));
    expect([problem.code, problem.params]).toEqual(['incentive.no-eligible-unit', { threshold: 60 }]);
  });

  it('refuses a unit without a headcount', () => {
    const problem = problemOf(() => amounts(100_000, units(40, 30), { base: 'headcount', bases: { A: 3 } }));
    expect([problem.code, problem.params]).toEqual(['incentive.base-missing', { unit: 'B' }]);
  });

  it('refuses when every eligible unit weighs zero', () => {
    const problem = problemOf(() => amounts(100_000, units(0, 0)));
    expect(problem.code).toBe('incentive.no-weight');
  });
});

describe('roundByLargestRemainder', () => {
  it('gives the unit left over to the largest remainder', () => {
    const items = [
      { key: 'A', exact: 33.4, pinned: false },
      { key: 'B', exact: 33.3, pinned: false },
      { key: 'C', exact: 33.3, pinned: false },
    ];
    expect(roundByLargestRemainder(100, 1, items)).toEqual([34, 33, 33]);
  });

  it('never raises a share pinned on a bound', () => {
    const items = [
      { key: 'A', exact: 50, pinned: true },
      { key: 'B', exact: 25.5, pinned: false },
      { key: 'C', exact: 24.5, pinned: false },
    ];
    expect(roundByLargestRemainder(100, 1, items)).toEqual([50, 26, 24]);
  });
});
