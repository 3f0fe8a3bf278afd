/**
 * The selected unit's sub-units with their totals and ratings (the comparison's first ranks, from the same cached
 * request), each name a link to that sub-unit's scorecard on the same scorecard and period: the overview's
 * drill-down (issue 17 §2). Units the reader may not open are plain text.
 */
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { RatingTag } from '../../../components/rating-tag.tsx';
import { UnitLink } from '../../../components/unit-link.tsx';
import { type RankingRow, useRankingPage } from '../../../lib/api/rankings.ts';
import { formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { Selection } from '../../../lib/selection.ts';
import { useDrillDown } from '../../../lib/use-drill-down.ts';

/** As many as the comparison's chart reads, so both share one request. */
const SHOWN = 100;

export function SubUnitsCard({
  selection,
  unitName,
}: {
  readonly selection: Selection;
  readonly unitName: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const drill = useDrillDown(selection);
  const ranking = useRankingPage({
    scorecard: selection.scorecard,
    parent: selection.orgUnit,
    period: selection.period,
    depth: 'children',
    mix: false,
    sort: 'rank',
    order: 'asc',
    limit: SHOWN,
    offset: 0,
  });
  const items = ranking.data?.items;
  const columns: TableColumnsType<RankingRow> = [
    {
      key: 'unit',
      title: t('comparison.unit'),
      render: (_, item) => (
        <UnitLink
          code={item.orgUnit}
          name={localize(item.name, language)}
          drill={drill}
          testId={`sub-unit-${item.orgUnit}`}
        />
      ),
    },
    {
      key: 'total',
      title: t('comparison.total'),
      align: 'right',
      render: (_, item) => formatScore(item.total, language),
    },
    {
      key: 'rating',
      title: t('comparison.rating'),
      render: (_, item) => (
        <RatingTag
          ratingCode={item.ratingCode}
          ratingLabel={item.ratingLabel}
          total={item.total}
          language={language}
        />
      ),
    },
  ];
  return (
    <Panel title={t('drillDown.subUnits')} headingId="sub-units-title" testId="sub-units">
      <LoadingPanel
        isLoading={ranking.isPending}
        error={ranking.error}
        isEmpty={items !== undefined && items.length === 0}
        emptyText={t('drillDown.subUnitsEmpty', { unit: unitName })}
        onRetry={() => void ranking.refetch()}
      >
        <Table<RankingRow>
          aria-labelledby="sub-units-title"
          size="small"
          rowKey="orgUnit"
          columns={columns}
          dataSource={items ?? []}
          pagination={false}
          scroll={{ y: 320 }}
        />
      </LoadingPanel>
    </Panel>
  );
}
