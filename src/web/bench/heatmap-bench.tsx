/**
 * The heatmap benchmark page (bench/web.bench.ts builds it on its own; the app never loads it). Query string:
 * `units`, `indicators`, `rows` (rows drawn at once; `all` for every row). It times the comparison page's path
 * from ranking JSON to a finished chart: buildHeatmapMatrix, React render, ECharts drawing, until ECharts'
 * `finished` event, and leaves the result in `window.heatmapBench`.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { buildHeatmapMatrix } from '../components/heatmap/heatmap-matrix.ts';
import { VISIBLE_ROWS } from '../components/heatmap/heatmap-option.ts';
import { UnitsHeatmap } from '../components/heatmap/units-heatmap.tsx';
import { createI18n } from '../lib/i18n/i18n.ts';
import { syntheticRanking } from './synthetic-ranking.ts';

declare global {
  interface Window {
    heatmapBench?: { readonly ms: number; readonly cells: number; readonly matrixMs: number };
  }
}

const params = new URLSearchParams(window.location.search);
const units = Number(params.get('units') ?? '500');
const indicators = Number(params.get('indicators') ?? '40');
const rows = params.get('rows') === 'all' ? units : VISIBLE_ROWS;
const items = syntheticRanking(units, indicators);
const i18n = createI18n('en');
const container = document.getElementById('root');

if (container !== null) {
  const started = performance.now();
  const matrix = buildHeatmapMatrix(items, 'en');
  const matrixMs = performance.now() - started;
  let done = false;
  const onFinished = () => {
    if (done) return;
    done = true;
    window.heatmapBench = { ms: performance.now() - started, cells: matrix.cells.length, matrixMs };
  };
  createRoot(container).render(
    <I18nextProvider i18n={i18n}>
      <div style={{ width: 1280 }}>
        <UnitsHeatmap
          matrix={matrix}
          testId="comparison-heatmap"
          ariaLabel={i18n.t('comparison.heatmapLabel', {
            units: matrix.units.length,
            indicators: matrix.indicators.length,
          })}
          onFinished={onFinished}
          visibleRows={rows}
        />
      </div>
    </I18nextProvider>,
  );
}
