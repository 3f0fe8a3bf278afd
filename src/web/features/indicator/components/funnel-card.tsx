/**
 * The funnel plot of the unit's children for the indicator (src/core/monitoring/funnel.ts): each child against
 * its denominator within the 95 % and 99.8 % limits around the group's figure, and a table of where each one
 * falls and its percentile among the others.
 */
import { Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { FunnelJson } from '../../../lib/api/monitoring.ts';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { funnelOption } from '../monitoring-options.ts';

const BAND_TAGS = {
  'below-99.8': 'red',
  'below-95': 'orange',
  within: 'default',
  'above-95': 'orange',
  'above-99.8': 'red',
} as const satisfies Record<FunnelJson['units'][number]['band'], string>;

const BAND_KEYS = {
  'below-99.8': 'monitoring.bands.below998',
  'below-95': 'monitoring.bands.below95',
  within: 'monitoring.bands.within',
  'above-95': 'monitoring.bands.above95',
  'above-99.8': 'monitoring.bands.above998',
} as const satisfies Record<FunnelJson['units'][number]['band'], string>;

export interface FunnelCardProps {
  readonly name: string;
  readonly periodName: string;
  readonly funnel: FunnelJson | undefined;
  readonly decimals: number;
  readonly isLoading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
}

export function FunnelCard({
  name,
  periodName,
  funnel,
  decimals,
  isLoading,
  error,
  onRetry,
}: FunnelCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () =>
      funnel === undefined
        ? null
        : funnelOption(funnel, decimals, language, {
            units: t('monitoring.units'),
            limit95: t('monitoring.limit95'),
            limit998: t('monitoring.limit998'),
            target: t('monitoring.groupValue'),
          }),
    [funnel, decimals, language, t],
  );
  return (
    <Panel
      title={t('monitoring.funnel', { period: periodName })}
      headingId="indicator-funnel"
      testId="funnel-panel"
    >
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={funnel !== undefined && (funnel.kind === null || funnel.units.length < 2)}
        emptyText={t('monitoring.funnelEmpty')}
        onRetry={onRetry}
      >
        {funnel === undefined || option === null ? null : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Chart
              option={option}
              height={300}
              testId="funnel-chart"
              ariaLabel={t('monitoring.funnelLabel', { indicator: name })}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="orgUnit"
              dataSource={funnel.units}
              columns={[
                { title: t('monitoring.unit'), key: 'unit', render: (_, u) => localize(u.name, language) },
                {
                  title: t('monitoring.value'),
                  key: 'value',
                  align: 'right',
                  render: (_, u) => formatNumber(u.value, language, decimals),
                },
                {
                  title: t('monitoring.denominator'),
                  key: 'denominator',
                  align: 'right',
                  render: (_, u) => formatNumber(u.denominator, language),
                },
                {
                  title: t('monitoring.band'),
                  key: 'band',
                  render: (_, u) => <Tag color={BAND_TAGS[u.band]}>{t(BAND_KEYS[u.band])}</Tag>,
                },
                {
                  title: t('monitoring.percentile'),
                  key: 'percentile',
                  align: 'right',
                  render: (_, u) => formatNumber(u.percentile, language),
                },
              ]}
            />
          </Space>
        )}
      </LoadingPanel>
    </Panel>
  );
}
