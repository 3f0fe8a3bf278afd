/**
 * Where the strategy map's cards go: perspectives as horizontal lanes in the order the server sends them
 * (financial on top), each objective a card in its lane. ELK's layered layout (elkjs) orders the cards inside
 * their lanes so that arrows cross as little as possible, with the lanes as ELK partitions; the lanes' heights are
 * then fixed here so every lane is one straight band.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { StrategyMapJson } from '../../lib/api/strategy-map.ts';

export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 92;
export const LANE_HEIGHT = 150;
export const LANE_LABEL_WIDTH = 150;
const GAP = 40;

export interface PlacedCard {
  readonly id: string;
  readonly lane: number;
  readonly x: number;
  readonly y: number;
}

export interface MapLayout {
  readonly cards: readonly PlacedCard[];
  readonly lanes: readonly { readonly id: string; readonly y: number; readonly height: number }[];
  readonly width: number;
  readonly height: number;
}

/** The lane of every card: objectives in theirs; an indicator end of a link in the lane of an objective that lists it. */
export function laneOfCards(map: StrategyMapJson): Map<string, number> {
  const lanes = new Map<string, number>();
  map.lanes.forEach((lane, i) => {
    for (const objective of lane.objectives) lanes.set(objective.id, i);
  });
  for (const link of map.links) {
    for (const end of [link.from, link.to]) {
      if (lanes.has(end)) continue;
      const owner = map.lanes.findIndex((lane) =>
        lane.objectives.some((o) => o.indicators.some((i) => i.id === end)),
      );
      lanes.set(end, owner === -1 ? Math.max(0, map.lanes.length - 1) : owner);
    }
  }
  return lanes;
}

/**
 * Cards placed in their lanes, ordered by the x ELK gave them and pushed apart where two would overlap.
 *
 * @example placeInLanes([{ id: 'A', lane: 0, x: 0 }, { id: 'B', lane: 0, x: 10 }], 1).cards[1]?.x // 150 + 220 + 40 + 24
 */
export function placeInLanes(
  positions: readonly { readonly id: string; readonly lane: number; readonly x: number }[],
  laneCount: number,
): MapLayout {
  const cards: PlacedCard[] = [];
  let right = LANE_LABEL_WIDTH + CARD_WIDTH;
  for (let lane = 0; lane < laneCount; lane++) {
    const inLane = positions.filter((p) => p.lane === lane).sort((a, b) => a.x - b.x);
    let next = LANE_LABEL_WIDTH + 24;
    for (const p of inLane) {
      const x = Math.max(LANE_LABEL_WIDTH + 24 + p.x, next);
      cards.push({ id: p.id, lane, x, y: lane * LANE_HEIGHT + (LANE_HEIGHT - CARD_HEIGHT) / 2 });
      next = x + CARD_WIDTH + GAP;
      right = Math.max(right, x + CARD_WIDTH);
    }
  }
  const lanes = Array.from({ length: laneCount }, (_, i) => ({
    id: String(i),
    y: i * LANE_HEIGHT,
    height: LANE_HEIGHT,
  }));
  return { cards, lanes, width: right + 24, height: laneCount * LANE_HEIGHT };
}

/** Lays the map out with ELK (loaded on first use: it is large), then in lanes. */
export async function layoutStrategyMap(map: StrategyMapJson): Promise<MapLayout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const lanes = laneOfCards(map);
  const ids = [...lanes.keys()];
  const graph: ElkNode = {
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': String(GAP),
    },
    children: ids.map((id) => ({
      id,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      layoutOptions: { 'elk.partitioning.partition': String(lanes.get(id) ?? 0) },
    })),
    // Effects sit above their causes: ELK is given each arrow from effect to cause, in the lanes' order.
    edges: map.links
      .filter((link) => link.from !== link.to)
      .map((link, i) => ({ id: `e${i}`, sources: [link.to], targets: [link.from] })),
  };
  const laid = await new ELK().layout(graph);
  const positions = (laid.children ?? []).map((child) => ({
    id: child.id,
    lane: lanes.get(child.id) ?? 0,
    x: child.x ?? 0,
  }));
  return placeInLanes(positions, map.lanes.length);
}
