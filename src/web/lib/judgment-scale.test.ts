import { describe, expect, it } from 'vitest';
import {
  formatJudgment,
  isSameJudgment,
  judgmentOf,
  judgmentValue,
  meaningKey,
  scalePositions,
} from './judgment-scale.ts';

describe('the two-sided judgment scale', () => {
  it('lists seed 002 Table 2.1 positions from the first item strongly favoured to the second', () => {
    expect(scalePositions('five-point').map(judgmentValue)).toEqual([
      5,
      4,
      3,
      2,
      1,
      1 / 2,
      1 / 3,
      1 / 4,
      1 / 5,
    ]);
  });

  it('has 17 positions on Saaty’s 1–9 scale', () => {
    expect(scalePositions('saaty')).toHaveLength(17);
  });

  it('reads a reciprocal entry as the second item favoured', () => {
    expect(judgmentOf(0.25, 'saaty')).toEqual({ side: 'second', intensity: 4 });
  });

  it('rounds a suggested value to the nearest intensity and clamps it to the scale', () => {
    expect([judgmentOf(2.56, 'saaty'), judgmentOf(12, 'five-point'), judgmentOf(1.2, 'saaty')]).toEqual([
      { side: 'first', intensity: 3 },
      { side: 'first', intensity: 5 },
      { side: 'equal', intensity: 1 },
    ]);
  });

  it('treats every way of saying "equal" as the same position', () => {
    expect(isSameJudgment({ side: 'first', intensity: 1 }, { side: 'equal', intensity: 1 })).toBe(true);
  });

  it('writes entries as fractions', () => {
    expect([formatJudgment(3), formatJudgment(1 / 3), formatJudgment(2.564), formatJudgment(1)]).toEqual([
      '3',
      '1/3',
      '2.56',
      '1',
    ]);
  });
});

describe('the meanings of the scale', () => {
  it('keys an intensity to its scale’s meaning, clamped to the scale', () => {
    expect([meaningKey('five-point', 3), meaningKey('five-point', 9), meaningKey('saaty', 9)]).toEqual([
      'judgmentScale.fivePoint.3',
      'judgmentScale.fivePoint.5',
      'judgmentScale.saaty.9',
    ]);
  });
});
