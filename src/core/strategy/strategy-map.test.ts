import { describe, expect, it } from 'vitest';
import { problemOf } from '../errors/problem-of.ts';
import { compileScorecard } from '../scorecard/index.ts';
import type { ScorecardFile } from '../scorecard/scorecard-schema.ts';
import { applyStrategy, strategyOf } from './apply-strategy.ts';
import { buildStrategyMap, type MapEvaluation, measuresOf, objectiveScore } from './strategy-map.ts';

/** A scorecard with a learning lane listed before the financial one, to see the lanes reordered. */
function file(): ScorecardFile {
  return compileScorecard({
    format: 'healthbsc/scorecard@2',
    code: 'MAP',
    name: { en: 'Map' },
    dataElements: ['a', 'b', 'c'].map((code) => ({ code, name: { en: code } })),
    perspectives: [
      {
        id: 'L',
        kind: 'learning',
        name: { en: 'Learning' },
        objectives: [{ id: 'L-1', name: { en: 'Train' }, indicators: ['L1'] }],
        indicators: [{ id: 'L1', name: { en: 'Trained' }, formula: 'a' }],
      },
      {
        id: 'F',
        kind: 'financial',
        name: { en: 'Financial' },
        objectives: [{ id: 'F-1', name: { en: 'Earn' } }],
        indicators: [
          { id: 'F1', name: { en: 'Revenue' }, formula: 'b', objective: 'F-1' },
          { id: 'F2', name: { en: 'Surplus' }, formula: 'c', objective: 'F-1' },
        ],
      },
    ],
    links: [{ from: 'L-1', to: 'F-1', note: 'training pays' }],
    weights: {
      perspectives: { manual: { L: 0.5, F: 0.5 } },
      indicators: { L: { manual: { L1: 1 } }, F: { manual: { F1: 0.5, F2: 0.5 } } },
    },
  }).definition;
}

function evaluation(
  q: Readonly<Record<string, number | null>>,
  weights: Readonly<Record<string, number>> = {},
): MapEvaluation {
  return {
    perspectives: [
      {
        indicators: Object.entries(q).map(([id, quantified]) => ({
          id,
          quantified,
          globalWeight: weights[id] ?? 0.25,
          status: quantified === null ? 'no-data' : quantified >= 1 ? 'met' : 'off-track',
        })),
      },
    ],
  };
}

describe('objectiveScore', () => {
  it('weighs quantified values by their weights', () => {
    expect(
      objectiveScore([
        { quantified: 1, weight: 0.3 },
        { quantified: 0.8, weight: 0.1 },
      ]),
    ).toBeCloseTo(0.95, 12);
  });

  it('leaves out an indicator without a value', () => {
    expect(
      objectiveScore([
        { quantified: 0.9, weight: 0.2 },
        { quantified: null, weight: 0.8 },
      ]),
    ).toBe(0.9);
  });

  it('takes the plain mean when the weights add up to 0', () => {
    expect(
      objectiveScore([
        { quantified: 1, weight: 0 },
        { quantified: 0.5, weight: 0 },
      ]),
    ).toBe(0.75);
  });
});

describe('buildStrategyMap', () => {
  it('puts the financial lane on top whatever the file’s order', () => {
    expect(buildStrategyMap(file(), undefined, []).lanes.map((l) => l.id)).toEqual(['F', 'L']);
  });

  it('measures an objective without a list by the indicators that name it', () => {
    expect(measuresOf(file(), { id: 'F-1' })).toEqual(['F1', 'F2']);
  });

  it('scores and colours an objective from the current evaluation (0.3·1 + 0.1·0.8 over 0.4 = 0.95: watch)', () => {
    const current = evaluation({ F1: 1, F2: 0.8, L1: 0.5 }, { F1: 0.3, F2: 0.1 });
    const earn = buildStrategyMap(file(), current, []).lanes[0]?.objectives[0];
    expect([earn?.score, earn?.status]).toEqual([0.95, 'watch']);
  });

  it('checks a link on the objectives’ series: L-1 leads F-1 by one period exactly', () => {
    const cause = [0.7, 0.9, 0.8, 1, 0.6, 0.95, 0.75, 0.85, 0.65, 1];
    const series = cause.map((q, t) =>
      evaluation({ L1: q, F1: t === 0 ? 0.5 : (cause[t - 1] ?? 0), F2: null }),
    );
    const link = buildStrategyMap(file(), undefined, series).links[0];
    expect([link?.fromKind, link?.toKind, link?.note, link?.check.lag, link?.check.r, link?.check.n]).toEqual(
      ['objective', 'objective', 'training pays', 1, 1, 9],
    );
  });
});

describe('applyStrategy', () => {
  it('gives back the same file for its own strategy', () => {
    expect(applyStrategy(file(), strategyOf(file()))).toEqual(file());
  });

  it('moves an objective to the perspective named and replaces the links', () => {
    const edited = applyStrategy(file(), {
      objectives: [
        { id: 'F-1', name: { en: 'Earn' }, perspective: 'F' },
        { id: 'L-1', name: { en: 'Train' }, perspective: 'F' },
      ],
      links: [],
    });
    expect([edited.perspectives.map((p) => p.objectives.map((o) => o.id)), edited.links]).toEqual([
      [[], ['F-1', 'L-1']],
      undefined,
    ]);
  });

  it('refuses a perspective the file does not have', () => {
    const problem = problemOf(() =>
      applyStrategy(file(), { objectives: [{ id: 'X', name: { en: 'X' }, perspective: 'Q' }], links: [] }),
    );
    expect([problem.code, problem.params]).toEqual(['strategy.unknown-perspective', { perspective: 'Q' }]);
  });
});
