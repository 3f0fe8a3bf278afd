/**
 * The strategy map as a standalone SVG document, drawn from the same layout as the page: lanes with their names,
 * objective cards outlined in their status colour with their score, and the links as arrows (dashed where the
 * data does not support them) with their check. Exported as SVG, and as PNG by drawing this SVG on a canvas.
 */

import type { StrategyMapJson } from '../../lib/api/strategy-map.ts';
import { escapeHtml } from '../../lib/escape-html.ts';
import { STATUS_COLORS } from '../../lib/status.ts';
import { CARD_HEIGHT, CARD_WIDTH, LANE_LABEL_WIDTH, type MapLayout } from './map-layout.ts';

/** The words the drawing needs, in the reader's language. */
export interface MapWords {
  readonly laneName: (laneIndex: number) => string;
  readonly cardName: (id: string) => string;
  /** The score line of a card ("92.3 % · met"). */
  readonly cardScore: (id: string) => string;
  /** The check of link `i` ("r 0.85 · lag 3 · n 21"). */
  readonly linkLabel: (index: number) => string;
}

type Link = StrategyMapJson['links'][number];

export function isSupported(link: Link): boolean {
  return link.check.support === 'supported';
}

function statusOf(map: StrategyMapJson, id: string): keyof typeof STATUS_COLORS {
  for (const lane of map.lanes) {
    const objective = lane.objectives.find((o) => o.id === id);
    if (objective !== undefined) return objective.status;
  }
  return 'no-data';
}

/** The end points of a link's arrow: from the cause card's top (or bottom) edge to the effect card's. */
export function arrowOf(
  layout: MapLayout,
  link: Link,
): { x1: number; y1: number; x2: number; y2: number } | null {
  const from = layout.cards.find((c) => c.id === link.from);
  const to = layout.cards.find((c) => c.id === link.to);
  if (from === undefined || to === undefined) return null;
  const up = to.y <= from.y;
  return {
    x1: from.x + CARD_WIDTH / 2,
    y1: up ? from.y : from.y + CARD_HEIGHT,
    x2: to.x + CARD_WIDTH / 2,
    y2: up ? to.y + CARD_HEIGHT : to.y,
  };
}

/**
 * The SVG document of the map.
 *
 * @example mapToSvg(map, layout, words).startsWith('<svg') // true
 */
export function mapToSvg(map: StrategyMapJson, layout: MapLayout, words: MapWords): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#595959"/></marker></defs>',
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  );
  layout.lanes.forEach((lane, i) => {
    parts.push(
      `<g class="lane"><rect x="0" y="${lane.y}" width="${layout.width}" height="${lane.height}" fill="${i % 2 === 0 ? '#fafafa' : '#f0f5ff'}" stroke="#d9d9d9"/>`,
      `<text x="12" y="${lane.y + lane.height / 2}" font-size="14" font-weight="bold" fill="#262626">${e(words.laneName(i))}</text></g>`,
    );
  });
  map.links.forEach((link, i) => {
    const arrow = arrowOf(layout, link);
    if (arrow === null) return;
    const dash = isSupported(link) ? '' : ' stroke-dasharray="6 4"';
    const colour = isSupported(link) ? '#1677ff' : '#8c8c8c';
    parts.push(
      `<g class="link"><line x1="${arrow.x1}" y1="${arrow.y1}" x2="${arrow.x2}" y2="${arrow.y2}" stroke="${colour}" stroke-width="2"${dash} marker-end="url(#arrow)"/>`,
      `<text x="${(arrow.x1 + arrow.x2) / 2 + 6}" y="${(arrow.y1 + arrow.y2) / 2}" font-size="11" fill="${colour}">${e(words.linkLabel(i))}</text></g>`,
    );
  });
  for (const card of layout.cards) {
    const colour = STATUS_COLORS[statusOf(map, card.id)];
    parts.push(
      `<g class="card"><rect x="${card.x}" y="${card.y}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="8" fill="#ffffff" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${card.x + 12}" y="${card.y + 30}" font-size="13" fill="#262626">${e(words.cardName(card.id))}</text>`,
      `<text x="${card.x + 12}" y="${card.y + 60}" font-size="13" fill="${colour}">${e(words.cardScore(card.id))}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The x where the lanes' cards start (after the lane names). */
export const CARDS_LEFT = LANE_LABEL_WIDTH;
