/**
 * Every test and interval against R's own results (fixtures/*.json, written by scripts/stats-fixtures.R):
 * p-values and estimates agree to 1e-8 relative, or 1e-14 absolute near 0.
 */
import { describe, expect, test } from 'vitest';
import bh from './fixtures/bh.json' with { type: 'json' };
import chiSquare from './fixtures/chi-square.json' with { type: 'json' };
import clopperPearson from './fixtures/clopper-pearson.json' with { type: 'json' };
import fisher from './fixtures/fisher.json' with { type: 'json' };
import its from './fixtures/its.json' with { type: 'json' };
import mannKendall from './fixtures/mann-kendall.json' with { type: 'json' };
import mannWhitney from './fixtures/mann-whitney.json' with { type: 'json' };
import poissonInterval from './fixtures/poisson-interval.json' with { type: 'json' };
import poissonRate from './fixtures/poisson-rate.json' with { type: 'json' };
import twoProportion from './fixtures/two-proportion.json' with { type: 'json' };
import welch from './fixtures/welch.json' with { type: 'json' };
import wilson from './fixtures/wilson.json' with { type: 'json' };
import {
  benjaminiHochberg,
  chiSquareTest,
  clopperPearsonInterval,
  fisherExactTest,
  interruptedTimeSeries,
  mannKendallTest,
  mannWhitneyTest,
  poissonRateInterval,
  poissonRateTest,
  twoProportionTest,
  welchTest,
  wilsonInterval,
} from './index.ts';

type Json = number | string | boolean | null | Json[] | { [key: string]: Json };
interface Fixture {
  readonly source: string;
  readonly cases: { input: Record<string, Json>; expected: Record<string, Json> }[];
}

// Imported, not read from disk, so the test stays free of I/O like the rest of core.
const FIXTURES: Record<string, unknown> = {
  bh,
  'chi-square': chiSquare,
  'clopper-pearson': clopperPearson,
  fisher,
  its,
  'mann-kendall': mannKendall,
  'mann-whitney': mannWhitney,
  'poisson-interval': poissonInterval,
  'poisson-rate': poissonRate,
  'two-proportion': twoProportion,
  welch,
  wilson,
};

/** R's Inf is written as the string "Infinity" (JSON has no infinity); this turns it back into a number. */
function revive(value: unknown): Json {
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

function loadFixture(name: string): Fixture {
  const fixture = revive(FIXTURES[name]);
  if (fixture === null || typeof fixture !== 'object' || Array.isArray(fixture))
    throw new Error(`no fixture ${name}`);
  const { source, cases } = fixture;
  if (typeof source !== 'string' || !Array.isArray(cases)) throw new Error(`fixture ${name} is malformed`);
  return {
    source,
    cases: cases.map((c) => {
      if (c === null || typeof c !== 'object' || Array.isArray(c))
        throw new Error(`fixture ${name} has a bad case`);
      const { input, expected } = c;
      if (!isRecord(input) || !isRecord(expected)) throw new Error(`fixture ${name} has a bad case`);
      return { input, expected };
    }),
  };
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

const RELATIVE = 1e-8;
const ABSOLUTE = 1e-14;

/** Compares numbers (and arrays of numbers) to R's within the tolerance; strings must be equal. */
function expectAgreement(actual: unknown, expected: Json, path: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    const list = actual as unknown[];
    expect(list.length, path).toBe(expected.length);
    expected.forEach((e, i) => {
      expectAgreement(list[i], e, `${path}[${i}]`);
    });
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    if (!Number.isFinite(expected)) {
      expect(a, path).toBe(expected);
      return;
    }
    const error = Math.abs(a - expected);
    expect(
      error <= RELATIVE * Math.abs(expected) || error <= ABSOLUTE,
      `${path}: ${a} vs R ${expected}`,
    ).toBe(true);
    return;
  }
  expect(actual, path).toEqual(expected);
}

function num(value: Json | undefined): number {
  if (typeof value !== 'number') throw new Error(`fixture value ${String(value)} is not a number`);
  return value;
}
function nums(value: Json | undefined): number[] {
  if (!Array.isArray(value)) throw new Error('fixture value is not an array');
  return value.map(num);
}
function pair(value: Json | undefined): [number, number] {
  const [a, b] = nums(value);
  return [a ?? Number.NaN, b ?? Number.NaN];
}
function bool(value: Json | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function checkAll(name: string, run: (input: Record<string, Json>) => Record<string, unknown>): void {
  const fixture = loadFixture(name);
  describe(`${name}, as R's ${fixture.source}`, () => {
    test('has at least 20 cases', () => {
      expect(fixture.cases.length).toBeGreaterThanOrEqual(20);
    });
    test.each(fixture.cases.map((c, i) => [i, JSON.stringify(c.input).slice(0, 80), c] as const))(
      'case %i: %s',
      (_i, _label, c) => {
        const actual = run(c.input);
        for (const [key, expected] of Object.entries(c.expected)) expectAgreement(actual[key], expected, key);
      },
    );
  });
}

checkAll('two-proportion', (i) => ({
  ...twoProportionTest(pair(i.x), pair(i.n), { correct: bool(i.correct) }),
}));
checkAll('chi-square', (i) => ({
  ...chiSquareTest((i.table as Json[]).map(nums), { correct: bool(i.correct) }),
}));
checkAll('fisher', (i) => {
  const [first, second] = (i.table as Json[]).map(pair);
  return { ...fisherExactTest([first ?? [0, 0], second ?? [0, 0]], { level: num(i.level) }) };
});
checkAll('poisson-rate', (i) => ({ ...poissonRateTest(pair(i.x), pair(i.t)) }));
checkAll('welch', (i) => ({ ...welchTest(nums(i.a), nums(i.b), { level: num(i.level) }) }));
checkAll('mann-whitney', (i) => ({
  ...mannWhitneyTest(nums(i.a), nums(i.b), { correct: bool(i.correct), exact: bool(i.exact) }),
}));
checkAll('mann-kendall', (i) => ({ ...mannKendallTest(nums(i.y)) }));
checkAll('its', (i) => {
  const result = interruptedTimeSeries(nums(i.y), num(i.intervention), {
    lag: num(i.lag),
    seasonPeriod: num(i.seasonPeriod),
    level: num(i.level),
  });
  return { ...result, ciLevel: result.ci.level, ciSlope: result.ci.slope };
});
checkAll('bh', (i) => ({ adjusted: benjaminiHochberg(nums(i.p)) }));
checkAll('wilson', (i) => ({ ci: wilsonInterval(num(i.x), num(i.n), num(i.level)) }));
checkAll('clopper-pearson', (i) => ({ ci: clopperPearsonInterval(num(i.x), num(i.n), num(i.level)) }));
checkAll('poisson-interval', (i) => ({ ci: poissonRateInterval(num(i.x), num(i.t), num(i.level)) }));
