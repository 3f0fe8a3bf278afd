import { describe, expect, test } from 'vitest';
import { combineWeights, criticWeights, entropyWeights } from './index.ts';
import { allHigher, directions, problemOf } from './test-helpers.ts';

/**
 * Xu, X. (2004), "A note on the subjective and objective integrated approach to determine attribute weights",
 * EJOR 156(2):530–532: four alternatives × four benefit attributes; entropy weights 0.4630, 0.3992, 0.1378,
 * 0.0000 as printed (R, by the formula: 0.462952, 0.399204, 0.137841, 0.000003).
 */
const XU_2004 = [
  [30, 30, 38, 29],
  [19, 54, 86, 29],
  [19, 15, 85, 28.9],
  [68, 70, 60, 29],
];

/**
 * Tuş, A. & Aytaç Adalı, E. (2019), "The new combination with CRITIC and WASPAS methods for the time and
 * attendance software selection problem", Opsearch 56(2):528–538: five packages × six criteria; the printed
 * CRITIC weights 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 are those of min–max normalisation with every
 * column read as given (higher is better); R gives 0.157003, 0.249489, 0.167675, 0.121100, 0.154099, 0.150633.
 */
const TUS_ADALI_2019 = [
  [5000, 3, 3, 4, 3, 2],
  [680, 5, 3, 2, 2, 1],
  [2000, 3, 2, 3, 4, 3],
  [600, 4, 3, 1, 2, 2],
  [800, 2, 4, 3, 3, 4],
];

describe('entropyWeights', () => {
  test('reproduces Xu (2004) to the 4 dp printed', () => {
    const weights = entropyWeights(XU_2004, allHigher(4));
    [0.463, 0.3992, 0.1378, 0].forEach((w, j) => {
      expect(weights[j]).toBeCloseTo(w, 4);
    });
  });

  test('treats 0·ln 0 as 0, so a column with zeros still gets a weight', () => {
    // column 1: p = (0, 0.5, 0.5) → e = ln 2 / ln 3 = 0.630930; column 2 is constant → e = 1, weight 0.
    const weights = entropyWeights(
      [
        [0, 5],
        [1, 5],
        [1, 5],
      ],
      allHigher(2),
    );
    expect(weights).toEqual([1, 0]);
  });

  test('reflects a lower column within its range (x′ = max + min − x) before taking shares', () => {
    // Papathanasiou & Ploskas columns 1 and 2, the second read as lower: R gives 0.272155, 0.727845.
    const matrix = [
      [8, 7],
      [5, 3],
      [7, 5],
      [9, 9],
      [11, 10],
      [6, 9],
    ];
    const weights = entropyWeights(matrix, directions('higher', 'lower'));
    expect(weights[0]).toBeCloseTo(0.272155, 6);
    expect(weights[1]).toBeCloseTo(0.727845, 6);
  });

  test('refuses negative values, naming each cell', () => {
    const problem = problemOf(() =>
      entropyWeights(
        [
          [1, -2],
          [3, 4],
        ],
        allHigher(2),
      ),
    );
    expect(problem.code).toBe('ranking.input-invalid');
    expect(problem.issues.map((i) => [i.code, i.path])).toEqual([
      ['ranking.value-negative', ['matrix', 0, 1]],
    ]);
  });

  test('refuses a matrix where no criterion tells the units apart', () => {
    const problem = problemOf(() =>
      entropyWeights(
        [
          [2, 3],
          [2, 3],
        ],
        allHigher(2),
      ),
    );
    expect(problem.issues[0]?.code).toBe('ranking.no-information');
  });
});

describe('criticWeights', () => {
  test('reproduces Tuş & Aytaç Adalı (2019) to the 3 dp printed', () => {
    const weights = criticWeights(TUS_ADALI_2019, allHigher(6));
    [0.157, 0.249, 0.168, 0.121, 0.154, 0.151].forEach((w, j) => {
      expect(weights[j]).toBeCloseTo(w, 3);
    });
  });

  test('reverses a lower criterion, (max − x)/(max − min), which changes its correlations', () => {
    // R: the price column read as lower gives 0.184066, 0.213029, 0.142214, 0.158301, 0.168382, 0.134008.
    const weights = criticWeights(
      TUS_ADALI_2019,
      directions('lower', 'higher', 'higher', 'higher', 'higher', 'higher'),
    );
    [0.184066, 0.213029, 0.142214, 0.158301, 0.168382, 0.134008].forEach((w, j) => {
      expect(weights[j]).toBeCloseTo(w, 6);
    });
  });

  test('refuses a constant criterion, whose correlation is undefined', () => {
    const problem = problemOf(() =>
      criticWeights(
        [
          [1, 4],
          [2, 4],
          [3, 4],
        ],
        allHigher(2),
      ),
    );
    expect(problem.issues.map((i) => [i.code, i.params])).toEqual([
      ['ranking.column-constant', { column: 2, method: 'CRITIC' }],
    ]);
  });
});

describe('combineWeights', () => {
  test('product: s·o normalised', () => {
    const w = combineWeights([0.2, 0.3, 0.5], [0.5, 0.25, 0.25], { kind: 'product' });
    // 0.1, 0.075, 0.125 over 0.3
    expect(w[0]).toBeCloseTo(1 / 3, 12);
    expect(w[1]).toBeCloseTo(0.25, 12);
    expect(w[2]).toBeCloseTo(5 / 12, 12);
  });

  test('linear: share of the subjective weights plus the rest of the objective ones', () => {
    const w = combineWeights([0.2, 0.8], [0.6, 0.4], { kind: 'linear', share: 0.25 });
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[1]).toBeCloseTo(0.5, 12);
  });

  test('refuses a share outside [0, 1]', () => {
    expect(problemOf(() => combineWeights([1], [1], { kind: 'linear', share: 1.5 })).code).toBe(
      'ranking.share-invalid',
    );
  });
});
