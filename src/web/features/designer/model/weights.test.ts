import { describe, expect, it } from 'vitest';
import { compileScorecard } from '../../../../core/scorecard/compile-scorecard.ts';
import { addIndicator, newIndicator } from './scorecard-edits.ts';
import { testFile } from './test-file.ts';
import { buildWeightsBlock, checkWeightSum, weightLevels } from './weights.ts';

describe('checkWeightSum', () => {
  it('accepts percentages that add up to 100', () => {
    expect(checkWeightSum({ a: 33.3333, b: 33.3333, c: 33.3334 })).toEqual({
      sum: 100,
      ok: true,
      missing: [],
    });
  });

  it('accepts the rounding the format tolerates (0.2 points) and no more', () => {
    expect(checkWeightSum({ a: 50, b: 50.2 }).ok).toBe(true);
    expect(checkWeightSum({ a: 50, b: 50.3 }).ok).toBe(false);
  });

  it('refuses a wrong sum and names empty fields', () => {
    expect(checkWeightSum({ a: 40, b: 50 })).toEqual({ sum: 90, ok: false, missing: [] });
    expect(checkWeightSum({ a: 100, b: null })).toEqual({ sum: 100, ok: false, missing: ['b'] });
  });
});

describe('weight levels', () => {
  it('shows the weights in force in percent and writes them back as fractions the compiler accepts', () => {
    const file = addIndicator(testFile(), 'C', newIndicator('c2', 'C2'));
    const compiled = compileScorecard(file);
    const levels = weightLevels(file, {
      perspectives: new Map(compiled.perspectives.map((p) => [p.id, p.weight])),
      indicators: new Map(compiled.perspectives.flatMap((p) => p.indicators.map((i) => [i.id, i.weight]))),
    });
    expect(levels).toEqual([
      { key: 'perspectives', ids: ['F', 'C'], percent: { F: 60, C: 40 } },
      { key: 'F', ids: ['f1', 'f2'], percent: { f1: 75, f2: 25 } },
      { key: 'C', ids: ['c1', 'c2'], percent: { c1: 100, c2: 0 } },
    ]);
    const changed = levels.map((level) =>
      level.key === 'C' ? { ...level, percent: { c1: 70, c2: 30 } } : level,
    );
    const weights = buildWeightsBlock(changed);
    expect(weights.indicators.C).toEqual({ manual: { c1: 0.7, c2: 0.3 } });
    const recompiled = compileScorecard({ ...file, weights });
    expect(recompiled.perspectives[1]?.indicators.map((i) => i.globalWeight)).toEqual([0.4 * 0.7, 0.4 * 0.3]);
  });
});
