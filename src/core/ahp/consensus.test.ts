import { describe, expect, test } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { analysePanel, consensusIndicator, judgmentSpread, parseJudgmentMatrix } from './index.ts';

/** Expert k holds criterion k nine times as important as each other one (a consistent matrix). */
function favouring(k: number, n = 3): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : i === k ? 9 : j === k ? 1 / 9 : 1)),
  );
}

/**
 * Goepel's consensus indicator S* (Goepel 2013, ISAHP; Goepel 2018, IJAHP 10(3):469–487, eq. for S*): its two
 * defining cases, "no consensus" (n experts each favouring a different element by the scale maximum) and
 * "full consensus" (identical judgments).
 */
describe('consensusIndicator', () => {
  test('S* = 0 when three experts each favour a different criterion 9:1', () => {
    const panel = analysePanel([
      { matrix: favouring(0) },
      { matrix: favouring(1) },
      { matrix: favouring(2) },
    ]);
    expect(panel.consensus.sStar).toBeCloseTo(0, 12);
  });

  test('S* = 1 for identical experts', () => {
    const m = parseJudgmentMatrix([
      [1, 3, 5],
      ['1/3', 1, 2],
      ['1/5', '1/2', 1],
    ]);
    expect(analysePanel([{ matrix: m }, { matrix: m }, { matrix: m }]).consensus.sStar).toBeCloseTo(1, 12);
  });

  test('worked case: two experts, n = 2, priorities (0.9, 0.1) and (0.5, 0.5)', () => {
    // H_α = (0.325083 + 0.693147)/2 = 0.509115; mean (0.7, 0.3): H_γ = 0.610864; H_β = 0.101749;
    // M = e^−0.101749 = 0.903256; D = exp(H(0.9, 0.1))/2 = 1.384145/2 = 0.692073; S* = (M − D)/(1 − D) = 0.685822.
    const r = consensusIndicator([
      [0.9, 0.1],
      [0.5, 0.5],
    ]);
    expect(r.alphaEntropy).toBeCloseTo(0.509115, 6);
    expect(r.gammaEntropy).toBeCloseTo(0.610864, 6);
    expect(r.sStar).toBeCloseTo(0.685822, 6);
  });

  test('a smaller scale maximum (five-point, M = 5) makes the same disagreement count as less consensus', () => {
    const p = [
      [0.7, 0.2, 0.1],
      [0.2, 0.7, 0.1],
    ];
    expect(consensusIndicator(p, 5).sStar).toBeLessThan(consensusIndicator(p, 9).sStar);
  });
});

describe('judgmentSpread', () => {
  test('is exp of the sample SD of the log judgments, symmetric with 1 on the diagonal', () => {
    const spread = judgmentSpread([
      [
        [1, 2],
        [1 / 2, 1],
      ],
      [
        [1, 8],
        [1 / 8, 1],
      ],
    ]);
    // ln 2 and ln 8 = 3 ln 2: sample SD = √2 · ln 2 → exp = 2.665144
    expect(spread[0]?.[1]).toBeCloseTo(2.665144, 6);
    expect(spread[1]?.[0]).toBeCloseTo(2.665144, 6);
    expect(spread[0]?.[0]).toBe(1);
  });

  test('is 1 everywhere for a single expert', () => {
    expect(judgmentSpread([favouring(0)])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});

describe('analysePanel: keeping or excluding inconsistent experts', () => {
  // Expert 3 is inconsistent: a12 = 9, a23 = 9 but a13 = 1/9 (CR far above 0.1).
  const consistentA = favouring(0);
  const consistentB = parseJudgmentMatrix([
    [1, 3, 5],
    ['1/3', 1, 2],
    ['1/5', '1/2', 1],
  ]);
  const inconsistent = parseJudgmentMatrix([
    [1, 9, '1/9'],
    ['1/9', 1, 9],
    [9, '1/9', 1],
  ]);
  const experts = [{ matrix: consistentA }, { matrix: consistentB }, { matrix: inconsistent }];

  test('reports each expert’s CR and whether they are consistent', () => {
    const panel = analysePanel(experts);
    expect(panel.experts.map((e) => e.consistent)).toEqual([true, true, false]);
    expect(panel.experts[2]?.cr).toBeGreaterThan(0.1);
  });

  test('keep (default) counts every expert; the exclude choice is shown beside it', () => {
    const panel = analysePanel(experts);
    expect(panel.group.experts).toHaveLength(3);
    expect(panel.choices.keep.count).toBe(3);
    expect(panel.choices.exclude?.count).toBe(2);
  });

  test('exclude aggregates only the consistent experts, as aggregateGroup on those two does', () => {
    const panel = analysePanel(experts, { inconsistent: 'exclude' });
    expect(panel.group.experts).toHaveLength(2);
    expect(panel.experts.map((e) => e.included)).toEqual([true, true, false]);
    expect(panel.group.weights).toEqual(panel.choices.exclude?.weights);
    expect(panel.group.weights).not.toEqual(panel.choices.keep.weights);
  });

  test('exclude with no consistent expert is refused', () => {
    const problem = problemOf(() => analysePanel([{ matrix: inconsistent }], { inconsistent: 'exclude' }));
    expect(problem.code).toBe('ahp.no-consistent-experts');
  });
});
