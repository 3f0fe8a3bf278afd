/**
 * The demo group's 2024 ranking (`GET /api/rankings?scorecard=UMG-BSC&parent=UMG&period=2024`), cut down to two
 * hospitals and three indicators, as the heatmap's input. Each indicator's status is the one the server sends:
 * by the default thresholds (core/scoring/status.ts) unless a test gives another.
 */
import { describe, expect, it } from 'vitest';
import { rankingMatrixOf } from '../../../core/scoring/ranking-views.ts';
import { statusOf } from '../../../core/scoring/status.ts';
import type { EvaluationJson } from '../../lib/api/evaluations.ts';
import type { IndicatorStatus } from '../../lib/status.ts';
import {
  buildHeatmapMatrix,
  HEATMAP_STATUSES,
  type HeatmapUnit,
  heatmapFromRankingMatrix,
} from './heatmap-matrix.ts';

function unit(
  code: string,
  name: { en: string; zh: string },
  role: string | null,
  values: Record<string, number | null>,
  statuses: Record<string, IndicatorStatus> = {},
): HeatmapUnit {
  const indicator = (id: string, en: string, zh: string) => ({
    id,
    name: { en, zh },
    kind: 'quantitative' as const,
    unit: null,
    decimals: 1,
    method: 'ratio',
    scored: true,
    weight: 0.3,
    globalWeight: 0.1,
    actual: null,
    actualSource: 'reported' as const,
    target: null,
    reference: null,
    quantified: values[id] ?? null,
    score: null,
    status: statuses[id] ?? statusOf(values[id]),
  });
  const evaluation: EvaluationJson = {
    scorecard: 'UMG-BSC',
    orgUnit: code,
    period: '2024',
    total: 95,
    rating: 'Very good',
    ratingCode: 'very-good',
    ratingLabel: { en: 'Very good', zh: '优秀' },
    weightCoverage: 1,
    minimumCoverage: 0,
    insufficientData: false,
    missingData: 'renormalize',
    perspectives: [
      {
        id: 'F',
        name: { en: 'Financial', zh: '财务维度' },
        weight: 0.5,
        score: 95,
        coverage: 1,
        indicators: [indicator('medical_revenue', 'Medical revenue', '医疗收入')],
      },
      {
        id: 'C',
        name: { en: 'Customer', zh: '客户维度' },
        weight: 0.5,
        score: 95,
        coverage: 1,
        indicators: [
          indicator('county_visit_rate', 'County visit rate', '县域就诊率'),
          indicator(
            'diabetes_management_rate',
            'Diabetes standardised management rate',
            '糖尿病患者规范管理率',
          ),
        ],
      },
    ],
  };
  return { rank: 1, orgUnit: code, name, type: 'hospital', level: 2, cohort: 'hospital@2', role, evaluation };
}

const ITEMS = [
  unit('UMG-B3', { en: 'Nanpu Branch Hospital', zh: '南浦分院' }, 'branch', {
    medical_revenue: 0.9439558248345816,
    county_visit_rate: 0.879873886061305,
    diabetes_management_rate: 1,
  }),
  unit('UMG-HEAD', { en: 'Head Hospital', zh: '总院' }, 'head', {
    medical_revenue: 1,
    county_visit_rate: null,
    diabetes_management_rate: 1,
  }),
];

describe('buildHeatmapMatrix', () => {
  it('has a row per unit in ranking order and a column per indicator in scorecard order', () => {
    const matrix = buildHeatmapMatrix(ITEMS, 'zh-CN');
    expect(matrix.units).toEqual([
      { code: 'UMG-B3', label: '南浦分院', role: 'branch' },
      { code: 'UMG-HEAD', label: '总院', role: 'head' },
    ]);
    expect(matrix.indicators).toEqual([
      { id: 'medical_revenue', label: '医疗收入', perspective: '财务维度' },
      { id: 'county_visit_rate', label: '县域就诊率', perspective: '客户维度' },
      { id: 'diabetes_management_rate', label: '糖尿病患者规范管理率', perspective: '客户维度' },
    ]);
  });

  it('puts each status and quantified value at [column, row] and marks a missing value with "-"', () => {
    const [met, watch, offTrack, noData] = [0, 1, 2, 3];
    expect(buildHeatmapMatrix(ITEMS, 'en').cells).toEqual([
      [0, 0, watch, 0.9439558248345816],
      [1, 0, offTrack, 0.879873886061305],
      [2, 0, met, 1],
      [0, 1, met, 1],
      [1, 1, noData, '-'],
      [2, 1, met, 1],
    ]);
  });

  it('colours a cell by the status the server sent, not by thresholds of its own', () => {
    // A scorecard whose thresholds make 0.85 a "watch" (core/scoring/status.ts: the scheme may set them).
    const own = unit(
      'UMG-B1',
      { en: 'Dongcheng', zh: '东城分院' },
      'branch',
      { medical_revenue: 0.85 },
      {
        medical_revenue: 'watch',
      },
    );
    const [cell] = buildHeatmapMatrix([own], 'en').cells;
    expect(HEATMAP_STATUSES[cell?.[2] ?? -1]).toBe('watch');
  });

  it('marks an indicator a unit does not have as no data', () => {
    const partial = unit('UMG-B2', { en: 'Xicheng', zh: '西城分院' }, 'branch', { medical_revenue: 1 });
    partial.evaluation.perspectives[1]?.indicators.splice(0, 2);
    const cells = buildHeatmapMatrix(
      [ITEMS[0], partial].flatMap((item) => item ?? []),
      'en',
    ).cells;
    expect(
      cells.filter(([, row]) => row === 1).map(([column, , status]) => [column, HEATMAP_STATUSES[status]]),
    ).toEqual([
      [0, 'met'],
      [1, 'no-data'],
      [2, 'no-data'],
    ]);
  });

  it('is empty for a unit without children', () => {
    expect(buildHeatmapMatrix([], 'en')).toEqual({ units: [], indicators: [], cells: [] });
  });
});

describe('heatmapFromRankingMatrix', () => {
  it("draws the server's compact matrix (GET /api/rankings/matrix) as the ranking's evaluations draw", () => {
    const compact = rankingMatrixOf('UMG-BSC', '2024', ITEMS);
    expect(heatmapFromRankingMatrix(compact, 'zh-CN')).toEqual(buildHeatmapMatrix(ITEMS, 'zh-CN'));
  });

  it('names the rows as the page labels its units, keeping the server’s name for a code it does not know', () => {
    const compact = rankingMatrixOf('UMG-BSC', '2024', ITEMS);
    const first = compact.units[0]?.orgUnit ?? '';
    const labels = heatmapFromRankingMatrix(compact, 'en', (code) =>
      code === first ? 'Surgery · East branch' : code,
    ).units.map((row) => row.label);
    expect(labels).toEqual([
      'Surgery · East branch',
      ...buildHeatmapMatrix(ITEMS, 'en')
        .units.slice(1)
        .map((row) => row.label),
    ]);
  });
});
