/**
 * The scorecard of one org unit for one period, perspective by perspective, with each indicator's change since
 * the previous period (read as a two-period series).
 */
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { useEvaluation, useSeries } from '../../lib/api/use-evaluation.ts';
import { formatPeriod } from '../../lib/format.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { periodBefore } from '../../lib/period-window.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { PerspectiveTable } from './components/perspective-table.tsx';
import { previousEvaluation } from './indicator-rows.ts';

export function ScorecardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const evaluation = useEvaluation(complete);
  const previousPeriod = complete === null ? null : periodBefore(complete.period);
  const series = useSeries(
    complete === null || previousPeriod === null
      ? null
      : {
          scorecard: complete.scorecard,
          orgUnit: complete.orgUnit,
          from: previousPeriod,
          to: complete.period,
        },
  );
  const previous = previousEvaluation(series.data, previousPeriod);
  const data = evaluation.data;

  return (
    <section aria-labelledby="scorecard-title">
      <PageHeading id="scorecard-title" title={t('scorecard.title')} selection={complete} />
      <LoadingPanel
        isLoading={evaluation.isPending}
        error={evaluation.error}
        isEmpty={data !== undefined && data.perspectives.length === 0}
        emptyText={t('scorecard.empty', { unit: names.unit, period: names.period })}
        onRetry={() => void evaluation.refetch()}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {data?.perspectives.map((perspective) => (
            <PerspectiveTable
              key={perspective.id}
              perspective={perspective}
              previous={previous?.perspectives.find((entry) => entry.id === perspective.id)}
              previousLabel={
                previous === undefined || previousPeriod === null
                  ? null
                  : formatPeriod(previousPeriod, language)
              }
            />
          ))}
        </Space>
      </LoadingPanel>
    </section>
  );
}
