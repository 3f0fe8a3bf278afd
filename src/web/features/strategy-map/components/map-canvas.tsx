/**
 * The map drawn with React Flow (@xyflow/react): lane bands with their names, objective cards coloured by status
 * with their score, links as arrows labelled with their check (dashed where the data does not support them).
 * A designer drags from a card's top handle to another card to link them, and clicks a card or an arrow to edit.
 */
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyMapJson } from '../../../lib/api/strategy-map.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { STATUS_COLORS } from '../../../lib/status.ts';
import { CARD_HEIGHT, CARD_WIDTH, type MapLayout } from '../map-layout.ts';
import { isSupported } from '../map-svg.ts';
import { checkLabel, mapWords, supportWords } from '../map-words.ts';

type CardData = { name: string; score: string; colour: string; status: string };
type LaneData = { name: string; width: number; height: number };

function CardNode({ id, data }: NodeProps<Node<CardData>>) {
  return (
    <div
      data-testid={`objective-${id}`}
      data-status={data.status}
      style={{
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        border: `3px solid ${data.colour}`,
        borderRadius: 8,
        background: '#fff',
        padding: '8px 12px',
        boxSizing: 'border-box',
      }}
    >
      <Handle type="target" position={Position.Bottom} />
      <Typography.Text strong ellipsis style={{ display: 'block' }}>
        {data.name}
      </Typography.Text>
      <Typography.Text style={{ color: data.colour }}>{data.score}</Typography.Text>
      <Handle type="source" position={Position.Top} />
    </div>
  );
}

function LaneNode({ id, data }: NodeProps<Node<LaneData>>) {
  return (
    <div
      data-testid={`lane-${id.slice('lane:'.length)}`}
      style={{
        width: data.width,
        height: data.height,
        borderTop: '1px solid #d9d9d9',
        background: 'rgba(240,245,255,0.45)',
        padding: 12,
        boxSizing: 'border-box',
      }}
    >
      <Typography.Text strong>{data.name}</Typography.Text>
    </div>
  );
}

const NODE_TYPES = { card: CardNode, lane: LaneNode };

export interface MapCanvasProps {
  readonly map: StrategyMapJson;
  readonly layout: MapLayout;
  readonly editable: boolean;
  readonly onCardClick: (id: string) => void;
  readonly onLinkClick: (index: number) => void;
  readonly onConnect: (from: string, to: string) => void;
}

export function MapCanvas({ map, layout, editable, onCardClick, onLinkClick, onConnect }: MapCanvasProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useMemo(() => mapWords(t, language, map), [t, language, map]);
  const nodes = useMemo((): Node[] => {
    const lanes: Node<LaneData>[] = map.lanes.map((lane, i) => ({
      id: `lane:${lane.id}`,
      type: 'lane',
      position: { x: 0, y: layout.lanes[i]?.y ?? 0 },
      data: { name: words.laneName(i), width: layout.width, height: layout.lanes[i]?.height ?? 0 },
      draggable: false,
      selectable: false,
      connectable: false,
      zIndex: -1,
    }));
    const statusOf = new Map(map.lanes.flatMap((l) => l.objectives.map((o) => [o.id, o.status] as const)));
    const cards: Node<CardData>[] = layout.cards.map((card) => {
      const status = statusOf.get(card.id) ?? 'no-data';
      return {
        id: card.id,
        type: 'card',
        position: { x: card.x, y: card.y },
        data: {
          name: words.cardName(card.id),
          score: words.cardScore(card.id),
          colour: STATUS_COLORS[status],
          status,
        },
        draggable: false,
        connectable: editable,
      };
    });
    return [...lanes, ...cards];
  }, [map, layout, words, editable]);
  const edges = useMemo(
    (): Edge[] =>
      map.links.map((link, i) => {
        const supported = isSupported(link);
        const colour = supported ? '#1677ff' : '#8c8c8c';
        return {
          id: `link:${i}`,
          source: link.from,
          target: link.to,
          label: `${checkLabel(t, language, link)} · ${supportWords(t, map, link)}`,
          data: { support: link.check.support },
          className: `link-${link.check.support}`,
          style: { stroke: colour, strokeWidth: 2, ...(supported ? {} : { strokeDasharray: '6 4' }) },
          labelStyle: { fill: colour, fontSize: 11 },
          markerEnd: { type: MarkerType.ArrowClosed, color: colour },
        };
      }),
    [map, t, language],
  );
  return (
    <div
      style={{ width: '100%', height: Math.min(Math.max(layout.height + 40, 420), 760) }}
      data-testid="strategy-map"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={editable}
        elementsSelectable
        onNodeClick={(_event, node) => {
          if (node.type === 'card') onCardClick(node.id);
        }}
        onEdgeClick={(_event, edge) => onLinkClick(Number(edge.id.slice('link:'.length)))}
        onConnect={(connection: Connection) => {
          if (connection.source !== connection.target) onConnect(connection.source, connection.target);
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
