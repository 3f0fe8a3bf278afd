import { describe, expect, test } from 'vitest';
import type { CompiledFormula } from '../formula/index.ts';
import { compileFormula } from '../formula/index.ts';
import {
  checkHistory,
  checkOutlier,
  checkPeers,
  checkRules,
  compare,
  median,
  medianAbsoluteDeviation,
  type QualityRule,
  type RuleOperator,
} from './index.ts';

function formula(source: string): CompiledFormula {
  const result = compileFormula(source, () => true);
  if (!result.ok) throw new Error(source);
  return result.formula;
}

function rule(id: string, left: string, operator: RuleOperator, right: string): QualityRule {
  return {
    id,
    left: formula(left),
    operator,
    right: formula(right),
    importance: 'high',
    message: { en: `${id} fails`, zh: `${id} 不成立` },
  };
}

const AZ_DIABETICS = rule(
  'diabetics-managed-within-registered',
  'managed_diabetics',
  '<=',
  'registered_diabetics',
);

describe('validation rules', () => {
  test('catch 900,000 diabetics managed out of 4,129 registered (the AZ case)', () => {
    const values: Record<string, number> = { managed_diabetics: 900_000, registered_diabetics: 4_129 };
    expect(checkRules([AZ_DIABETICS], (code) => values[code])).toEqual([
      {
        rule: 'diabetics-managed-within-registered',
        importance: 'high',
        left: 900_000,
        operator: '<=',
        right: 4_129,
        message: {
          en: 'diabetics-managed-within-registered fails',
          zh: 'diabetics-managed-within-registered 不成立',
        },
        dataElements: ['managed_diabetics', 'registered_diabetics'],
      },
    ]);
  });

  test('pass 3,900 managed out of 4,129 registered', () => {
    const values: Record<string, number> = { managed_diabetics: 3_900, registered_diabetics: 4_129 };
    expect(checkRules([AZ_DIABETICS], (code) => values[code])).toEqual([]);
  });

  test('skip a rule a side of which has no value', () => {
    const values: Record<string, number> = { managed_diabetics: 900_000 };
    expect(checkRules([AZ_DIABETICS], (code) => values[code])).toEqual([]);
  });

  test('evaluate formulas on both sides', () => {
    const sum = rule('parts-add-up', 'outpatient + inpatient', '==', 'patients');
    const values: Record<string, number> = { outpatient: 70, inpatient: 25, patients: 100 };
    expect(checkRules([sum], (code) => values[code]).map((v) => [v.rule, v.left, v.right])).toEqual([
      ['parts-add-up', 95, 100],
    ]);
  });

  test.each([
    [0.1 + 0.2, '==', 0.3, true],
    [1, '!=', 1, false],
    [1, '<', 1, false],
    [1, '<=', 1, true],
    [2, '>', 1, true],
    [1, '>=', 2, false],
  ] as const)('compare %d %s %d is %s', (left, operator, right, holds) => {
    expect(compare(left, operator, right)).toBe(holds);
  });
});

/** Twelve months of about 100 visits (median 100, MAD 1). */
const VISITS = [100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 100];

describe('modified z-score (Iglewicz and Hoaglin)', () => {
  test('median and MAD of a textbook sample', () => {
    expect([median([2, 4, 4, 4, 5, 5, 7, 9]), medianAbsoluteDeviation([2, 4, 4, 4, 5, 5, 7, 9])]).toEqual([
      4.5, 0.5,
    ]);
  });

  test('flag a visit count 10× its usual size: M = 0.6745 × 900 / 1', () => {
    const check = checkHistory(1000, VISITS);
    expect(check).toMatchObject({
      method: 'modified-z',
      median: 100,
      mad: 1,
      limit: 3.5,
      outlier: true,
      count: 12,
    });
    expect(check?.score).toBeCloseTo(607.05, 10);
  });

  test('leave a usual month alone: M = 0.6745 × 4 / 1 = 2.698', () => {
    const check = checkHistory(104, VISITS);
    expect([check?.outlier, check?.score]).toEqual([false, 0.6745 * 4]);
  });

  test('take a stricter threshold set for the element', () => {
    expect(checkHistory(104, VISITS, { threshold: 2.5 })?.outlier).toBe(true);
  });

  test('make no history check with fewer than 12 earlier values', () => {
    expect(checkHistory(1000, VISITS.slice(1))).toBeNull();
  });

  test('use only the latest 36 earlier values', () => {
    const history = [
      ...Array.from({ length: 10 }, () => 1000),
      ...Array.from({ length: 36 }, (_, i) => 100 + (i % 3) - 1),
    ];
    expect(checkHistory(1000, history)).toMatchObject({ count: 36, median: 100, outlier: true });
  });

  test('fall back to an absolute bound where the MAD is 0, and say so', () => {
    const beds = Array.from({ length: 12 }, () => 40);
    expect(checkHistory(61, beds)).toEqual({
      method: 'absolute-bound',
      value: 61,
      median: 40,
      mad: 0,
      score: null,
      limit: 20,
      outlier: true,
      count: 12,
    });
  });

  test('keep a value within the absolute bound', () => {
    expect(
      checkOutlier(
        45,
        Array.from({ length: 12 }, () => 40),
        { absoluteBound: 5 },
      ).outlier,
    ).toBe(false);
  });

  test('flag a rate far from its peers: median 0.05, MAD 0.01, M = 26.98', () => {
    const check = checkPeers(0.45, [0.05, 0.06, 0.04, 0.05, 0.07]);
    expect([check?.outlier, check?.median, check?.score?.toFixed(2)]).toEqual([true, 0.05, '26.98']);
  });

  test('make no peer check with fewer than 4 peers', () => {
    expect(checkPeers(0.45, [0.05, 0.06, 0.04])).toBeNull();
  });
});
