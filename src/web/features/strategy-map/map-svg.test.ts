import { describe, expect, it } from 'vitest';
import type { StrategyMapJson } from '../../lib/api/strategy-map.ts';
import { CARD_WIDTH, LANE_HEIGHT, LANE_LABEL_WIDTH, laneOfCards, placeInLanes } from './map-layout.ts';
import { arrowOf, mapToSvg } from './map-svg.ts';

const check = (support: StrategyMapJson['links'][number]['check']['support']) => ({
  lag: 1,
  r: 0.8,
  ci: [0.5, 0.9] as [number, number],
  n: 12,
  support,
  lags: [],
});

function objective(id: string, status: 'met' | 'off-track') {
  return {
    id,
    name: { en: `Objective <${id}>` },
    statement: null,
    owner: null,
    ownerUser: null,
    ownerName: null,
    baseline: null,
    target: null,
    targetDate: null,
    role: null,
    indicators: [{ id: `${id}1`, name: { en: 'x' }, quantified: 1, status }],
    score: status === 'met' ? 1 : 0.5,
    status,
  };
}

const MAP: StrategyMapJson = {
  scorecard: 'S',
  orgUnit: 'U',
  period: '2024',
  periods: ['2024-01'],
  rule: { maxLag: 6, minPeriods: 8, confidence: 0.95 },
  lanes: [
    { id: 'F', kind: 'financial', name: { en: 'Financial' }, objectives: [objective('F-1', 'met')] },
    { id: 'L', kind: 'learning', name: { en: 'Learning' }, objectives: [objective('L-1', 'off-track')] },
  ],
  links: [
    {
      from: 'L-1',
      to: 'F-1',
      fromKind: 'objective',
      toKind: 'objective',
      note: null,
      check: check('supported'),
    },
    {
      from: 'L-11',
      to: 'F-1',
      fromKind: 'indicator',
      toKind: 'objective',
      note: null,
      check: check('opposite'),
    },
  ],
};

describe('the strategy map layout', () => {
  it('puts an indicator end of a link in the lane of the objective that lists it', () => {
    expect([...laneOfCards(MAP)]).toEqual([
      ['F-1', 0],
      ['L-1', 1],
      ['L-11', 1],
    ]);
  });

  it('pushes apart two cards of a lane that ELK placed on top of each other', () => {
    const layout = placeInLanes(
      [
        { id: 'A', lane: 0, x: 0 },
        { id: 'B', lane: 0, x: 10 },
      ],
      1,
    );
    expect(layout.cards.map((c) => [c.id, c.x])).toEqual([
      ['A', LANE_LABEL_WIDTH + 24],
      ['B', LANE_LABEL_WIDTH + 24 + CARD_WIDTH + 40],
    ]);
  });

  it('draws an arrow from the cause’s top up to the effect’s bottom', () => {
    const layout = placeInLanes(
      [
        { id: 'F-1', lane: 0, x: 0 },
        { id: 'L-1', lane: 1, x: 0 },
      ],
      2,
    );
    const link = MAP.links[0];
    if (link === undefined) throw new Error('no link');
    const arrow = arrowOf(layout, link);
    expect(arrow?.y1).toBeGreaterThan(arrow?.y2 ?? Number.POSITIVE_INFINITY);
    expect(arrow?.y1).toBeLessThan(2 * LANE_HEIGHT);
  });
});

describe('mapToSvg', () => {
  const layout = placeInLanes(
    [
      { id: 'F-1', lane: 0, x: 0 },
      { id: 'L-1', lane: 1, x: 0 },
      { id: 'L-11', lane: 1, x: 300 },
    ],
    2,
  );
  const svg = mapToSvg(MAP, layout, {
    laneName: (i) => MAP.lanes[i]?.name.en ?? '',
    cardName: (id) => `Objective <${id}>`,
    cardScore: (id) => id,
    linkLabel: (i) => `link ${i}`,
  });

  it('draws every lane, card and link', () => {
    expect([
      svg.match(/class="lane"/g)?.length,
      svg.match(/class="card"/g)?.length,
      svg.match(/class="link"/g)?.length,
    ]).toEqual([2, 3, 2]);
  });

  it('dashes the link the data does not support, and only that one', () => {
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(1);
  });

  it('escapes the names it writes', () => {
    expect([svg.includes('Objective &lt;F-1&gt;'), svg.includes('<F-1>')]).toEqual([true, false]);
  });
});
