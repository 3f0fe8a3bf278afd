/**
 * What the indicator is and where it stands in the selected period: its perspective, unit, direction and scoring
 * method, the actual value against the target, the reference value, and its status.
 */
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import { formatList, formatNumber, formatPercent, formatUnit } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { DirectionJson, FoundIndicator } from '../indicator-series.ts';

const METHOD_KEYS = {
  ratio: 'indicator.methods.ratio',
  linear: 'indicator.methods.linear',
  band: 'indicator.methods.band',
  thresholds: 'indicator.methods.thresholds',
  rubric: 'indicator.methods.rubric',
} as const;

function isKnownMethod(method: string): method is keyof typeof METHOD_KEYS {
  return Object.hasOwn(METHOD_KEYS, method);
}

export interface IndicatorSummaryProps {
  readonly found: FoundIndicator;
  /** The scheme's direction (`GET /api/indicators`); undefined while it loads or when it failed. */
  readonly direction: DirectionJson | undefined;
  readonly directionLoading: boolean;
}

export function IndicatorSummary({ found, direction, directionLoading }: IndicatorSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator, perspective } = found;
  const number = (value: number | null) => formatNumber(value, language, indicator.decimals);

  const directionText =
    direction === undefined
      ? directionLoading
        ? t('state.loading')
        : formatNumber(null, language)
      : typeof direction === 'object'
        ? t('indicator.directions.band', {
            lower: number(direction.band[0]),
            upper: number(direction.band[1]),
          })
        : t(direction === 'higher' ? 'indicator.directions.higher' : 'indicator.directions.lower');

  const items: DescriptionsProps['items'] = [
    {
      key: 'perspective',
      label: t('indicator.perspective'),
      children: <span data-testid="indicator-perspective">{localize(perspective.name, language)}</span>,
    },
    {
      key: 'unit',
      label: t('indicator.unit'),
      children: (
        <span data-testid="indicator-unit">
          {formatUnit(indicator.unit, language) || t('indicator.noUnit')}
        </span>
      ),
    },
    {
      key: 'direction',
      label: t('indicator.direction'),
      children: <span data-testid="indicator-direction">{directionText}</span>,
    },
    {
      key: 'method',
      label: t('indicator.method'),
      children: (
        <span data-testid="indicator-method">
          {isKnownMethod(indicator.method) ? t(METHOD_KEYS[indicator.method]) : indicator.method}
        </span>
      ),
    },
    {
      key: 'actual-vs-target',
      label: t('indicator.actualVsTarget'),
      children: (
        <span>
          <strong data-testid="indicator-actual" style={{ fontSize: 18 }}>
            {number(indicator.actual)}
          </strong>
          {' / '}
          <span data-testid="indicator-target">{number(indicator.target)}</span>
        </span>
      ),
    },
    ...(indicator.unitCoverage === undefined
      ? []
      : [
          {
            key: 'coverage',
            label: t('indicator.coverage'),
            children: (
              <span data-testid="indicator-coverage">
                {t('scorecard.unitCoverage', {
                  share:
                    indicator.unitCoverage.denominatorShare === null
                      ? t('scorecard.unitCoverageUnits', {
                          included: indicator.unitCoverage.included.length,
                          total:
                            indicator.unitCoverage.included.length + indicator.unitCoverage.leftOut.length,
                        })
                      : formatPercent(indicator.unitCoverage.denominatorShare, language),
                  count: indicator.unitCoverage.leftOut.length,
                })}
                {indicator.unitCoverage.leftOut.length === 0
                  ? null
                  : ` ${t('scorecard.unitCoverageLeftOut', { units: formatList(indicator.unitCoverage.leftOut, language) })}`}
              </span>
            ),
          },
        ]),
    {
      key: 'reference',
      label: t('indicator.reference'),
      children: <span data-testid="indicator-reference">{number(indicator.reference)}</span>,
    },
    {
      key: 'quantified',
      label: t('indicator.quantified'),
      children: (
        <span data-testid="indicator-quantified">{formatNumber(indicator.quantified, language, 2)}</span>
      ),
    },
    {
      key: 'status',
      label: t('indicator.status'),
      children: (
        <span data-testid="indicator-status">
          <StatusTag status={indicator.status} />
        </span>
      ),
    },
  ];

  return (
    <Panel title={t('indicator.summary')} headingId="indicator-summary" testId="indicator-summary">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />
    </Panel>
  );
}
