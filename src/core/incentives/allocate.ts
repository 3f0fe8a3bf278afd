/**
 * Incentive allocation from published scores, in the decided order: threshold (below it, nothing) → tier
 * multiplier by rating → shares in proportion to score × base × multiplier → floors and caps with iterative
 * redistribution (bounded-shares.ts) → rounding in integer minor units to the rounding unit, the remainder by
 * largest remainder (largest-remainder.ts), so that the amounts add up exactly to the pool. A rule that cannot be
 * met is refused with the reason. Seeds 001 and 002 tie the evaluation to incentive and bonus distribution
 * (seed 002_db9e4dc6af8d1a80.txt, ch. 5); the arithmetic here is the decided one.
 */
import { badRequest } from '../errors/problem.ts';
import { boundedShares, type ShareBound } from './bounded-shares.ts';
import { roundByLargestRemainder } from './largest-remainder.ts';

/** What a unit's score is multiplied by besides its tier: its headcount, a coefficient set per unit, or 1 each. */
export type AllocationBaseKind = 'equal' | 'headcount' | 'coefficient';

export interface AllocationTier {
  /** A rating code of the scorecard's scheme (e.g. `excellent`). */
  readonly rating: string;
  readonly multiplier: number;
}

export interface AllocationRule {
  readonly base: AllocationBaseKind;
  /** Headcount or coefficient by unit code (not read for `equal`). */
  readonly bases: Readonly<Record<string, number>>;
  /** A published total below this gets nothing; null: no threshold. */
  readonly threshold: number | null;
  readonly tiers: readonly AllocationTier[];
  /** Per eligible unit, in minor units (whole rounding units); null: none. */
  readonly floor: number | null;
  readonly cap: number | null;
  /** Amounts are whole multiples of this many minor units (1 = to the fen/cent, 100 = to the yuan). */
  readonly roundingUnit: number;
}

export interface AllocationCandidate {
  readonly code: string;
  /** The published total, or null when the publication has none for the unit. */
  readonly score: number | null;
  readonly rating: string | null;
}

/** Why a unit gets nothing before any share is computed. */
export type AllocationExclusion = 'no-score' | 'below-threshold';

export interface AllocatedUnit {
  readonly code: string;
  readonly score: number | null;
  readonly rating: string | null;
  readonly base: number;
  readonly multiplier: number;
  readonly excluded: AllocationExclusion | null;
  /** score × base × multiplier (0 when excluded). */
  readonly weight: number;
  /** The amount before rounding, in minor units. */
  readonly exact: number;
  /** The amount paid, in minor units. */
  readonly amount: number;
  /** amount ÷ pool (0 for an empty pool). */
  readonly share: number;
  readonly bound: ShareBound | null;
}

export interface AllocationInput {
  /** The pool in minor units (an integer). */
  readonly pool: number;
  /** Minor digits of the currency (2 for CNY), to word amounts in a refusal. */
  readonly digits: number;
  readonly units: readonly AllocationCandidate[];
  readonly rule: AllocationRule;
}

/** A minor-unit amount in major units, as a refusal words it: `major(123456, 2)` → '1234.56'. */
function major(minor: number, digits: number): string {
  return (minor / 10 ** digits).toFixed(digits);
}

function checkRule({ pool, digits, rule }: AllocationInput): void {
  const unit = rule.roundingUnit;
  if (pool % unit !== 0) {
    throw badRequest(
      'incentive.pool-not-multiple',
      { pool: major(pool, digits), unit: major(unit, digits) },
      ['pool'],
    );
  }
  for (const [name, value] of [
    ['floor', rule.floor],
    ['cap', rule.cap],
  ] as const) {
    if (value !== null && value % unit !== 0) {
      throw badRequest(
        'incentive.bound-not-multiple',
        { amount: major(value, digits), unit: major(unit, digits) },
        ['rule', name],
      );
    }
  }
  if (rule.floor !== null && rule.cap !== null && rule.floor > rule.cap) {
    throw badRequest(
      'incentive.floor-above-cap',
      { floor: major(rule.floor, digits), cap: major(rule.cap, digits) },
      ['rule', 'floor'],
    );
  }
}

function baseOf(rule: AllocationRule, code: string): number {
  if (rule.base === 'equal') return 1;
  const value = rule.bases[code];
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw badRequest('incentive.base-missing', { unit: code }, ['rule', 'bases', code]);
  }
  return value;
}

function multiplierOf(rule: AllocationRule, rating: string | null): number {
  return rule.tiers.find((t) => t.rating === rating)?.multiplier ?? 1;
}

function exclusionOf(rule: AllocationRule, score: number | null): AllocationExclusion | null {
  if (score === null) return 'no-score';
  if (rule.threshold !== null && score < rule.threshold) return 'below-threshold';
  return null;
}

/**
 * Shares the pool among the units by the rule; the amounts add up exactly to the pool. Refuses (400, by code) a
 * pool or bound that is not a whole number of rounding units, a floor above the cap, floors that add up to more
 * than the pool or caps to less, no eligible unit, and a unit without a base.
 *
 * @example
 * allocate({ pool: 100_000, digits: 2, units: [{ code: 'A', score: 90, rating: null }, { code: 'B', score: 60, rating: null }],
 *   rule: { base: 'equal', bases: {}, threshold: null, tiers: [], floor: null, cap: null, roundingUnit: 100 } })
 *   .map((u) => u.amount) // [60_000, 40_000]
 */
export function allocate(input: AllocationInput): AllocatedUnit[] {
  checkRule(input);
  const { pool, digits, rule } = input;
  const rows = input.units.map((u) => {
    const base = baseOf(rule, u.code);
    const multiplier = multiplierOf(rule, u.rating);
    const excluded = exclusionOf(rule, u.score);
    const weight = excluded === null ? (u.score ?? 0) * base * multiplier : 0;
    return { ...u, base, multiplier, excluded, weight };
  });
  const eligible = rows.filter((r) => r.excluded === null);
  if (eligible.length === 0) {
    throw badRequest('incentive.no-eligible-unit', { threshold: rule.threshold ?? '—' });
  }
  if (rule.floor !== null && rule.floor * eligible.length > pool) {
    throw badRequest('incentive.floors-above-pool', {
      units: eligible.length,
      floors: major(rule.floor * eligible.length, digits),
      pool: major(pool, digits),
    });
  }
  if (rule.cap !== null && rule.cap * eligible.length < pool) {
    throw badRequest('incentive.caps-below-pool', {
      units: eligible.length,
      caps: major(rule.cap * eligible.length, digits),
      pool: major(pool, digits),
    });
  }
  const shares = boundedShares(
    pool,
    eligible.map((r) => r.weight),
    rule.floor,
    rule.cap,
  );
  if (shares === undefined) throw badRequest('incentive.no-weight', {});
  const amounts = roundByLargestRemainder(
    pool,
    rule.roundingUnit,
    eligible.map((r, i) => {
      const share = shares[i];
      return { key: r.code, exact: share?.exact ?? 0, pinned: share?.bound != null };
    }),
  );
  const byCode = new Map(eligible.map((r, i) => [r.code, { share: shares[i], amount: amounts[i] ?? 0 }]));
  return rows.map((r) => {
    const got = byCode.get(r.code);
    const amount = got?.amount ?? 0;
    return {
      code: r.code,
      score: r.score,
      rating: r.rating,
      base: r.base,
      multiplier: r.multiplier,
      excluded: r.excluded,
      weight: r.weight,
      exact: got?.share?.exact ?? 0,
      amount,
      share: pool > 0 ? amount / pool : 0,
      bound: got?.share?.bound ?? null,
    };
  });
}
