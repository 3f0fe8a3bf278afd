import { describe, expect, it } from 'vitest';
import { isProblemError } from '../errors/problem.ts';
import { DEFAULT_STATUS_THRESHOLDS, statusOf, validateStatusThresholds } from './status.ts';

describe('statusOf', () => {
  it.each([
    [1.2, 'met'],
    [1, 'met'],
    [0.99, 'watch'],
    [0.9, 'watch'],
    [0.8999, 'off-track'],
    [0, 'off-track'],
    [null, 'no-data'],
    [undefined, 'no-data'],
    [Number.NaN, 'no-data'],
  ] as const)('gives %s the default status %s', (quantified, expected) => {
    expect(statusOf(quantified)).toBe(expected);
  });

  it('follows a scheme of its own', () => {
    const thresholds = { met: 0.95, watch: 0.8 };
    expect([0.96, 0.9, 0.79].map((q) => statusOf(q, thresholds))).toEqual(['met', 'watch', 'off-track']);
  });

  it('keeps the web issue rule as the default (met at 1, watch from 0.9)', () => {
    expect(DEFAULT_STATUS_THRESHOLDS).toEqual({ met: 1, watch: 0.9 });
  });
});

describe('validateStatusThresholds', () => {
  it('refuses watch above met with the code the client words', () => {
    let caught: unknown;
    try {
      validateStatusThresholds({ met: 0.8, watch: 0.9 }, ['scoring', 'status']);
    } catch (error) {
      caught = error;
    }
    expect(isProblemError(caught) ? [caught.problem.code, caught.problem.issues[0]?.path] : caught).toEqual([
      'scoring.status-thresholds',
      ['scoring', 'status'],
    ]);
  });
});
