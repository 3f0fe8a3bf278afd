/** Rating bands: seed 002 Table 4.10 (002_db9e4dc6af8d1a80.txt §4.2.2) and custom scales. */
import { describe, expect, test } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import { type RatingBand, rate, SEED002_RATING_BANDS, validateRatingBands } from './index.ts';

describe('rate with seed 002 Table 4.10', () => {
  test.each([
    [100, 'very-good', 'Very good', '优秀'],
    [92.57, 'very-good', 'Very good', '优秀'],
    [90, 'very-good', 'Very good', '优秀'],
    [89.999, 'good', 'Good', '良好'],
    [80, 'good', 'Good', '良好'],
    [79.99, 'fairly-good', 'Fairly good', '较好'],
    [70, 'fairly-good', 'Fairly good', '较好'],
    [60, 'average', 'Average', '一般'],
    [59.99, 'below-average', 'Below average', '较差'],
    [50, 'below-average', 'Below average', '较差'],
    [49.99, 'poor', 'Poor', '差'],
    [0, 'poor', 'Poor', '差'],
    // An uncapped indicator can push a score past 100; it is still "very good".
    [108.89, 'very-good', 'Very good', '优秀'],
  ] as const)('%d is %s', (score, code, en, zh) => {
    const band = rate(score);
    expect(band.code).toBe(code);
    expect(band.label).toEqual({ en, zh });
  });

  test('the seed table is itself valid', () => {
    expect(validateRatingBands(SEED002_RATING_BANDS)).toEqual([]);
  });

  test.each([-0.01, Number.NaN, Number.POSITIVE_INFINITY])('%d cannot be rated', (score) => {
    let caught: unknown;
    try {
      rate(score);
    } catch (error) {
      caught = error;
    }
    expect(isProblemError(caught) && caught.problem.type).toBe('bad-request');
  });
});

// A three-step traffic light, listed out of order on purpose: `rate` does not depend on the order.
const TRAFFIC_LIGHT: readonly RatingBand[] = [
  { code: 'amber', min: 60, label: { en: 'Amber', zh: '黄' } },
  { code: 'green', min: 85, label: { en: 'Green', zh: '绿' } },
  { code: 'red', min: Number.NEGATIVE_INFINITY, label: { en: 'Red', zh: '红' } },
];

describe('rate with custom bands', () => {
  test.each([
    [85, 'green'],
    [84.9, 'amber'],
    [60, 'amber'],
    [12, 'red'],
    [-5, 'red'],
  ] as const)('%d is %s', (score, code) => {
    expect(rate(score, TRAFFIC_LIGHT).code).toBe(code);
  });

  test('a score below every band is refused', () => {
    const bands: RatingBand[] = [{ code: 'pass', min: 50, label: { en: 'Pass' } }];
    expect(() => rate(20, bands)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'scoring.score-below-bands' }) }),
    );
  });
});

describe('validateRatingBands', () => {
  const label = { en: 'A band' };
  test.each([
    ['no bands', [], [['bands']]],
    [
      'a code used twice',
      [
        { code: 'ok', min: 50, label },
        { code: 'ok', min: 0, label },
      ],
      [['bands', 1, 'code']],
    ],
    [
      'a min used twice',
      [
        { code: 'a', min: 50, label },
        { code: 'b', min: 50, label },
        { code: 'c', min: 0, label },
      ],
      [['bands', 1, 'min']],
    ],
    [
      'bands listed lowest first',
      [
        { code: 'low', min: 0, label },
        { code: 'high', min: 50, label },
      ],
      [['bands', 1, 'min']],
    ],
    [
      'scores below the lowest band left without a band',
      [{ code: 'pass', min: 50, label }],
      [['bands', 0, 'min']],
    ],
    ['an empty code', [{ code: ' ', min: 0, label }], [['bands', 0, 'code']]],
    ['an empty English label', [{ code: 'a', min: 0, label: { en: '' } }], [['bands', 0, 'label', 'en']]],
    [
      'a min that is not a number',
      [
        { code: 'a', min: 0, label },
        { code: 'b', min: Number.NaN, label },
      ],
      [['bands', 1, 'min']],
    ],
  ] as const)('reports %s', (_name, bands, paths) => {
    const issues = validateRatingBands(bands, ['bands']);
    expect(issues.map((issue) => issue.path)).toEqual(paths);
  });

  test('accepts a last band that starts at -Infinity', () => {
    expect(validateRatingBands([...TRAFFIC_LIGHT].sort((a, b) => b.min - a.min))).toEqual([]);
  });
});
