/**
 * The ranking as a table: rank, unit, role (the head hospital's row highlighted), total, rating, coverage. One
 * page of summary rows at a time, sorted and paged by the server (`GET /api/rankings`).
 */
import { Table, type TableColumnsType, type TablePaginationConfig, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { RatingTag } from '../../../components/rating-tag.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import { UnitLink } from '../../../components/unit-link.tsx';
import type { RankingRow, RankingSort, RankingSummaryJson } from '../../../lib/api/rankings.ts';
import { formatNumber, formatPercent, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { DrillDown } from '../../../lib/use-drill-down.ts';
import { ROLE_COLORS } from '../chart-options.ts';

const ROLE_KEYS = { head: 'roles.head', branch: 'roles.branch' } as const;
const TYPE_KEYS = {
  group: 'orgUnitTypes.group',
  hospital: 'orgUnitTypes.hospital',
  department: 'orgUnitTypes.department',
  unit: 'orgUnitTypes.unit',
} as const;

function isRole(role: string | null): role is keyof typeof ROLE_KEYS {
  return role === 'head' || role === 'branch';
}

function isType(type: string): type is keyof typeof TYPE_KEYS {
  return type in TYPE_KEYS;
}

/** Rows per page: the whole ranking of a medical group's hospitals fits on one. */
export const RANKING_PAGE_SIZE = 50;

/** Which page of the ranking the table shows, and its order. */
export interface RankingTableState {
  readonly sort: RankingSort;
  readonly order: 'asc' | 'desc';
  /** 1-based. */
  readonly page: number;
}

const SORTABLE: readonly RankingSort[] = ['rank', 'name', 'total', 'coverage'];

function sortOf(key: unknown): RankingSort {
  return SORTABLE.find((sort) => sort === key) ?? 'rank';
}

export function RankingTable({
  data,
  state,
  onChange,
  loading,
  labelledBy,
  drill,
}: {
  readonly data: RankingSummaryJson;
  /** Each unit's name opens its scorecard, when the reader may open it. */
  readonly drill: Pick<DrillDown, 'label' | 'unitHref'>;
  readonly state: RankingTableState;
  readonly onChange: (state: RankingTableState) => void;
  readonly loading: boolean;
  readonly labelledBy: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sortOrder = (key: RankingSort) =>
    state.sort === key ? (state.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const columns: TableColumnsType<RankingRow> = [
    {
      key: 'rank',
      title: t('comparison.rank'),
      width: 72,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('rank'),
      render: (_, item) => formatNumber(item.rank, language),
    },
    {
      key: 'name',
      title: t('comparison.unit'),
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, item) => (
        <UnitLink
          code={item.orgUnit}
          name={localize(item.name, language)}
          drill={drill}
          testId={`ranking-unit-${item.orgUnit}`}
        />
      ),
    },
    {
      key: 'role',
      title: t('comparison.role'),
      render: (_, item) =>
        isRole(item.role) ? (
          <Tag color={ROLE_COLORS[item.role]}>{t(ROLE_KEYS[item.role])}</Tag>
        ) : isType(item.type) ? (
          t(TYPE_KEYS[item.type])
        ) : (
          item.type
        ),
    },
    {
      key: 'total',
      title: t('comparison.total'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('total'),
      render: (_, item) =>
        item.insufficientData ? (
          <span data-testid={`insufficient-${item.orgUnit}`}>{t('totals.insufficientShort')}</span>
        ) : (
          <strong>{formatScore(item.total, language)}</strong>
        ),
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
    {
      key: 'coverage',
      title: t('comparison.coverage'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('coverage'),
      render: (_, item) => formatPercent(item.coverage, language),
    },
  ];
  const change = (
    pagination: TablePaginationConfig,
    sorter: SorterResult<RankingRow> | SorterResult<RankingRow>[],
  ) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = one?.order ? sortOf(one.columnKey) : 'rank';
    const order = one?.order === 'descend' ? 'desc' : 'asc';
    // A new order starts at its first page.
    const page = sort === state.sort && order === state.order ? (pagination.current ?? 1) : 1;
    onChange({ sort, order, page });
  };
  return (
    <ExportableTable>
      <Table<RankingRow>
        aria-labelledby={labelledBy}
        data-testid="ranking-table"
        size="small"
        rowKey="orgUnit"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        rowClassName={(item) => (item.role === 'head' ? 'row-head' : '')}
        onChange={(pagination, _filters, sorter) => change(pagination, sorter)}
        pagination={
          data.total > RANKING_PAGE_SIZE
            ? { current: state.page, pageSize: RANKING_PAGE_SIZE, total: data.total, showSizeChanger: false }
            : false
        }
        scroll={{ x: 720 }}
      />
    </ExportableTable>
  );
}
