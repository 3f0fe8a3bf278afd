/**
 * The indicator's control chart over the series shown (src/core/monitoring): its status (in control, special
 * cause, too few points), each rule that fired named in words with the periods it marks, and the chart.
 */
import { Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { Panel } from '../../../components/panel.tsx';
import { formatList, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { type ControlChartJson, type ControlRule, controlChartOption } from '../monitoring-options.ts';

const STATUS_KEYS = {
  'in-control': 'monitoring.statuses.inControl',
  'special-cause': 'monitoring.statuses.specialCause',
  'insufficient-data': 'monitoring.statuses.insufficientData',
} as const satisfies Record<ControlChartJson['status'], string>;

const CHART_TYPE_KEYS = {
  p: 'monitoring.chartTypes.p',
  "p'": 'monitoring.chartTypes.pLaney',
  u: 'monitoring.chartTypes.u',
  "u'": 'monitoring.chartTypes.uLaney',
  xmr: 'monitoring.chartTypes.xmr',
} as const satisfies Record<ControlChartJson['type'], string>;

const RULE_KEYS = {
  'beyond-limits': 'monitoring.rules.beyondLimits',
  shift: 'monitoring.rules.shift',
  trend: 'monitoring.rules.trend',
  'two-of-three': 'monitoring.rules.twoOfThree',
} as const satisfies Record<ControlRule, string>;

const STATUS_COLORS = {
  'in-control': 'green',
  'special-cause': 'red',
  'insufficient-data': 'default',
} as const satisfies Record<ControlChartJson['status'], string>;

export interface ControlChartCardProps {
  readonly name: string;
  readonly chart: ControlChartJson;
  readonly decimals: number;
}

export function ControlChartCard({ name, chart, decimals }: ControlChartCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo(
    () =>
      controlChartOption(chart, decimals, language, {
        value: t('monitoring.value'),
        centre: t('monitoring.centre'),
        upper: t('monitoring.upper'),
        lower: t('monitoring.lower'),
      }),
    [chart, decimals, language, t],
  );
  const status = t(STATUS_KEYS[chart.status]);
  const hasBars = chart.points.some((p) => p.interval !== null);
  return (
    <Panel
      title={t('monitoring.controlChart')}
      headingId="indicator-control-chart"
      testId="control-chart-panel"
      extra={
        <Tag
          color={STATUS_COLORS[chart.status]}
          data-testid="control-chart-status"
          data-status={chart.status}
        >
          {status}
        </Tag>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(CHART_TYPE_KEYS[chart.type])} ·{' '}
          {t('monitoring.baseline', {
            from: formatPeriod(chart.baseline.from, language),
            to: formatPeriod(chart.baseline.to, language),
            points: chart.baseline.points,
          })}
        </Typography.Text>
        {chart.status === 'special-cause' ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {chart.signals.map((signal) => (
              <li key={signal.rule} data-testid="control-chart-signal" data-rule={signal.rule}>
                {t('monitoring.signal', {
                  rule: t(RULE_KEYS[signal.rule]),
                  periods: formatList(
                    signal.periods.map((p) => formatPeriod(p, language)),
                    language,
                  ),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text>
            {t(chart.status === 'in-control' ? 'monitoring.inControlText' : 'monitoring.insufficientText')}
          </Typography.Text>
        )}
        {chart.status === 'insufficient-data' ? null : (
          <Chart
            option={option}
            height={300}
            testId="control-chart"
            ariaLabel={t('monitoring.controlChartLabel', { indicator: name, status })}
          />
        )}
        {hasBars ? <Typography.Text type="secondary">{t('monitoring.errorBars')}</Typography.Text> : null}
      </Space>
    </Panel>
  );
}
