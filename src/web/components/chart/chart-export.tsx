/**
 * A chart's export: PNG from the drawn canvas (twice its pixels, on white), SVG by drawing the same option again
 * with ECharts' SVG renderer, server-side style (`ssr`), loaded only when a reader asks. Hidden in print.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ECharts } from 'echarts/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, safeFileName } from '../../lib/table-export.ts';
import type { ChartOption } from './echarts-setup.ts';

export interface ChartExportProps {
  readonly chart: RefObject<ECharts | null>;
  readonly option: ChartOption;
  readonly name: string;
}

async function svgOf(option: ChartOption, width: number, height: number): Promise<string> {
  const [{ init, use }, { SVGRenderer }] = await Promise.all([
    import('echarts/core'),
    import('echarts/renderers'),
  ]);
  use([SVGRenderer]);
  const instance = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({ ...option, animation: false });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function ChartExport({ chart, option, name }: ChartExportProps) {
  const { t } = useTranslation();
  const file = safeFileName(name);
  const exportAs = async (kind: string) => {
    const instance = chart.current;
    if (instance === null) return;
    if (kind === 'png') {
      const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      // A data URL, decoded here rather than fetched (the page's content policy need not allow data: fetches).
      const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      downloadBlob(new Blob([bytes], { type: 'image/png' }), `${file}.png`);
      return;
    }
    const svg = await svgOf(option, instance.getWidth(), instance.getHeight());
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${file}.svg`);
  };
  return (
    <div className="table-export" style={{ position: 'absolute', top: 0, right: 0 }}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'png', label: t('printExport.exportPng') },
            { key: 'svg', label: t('printExport.exportSvg') },
          ],
          onClick: ({ key }) => void exportAs(key),
        }}
      >
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          aria-label={t('printExport.exportLabel', { what: name })}
          data-testid="chart-export"
        />
      </Dropdown>
    </div>
  );
}
