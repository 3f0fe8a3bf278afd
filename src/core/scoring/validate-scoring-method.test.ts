/** `validateScoringMethod`: each configuration error is reported with its path (README.md in this folder). */
import { describe, expect, test } from 'vitest';
import type { Direction } from '../indicators/indicator.ts';
import { type ScoringMethod, validateScoringMethod } from './index.ts';

const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };
const band: Direction = { kind: 'band', lower: 95, upper: 105 };
const at = ['indicators', 4, 'scoring'] as const;

describe('validateScoringMethod accepts sound methods', () => {
  test.each([
    ['ratio with the default cap', { method: 'ratio' }, higher],
    ['ratio with no cap (seed 002 I1)', { method: 'ratio', cap: null }, higher],
    ['ratio on a band (seed 002 F5)', { method: 'ratio' }, band],
    ['linear on a lower indicator', { method: 'linear', floor: 12, cap: 1.5 }, lower],
    ['band on a band', { method: 'band', tolerance: 5 }, band],
    [
      'thresholds ascending with a gap',
      {
        method: 'thresholds',
        rules: [
          { max: 80, score: 0 },
          { min: 85, score: 1 },
        ],
      },
      higher,
    ],
    [
      'thresholds descending',
      {
        method: 'thresholds',
        rules: [
          { min: 95, score: 1.1 },
          { min: 90, max: 95, score: 0.5 },
        ],
      },
      higher,
    ],
    ['rubric', { method: 'rubric' }, higher],
  ] as const)('%s', (_name, method, direction) => {
    expect(validateScoringMethod(method, direction, at)).toEqual([]);
  });

  test('a linear floor on the right side of a known target', () => {
    expect(validateScoringMethod({ method: 'linear', floor: 50 }, higher, at, 90)).toEqual([]);
    expect(validateScoringMethod({ method: 'linear', floor: 12 }, lower, at, 6)).toEqual([]);
  });
});

describe('validateScoringMethod reports each problem at its path', () => {
  const cases: readonly (readonly [string, ScoringMethod, Direction, number | undefined, unknown[]])[] = [
    ['a band method without a band direction', { method: 'band', tolerance: 5 }, higher, undefined, [at]],
    ['a tolerance of 0', { method: 'band', tolerance: 0 }, band, undefined, [[...at, 'tolerance']]],
    ['a negative tolerance', { method: 'band', tolerance: -2 }, band, undefined, [[...at, 'tolerance']]],
    ['a negative cap', { method: 'ratio', cap: -1 }, higher, undefined, [[...at, 'cap']]],
    ['a cap of 0', { method: 'linear', floor: 0, cap: 0 }, higher, undefined, [[...at, 'cap']]],
    [
      'a band direction upside down',
      { method: 'ratio' },
      { kind: 'band', lower: 105, upper: 95 },
      undefined,
      [at],
    ],
    ['a linear method on a band', { method: 'linear', floor: 80 }, band, undefined, [at]],
    [
      'a linear floor that is not a number',
      { method: 'linear', floor: Number.NaN },
      higher,
      undefined,
      [[...at, 'floor']],
    ],
    [
      'a higher linear floor above the target',
      { method: 'linear', floor: 95 },
      higher,
      90,
      [[...at, 'floor']],
    ],
    ['a lower linear floor below the target', { method: 'linear', floor: 5 }, lower, 6, [[...at, 'floor']]],
    ['no threshold rules', { method: 'thresholds', rules: [] }, higher, undefined, [[...at, 'rules']]],
    [
      'overlapping threshold rules',
      {
        method: 'thresholds',
        rules: [
          { min: 90, score: 1 },
          { min: 80, score: 0.5 },
        ],
      },
      higher,
      undefined,
      [[...at, 'rules', 1]],
    ],
    [
      'unordered threshold rules',
      {
        method: 'thresholds',
        rules: [
          { min: 80, max: 90, score: 0.5 },
          { min: 90, score: 1 },
          { max: 80, score: 0 },
        ],
      },
      higher,
      undefined,
      [[...at, 'rules']],
    ],
    [
      'a rule whose min is not below its max',
      { method: 'thresholds', rules: [{ min: 90, max: 90, score: 1 }] },
      higher,
      undefined,
      [[...at, 'rules', 0]],
    ],
    [
      'a negative rule score',
      { method: 'thresholds', rules: [{ min: 0, score: -0.5 }] },
      higher,
      undefined,
      [[...at, 'rules', 0, 'score']],
    ],
    [
      'a rule edge that is not a number',
      { method: 'thresholds', rules: [{ min: Number.NaN, score: 1 }] },
      higher,
      undefined,
      [[...at, 'rules', 0, 'min']],
    ],
  ];

  /** The problem code each case reports. */
  const codes: Readonly<Record<string, string>> = {
    'a band method without a band direction': 'scoring.band-needs-band-direction',
    'a tolerance of 0': 'scoring.tolerance-not-positive',
    'a negative tolerance': 'scoring.tolerance-not-positive',
    'a negative cap': 'scoring.cap-not-positive',
    'a cap of 0': 'scoring.cap-not-positive',
    'a band direction upside down': 'scoring.band-direction-reversed',
    'a linear method on a band': 'scoring.linear-needs-direction',
    'a linear floor that is not a number': 'scoring.floor-not-finite',
    'a higher linear floor above the target': 'scoring.floor-not-below-target',
    'a lower linear floor below the target': 'scoring.floor-not-above-target',
    'no threshold rules': 'scoring.no-rules',
    'overlapping threshold rules': 'scoring.rules-overlap',
    'unordered threshold rules': 'scoring.rules-order',
    'a rule whose min is not below its max': 'scoring.rule-min-not-below-max',
    'a negative rule score': 'scoring.rule-score-negative',
    'a rule edge that is not a number': 'scoring.rule-end-not-finite',
  };

  test.each(cases)('%s', (name, method, direction, target, paths) => {
    const issues = validateScoringMethod(method, direction, at, target);
    expect(issues.map((issue) => issue.path)).toEqual(paths);
    expect(issues.map((issue) => issue.code)).toEqual(paths.map(() => codes[name]));
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
  });

  test('an unknown method from untyped input is reported, not thrown', () => {
    // JSON.parse stands in for a file that was never checked against the schema.
    const fromJson: ScoringMethod = JSON.parse('{"method":"sigmoid"}');
    const issues = validateScoringMethod(fromJson, higher, at);
    expect(issues).toEqual([
      {
        path: [...at, 'method'],
        code: 'scoring.unknown-method',
        params: { method: '"sigmoid"' },
        message: 'Unknown scoring method "sigmoid".',
      },
    ]);
  });
});
