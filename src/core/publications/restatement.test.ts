import { describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../contracts/evaluation.ts';
import { differsFromPublished, type IndicatorInputs, restate } from './restatement.ts';

type Indicator = EvaluationJson['perspectives'][number]['indicators'][number];

function indicatorJson(id: string, patch: Partial<Indicator> = {}): Indicator {
  return {
    id,
    name: { en: id },
    kind: 'quantitative',
    unit: null,
    decimals: 2,
    method: 'ratio',
    scored: true,
    weight: 0.5,
    globalWeight: 0.5,
    actual: 90,
    actualSource: 'formula',
    target: 100,
    reference: null,
    quantified: 0.9,
    score: 45,
    status: 'watch',
    ...patch,
  };
}

function evaluationJson(indicators: Indicator[], patch: Partial<EvaluationJson> = {}): EvaluationJson {
  return {
    scorecard: 'S',
    orgUnit: 'U',
    period: '2023',
    total: 90,
    rating: 'Very good',
    ratingCode: 'very-good',
    ratingLabel: { en: 'Very good' },
    weightCoverage: 1,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [{ id: 'P', name: { en: 'P' }, weight: 1, score: 90, coverage: 1, indicators }],
    versions: {
      asOf: null,
      structure: { id: 1, version: 1, effectiveFrom: null, recordedAt: '2025-01-01T00:00:00.000Z' },
      weights: { id: 1, version: 1, effectiveFrom: null, recordedAt: '2025-01-01T00:00:00.000Z' },
      scoring: { version: 0, effectiveFrom: null },
      assignment: null,
      indicators: indicators.map((i) => ({
        id: i.id,
        version: 0,
        effectiveFrom: null,
        inEffect: true,
        target: null,
      })),
    },
    ...patch,
  };
}

function inputs(id: string, patch: Partial<IndicatorInputs> = {}): IndicatorInputs {
  return {
    indicator: id,
    numerator: 90,
    denominator: 100,
    actual: 90,
    actualSource: 'formula',
    target: 100,
    reference: null,
    methodVersion: 0,
    targetRecordId: 7,
    ...patch,
  };
}

describe('differsFromPublished', () => {
  it('is false for the same evaluation computed again', () => {
    const json = evaluationJson([indicatorJson('A')]);
    expect(differsFromPublished(json, structuredClone(json))).toBe(false);
  });

  it('is true when one indicator’s status differs, even with the same total', () => {
    const published = evaluationJson([indicatorJson('A')]);
    expect(differsFromPublished(published, evaluationJson([indicatorJson('A', { status: 'met' })]))).toBe(
      true,
    );
  });
});

describe('restate', () => {
  it('lists a changed actual with the data under it', () => {
    const published = { evaluation: evaluationJson([indicatorJson('A')]), inputs: [inputs('A')] };
    const now = {
      evaluation: evaluationJson([indicatorJson('A', { actual: 95, quantified: 0.95, score: 47.5 })], {
        total: 95,
      }),
      inputs: [inputs('A', { numerator: 95, actual: 95 })],
    };
    const result = restate(published, now);
    expect([result.rows.map((r) => [r.figure, r.published, r.now, r.why]), result.total, result.why]).toEqual(
      [
        [
          ['actual', 90, 95, ['values']],
          ['quantified', 0.9, 0.95, ['values']],
          ['score', 45, 47.5, ['values']],
        ],
        { published: 90, now: 95 },
        ['values'],
      ],
    );
  });

  it('names a changed target', () => {
    const published = { evaluation: evaluationJson([indicatorJson('A')]), inputs: [inputs('A')] };
    const now = {
      evaluation: evaluationJson([
        indicatorJson('A', { target: 90, quantified: 1, score: 50, status: 'met' }),
      ]),
      inputs: [inputs('A', { target: 90, targetRecordId: 8 })],
    };
    expect(restate(published, now).rows.map((r) => [r.figure, r.why])).toEqual([
      ['target', ['target']],
      ['quantified', ['target']],
      ['score', ['target']],
      ['status', ['target']],
    ]);
  });

  it('names another weight version and the weight that moved', () => {
    const published = { evaluation: evaluationJson([indicatorJson('A')]), inputs: [inputs('A')] };
    const moved = evaluationJson([indicatorJson('A', { weight: 0.8, globalWeight: 0.8, score: 72 })]);
    const now = {
      evaluation: {
        ...moved,
        versions: moved.versions && {
          ...moved.versions,
          weights: { id: 2, version: 2, effectiveFrom: '2023', recordedAt: '2025-02-01T00:00:00.000Z' },
        },
      },
      inputs: [inputs('A')],
    };
    const result = restate(published, now);
    expect([result.rows.map((r) => [r.figure, r.why]), result.why]).toEqual([
      [
        ['score', ['weights']],
        ['weight', ['weights']],
      ],
      ['weights'],
    ]);
  });

  it('lists nothing when nothing changed', () => {
    const side = { evaluation: evaluationJson([indicatorJson('A')]), inputs: [inputs('A')] };
    expect(restate(side, structuredClone(side))).toEqual({
      total: { published: 90, now: 90 },
      rating: { published: 'very-good', now: 'very-good' },
      rows: [],
      why: [],
    });
  });
});
