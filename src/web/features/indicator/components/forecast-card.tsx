/**
 * The indicator's forecast to the end of the year (src/core/monitoring/forecast.ts): the months observed, the
 * forecast with its 95 % prediction interval, the method used, and the year's projection against its target.
 */
import { Alert, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import type { ForecastJson } from '../../../lib/api/monitoring.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { forecastOption } from '../monitoring-options.ts';

const METHOD_KEYS = {
  'holt-winters': 'monitoring.methods.holtWinters',
  linear: 'monitoring.methods.linear',
  none: 'monitoring.methods.none',
} as const satisfies Record<ForecastJson['method'], string>;

export interface ForecastCardProps {
  readonly name: string;
  readonly forecast: ForecastJson | undefined;
  readonly decimals: number;
  readonly isLoading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
}

function Outlook({ forecast, decimals }: { forecast: ForecastJson; decimals: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const outlook = forecast.outlook;
  if (outlook === null) return null;
  const values = {
    year: forecast.year,
    value: formatNumber(outlook.projected, language, decimals),
    lower: formatNumber(outlook.lower, language, decimals),
    upper: formatNumber(outlook.upper, language, decimals),
    target: formatNumber(forecast.target, language, decimals),
  };
  let verdict = t('monitoring.likelyMet');
  if (outlook.surelyMissed) verdict = t('monitoring.surelyMissed');
  else if (outlook.likelyMissed) verdict = t('monitoring.likelyMissed');
  return (
    <Alert
      data-testid="forecast-outlook"
      data-missed={String(outlook.likelyMissed)}
      type={outlook.likelyMissed ? 'warning' : 'success'}
      showIcon
      title={verdict}
      description={t(
        forecast.target === null ? 'monitoring.projectedNoTarget' : 'monitoring.projected',
        values,
      )}
    />
  );
}

export function ForecastCard({ name, forecast, decimals, isLoading, error, onRetry }: ForecastCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () =>
      forecast === undefined || forecast.method === 'none'
        ? null
        : forecastOption(
            forecast,
            decimals,
            language,
            {
              actual: t('monitoring.actual'),
              forecast: t('monitoring.forecastLine'),
              interval: t('monitoring.interval'),
              target: t('monitoring.target'),
            },
            true,
          ),
    [forecast, decimals, language, t],
  );
  return (
    <Panel
      title={t('monitoring.forecast', { year: forecast?.year ?? '' })}
      headingId="indicator-forecast"
      testId="forecast-panel"
    >
      <LoadingPanel
        isLoading={isLoading}
        error={error}
        isEmpty={forecast?.history.every((h) => h.value === null) === true}
        emptyText={t('monitoring.forecastEmpty')}
        onRetry={onRetry}
      >
        {forecast === undefined ? null : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text type="secondary" data-testid="forecast-method">
              {t(METHOD_KEYS[forecast.method])}
            </Typography.Text>
            <Outlook forecast={forecast} decimals={decimals} />
            {option === null ? null : (
              <Chart
                option={option}
                height={280}
                testId="forecast-chart"
                ariaLabel={t('monitoring.forecastLabel', { indicator: name })}
              />
            )}
          </Space>
        )}
      </LoadingPanel>
    </Panel>
  );
}
