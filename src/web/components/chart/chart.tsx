/**
 * The one chart component: owns an ECharts instance on `echarts/core` for the life of the element (init on
 * mount, setOption on every new option, resize with its box, dispose on unmount). Canvas charts are invisible
 * to screen readers, so every chart takes a label that says what it shows; pages put the numbers in text too.
 * Every chart exports itself as PNG (the canvas) or SVG (drawn again by ECharts' SVG renderer, loaded only then),
 * named by its label (chart-export.tsx).
 */
import { type ECharts, init } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { ChartExport } from './chart-export.tsx';
import type { ChartOption } from './echarts-setup.ts';
// Registers the chart types and the canvas renderer (the import above is only a type).
import './echarts-setup.ts';

export type { ChartOption } from './echarts-setup.ts';

export interface ChartProps {
  readonly option: ChartOption;
  /** CSS height; the width follows the container. */
  readonly height: number | string;
  /** What the chart shows, for screen readers (role="img"). */
  readonly ariaLabel: string;
  /** Called each time ECharts has finished drawing (after animations and progressive rendering). */
  readonly onFinished?: () => void;
  readonly testId?: string;
  /**
   * A click on a data item (a bar, a heatmap cell) or, where the option sets `triggerEvent` on a category axis,
   * on one of its labels: the drill-down from a figure to its unit (issue 17).
   */
  readonly onItemClick?: (click: ChartClick) => void;
}

/** What was clicked: a series item (`series`) or an axis label (`xAxis`/`yAxis`), by its index in the data. */
export interface ChartClick {
  readonly componentType: string;
  /** The item's index in its series, or the category's index on the axis. */
  readonly dataIndex: number | undefined;
}

export function Chart({ option, height, ariaLabel, onFinished, testId, onItemClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const box = element.current;
    if (box === null) return;
    const instance = init(box, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (instance === null || onFinished === undefined) return;
    instance.on('finished', onFinished);
    return () => {
      instance.off('finished', onFinished);
    };
  }, [onFinished]);

  useEffect(() => {
    const instance = chart.current;
    if (instance === null || onItemClick === undefined) return;
    const handler = (params: { componentType?: string; dataIndex?: unknown }) => {
      onItemClick({
        componentType: params.componentType ?? '',
        dataIndex: typeof params.dataIndex === 'number' ? params.dataIndex : undefined,
      });
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick]);

  useEffect(() => {
    // notMerge: a new option replaces the old one (a series that went away must disappear).
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={element}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        style={{ width: '100%', height }}
      />
      <ChartExport chart={chart} option={option} name={ariaLabel} />
    </div>
  );
}
