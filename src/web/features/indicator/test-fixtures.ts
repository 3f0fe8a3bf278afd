/** Small evaluations for the unit tests of this folder (shaped like `GET /api/evaluations`). */

import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { IndicatorJson } from './indicator-series.ts';

export function indicatorJson(id: string, values: Partial<IndicatorJson> = {}): IndicatorJson {
  return {
    id,
    name: { en: `Indicator ${id}`, zh: `指标${id}` },
    kind: 'quantitative',
    unit: { en: '%', zh: '%' },
    decimals: 1,
    method: 'ratio',
    scored: true,
    weight: 0.5,
    globalWeight: 0.1,
    actual: null,
    actualSource: 'none',
    target: null,
    reference: null,
    quantified: null,
    score: null,
    status: 'no-data',
    ...values,
  };
}

export function evaluationJson(indicators: readonly IndicatorJson[], period = '2016'): EvaluationJson {
  return {
    scorecard: 'AZ-HOSPITAL',
    orgUnit: 'AZ',
    period,
    total: null,
    rating: null,
    ratingCode: null,
    ratingLabel: null,
    weightCoverage: 1,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [
      {
        id: 'F',
        name: { en: 'Financial', zh: '财务维度' },
        weight: 0.2,
        score: null,
        coverage: 1,
        indicators: [],
      },
      {
        id: 'C',
        name: { en: 'Customer' },
        weight: 0.8,
        score: null,
        coverage: 1,
        indicators: [...indicators],
      },
    ],
  };
}
