/**
 * The data-quality report of the unit × period shown (`GET /api/data-quality`): the validation rules its values
 * break, and its unusual values against the unit's own history or its sibling units.
 */
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { type DataQualityReport, useDataQuality } from '../../../lib/api/data-quality.ts';
import { formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { useOutlierText, useViolationText } from './quality-words.ts';

type Violation = DataQualityReport['violations'][number];
type Outlier = DataQualityReport['outliers'][number];

const IMPORTANCE_COLORS = { low: 'default', medium: 'orange', high: 'red' } as const;
const IMPORTANCE_WORDS = {
  low: 'dataEntry.quality.importance.low',
  medium: 'dataEntry.quality.importance.medium',
  high: 'dataEntry.quality.importance.high',
} as const satisfies Record<Violation['importance'], string>;
const AGAINST_WORDS = {
  history: 'dataEntry.quality.against.history',
  peers: 'dataEntry.quality.against.peers',
} as const satisfies Record<Outlier['against'], string>;

export interface QualityReportProps {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
  /** The name of a data element by code, in the interface's language. */
  readonly elementName: (code: string) => string;
}

export function QualityReport({ scorecard, orgUnit, period, elementName }: QualityReportProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useDataQuality({ orgUnit, period, scorecard });
  const violationText = useViolationText();
  const outlierText = useOutlierText();
  const data = report.data;
  return (
    <LoadingPanel isLoading={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
      {data === undefined ? null : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="quality-report">
          <Typography.Text data-testid="quality-summary">
            {t('dataEntry.quality.summary', {
              rules: data.rulesChecked,
              values: data.valuesChecked,
              violations: data.violations.length,
              outliers: data.outliers.length,
            })}
          </Typography.Text>
          <Typography.Title level={5}>{t('dataEntry.quality.violations')}</Typography.Title>
          <Table<Violation>
            data-testid="quality-violations"
            size="small"
            pagination={false}
            rowKey={(v) => `${v.scorecard}/${v.rule}/${v.period}`}
            dataSource={data.violations}
            locale={{ emptyText: t('dataEntry.quality.noViolations') }}
            columns={[
              {
                key: 'period',
                title: t('dataEntry.quality.column.period'),
                render: (_, v) => formatPeriod(v.period, language),
              },
              { key: 'rule', title: t('dataEntry.quality.column.rule'), render: (_, v) => v.rule },
              {
                key: 'importance',
                title: t('dataEntry.quality.column.importance'),
                render: (_, v) => (
                  <Tag color={IMPORTANCE_COLORS[v.importance]}>{t(IMPORTANCE_WORDS[v.importance])}</Tag>
                ),
              },
              {
                key: 'check',
                title: t('dataEntry.quality.column.check'),
                render: (_, v) => <span data-testid="violation-text">{violationText(v)}</span>,
              },
            ]}
          />
          <Typography.Title level={5}>{t('dataEntry.quality.outliers')}</Typography.Title>
          <Table<Outlier>
            data-testid="quality-outliers"
            size="small"
            pagination={false}
            rowKey={(o) => `${o.dataElement}/${o.period}/${o.against}`}
            dataSource={data.outliers}
            locale={{ emptyText: t('dataEntry.quality.noOutliers') }}
            columns={[
              {
                key: 'period',
                title: t('dataEntry.quality.column.period'),
                render: (_, o) => formatPeriod(o.period, language),
              },
              {
                key: 'element',
                title: t('dataEntry.quality.column.element'),
                render: (_, o) => elementName(o.dataElement),
              },
              {
                key: 'against',
                title: t('dataEntry.quality.column.against'),
                render: (_, o) => t(AGAINST_WORDS[o.against]),
              },
              {
                key: 'finding',
                title: t('dataEntry.quality.column.finding'),
                render: (_, o) => <span data-testid="outlier-text">{outlierText(o)}</span>,
              },
            ]}
          />
        </Space>
      )}
    </LoadingPanel>
  );
}
