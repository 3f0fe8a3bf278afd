/**
 * The chart component as pages use it: ECharts (≈180 KB gzipped) loads in its own chunk when the first chart
 * mounts, so a page's numbers and tables show without waiting for it; until then the chart's box keeps its
 * size (no layout shift) and says it is loading.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartProps } from './chart.tsx';

export type { ChartClick } from './chart.tsx';
export type { ChartOption } from './echarts-setup.ts';

const EChart = lazy(() => import('./chart.tsx').then((module) => ({ default: module.Chart })));

export function Chart(props: ChartProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div
          role="img"
          aria-label={props.ariaLabel}
          aria-busy="true"
          style={{ height: props.height, display: 'grid', placeItems: 'center', color: 'rgba(0,0,0,0.45)' }}
        >
          {t('state.loading')}
        </div>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
