/**
 * explainIndicator on a small ward scorecard: the ratio's parts on the data the evaluation read, a linear
 * method's floor and cap, a band indicator whose band comes from the unit's target row, and an unknown id.
 */
import { describe, expect, it } from 'vitest';
import { TargetIndex, type TargetRow } from '../targets/index.ts';
import { compileScorecard } from './compile-scorecard.ts';
import { type EvaluationInputs, evaluateScorecard } from './evaluate-scorecard.ts';
import { explainIndicator } from './explain-indicator.ts';

const scorecard = compileScorecard({
  format: 'healthbsc/scorecard@1',
  code: 'WARD',
  name: { en: 'Ward' },
  dataElements: [
    { code: 'occupied', name: { en: 'Occupied bed days', zh: '实际占用床日' } },
    { code: 'available', name: { en: 'Available bed days' }, timeAggregation: 'average' },
    { code: 'budget', name: { en: 'Budget execution' } },
  ],
  perspectives: [
    {
      id: 'I',
      name: { en: 'Internal' },
      indicators: [
        {
          id: 'OCC',
          name: { en: 'Bed occupancy' },
          formula: { numerator: 'occupied', denominator: 'available', factor: 100 },
          formulaText: 'occupied ÷ available bed days',
          scoring: { method: 'linear', floor: 50, cap: 1.2 },
        },
        {
          id: 'BUD',
          name: { en: 'Budget execution' },
          formula: 'budget',
          direction: { band: [95, 105] },
          scoring: { method: 'band', tolerance: 10 },
        },
      ],
    },
  ],
  weights: { perspectives: { manual: { I: 1 } }, indicators: { I: { manual: { OCC: 0.6, BUD: 0.4 } } } },
});

const row = (patch: Partial<TargetRow>): TargetRow => ({
  indicator: 'OCC',
  orgUnitId: null,
  groupId: null,
  level: null,
  periodId: '2024',
  target: 90,
  lower: null,
  upper: null,
  reference: 85,
  source: null,
  ...patch,
});
const targets = new TargetIndex([
  row({}),
  row({ indicator: 'BUD', orgUnitId: 7, periodId: '2024-03', target: null, lower: 90, upper: 100 }),
]);
const unit = { id: 7, level: 2, groupIds: new Set<number>() };
const inputs: EvaluationInputs = {
  data: new Map([
    ['occupied', 2_700],
    ['available', 3_000],
    ['budget', 103],
  ]),
  actuals: new Map(),
  targets: new Map([
    ['OCC', 90],
    ['BUD', null],
  ]),
  references: new Map([['OCC', 85]]),
  ratings: new Map(),
  bands: new Map([['BUD', { lower: 90, upper: 100 }]]),
};
const evaluation = evaluateScorecard(scorecard, inputs);

function explain(indicatorId: string) {
  return explainIndicator({
    scorecard,
    evaluation,
    inputs,
    indicatorId,
    target: targets.trace(indicatorId, unit, '2024-03'),
    period: '2024-03',
  });
}

describe('explainIndicator', () => {
  it('gives a ratio its numerator, denominator and value, and the linear method its floor and cap', () => {
    const result = explain('OCC');
    expect(result?.formula).toMatchObject({
      type: 'ratio',
      text: 'occupied ÷ available bed days',
      numeratorValue: 2_700,
      denominatorValue: 3_000,
      factor: 100,
      value: 90,
    });
    expect(result?.formula.inputs.map((i) => [i.code, i.timeAggregation, i.value])).toEqual([
      ['occupied', 'sum', 2_700],
      ['available', 'average', 3_000],
    ]);
    expect(result?.scoring).toMatchObject({ method: 'linear', floor: 50, cap: 1.2, direction: 'higher' });
    expect(result?.target).toMatchObject({ value: 90, reference: 85, period: '2024', fallback: true });
    expect(result?.quantified).toBe(1);
    expect(result?.score).toBeCloseTo(60, 10);
    expect(result?.weight).toEqual({ local: 0.6, global: 0.6, method: 'manual' });
  });

  it("says a band came from the unit's own target row, set for the month itself", () => {
    const result = explain('BUD');
    expect(result?.scoring).toMatchObject({
      method: 'band',
      tolerance: 10,
      band: { lower: 90, upper: 100 },
      bandFrom: 'target',
    });
    expect(result?.target).toMatchObject({ scope: 'org-unit', period: '2024-03', fallback: false });
    // 103 is 3 above the unit's band of 90–100: 1 − 3/10 = 0.7.
    expect(result?.quantified).toBeCloseTo(0.7, 10);
  });

  it('explains nothing for an indicator the scorecard does not have', () => {
    expect(explain('NOPE')).toBeNull();
  });
});
