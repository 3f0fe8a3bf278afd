import { describe, expect, test } from 'vitest';
import { normalCdf } from '../core/stats/index.ts';
import { HYPERTENSION_TARGET_Z } from './targets.ts';

describe('seed 000’s hypertension p-value', () => {
  test('puts the two-sided p-value of seed 000’s hypertension result, 0.145, at the hard-coded z', () => {
    expect(2 * normalCdf(-HYPERTENSION_TARGET_Z)).toBeCloseTo(0.145, 6);
  });
});
