/** The ranking as a table: rank, unit, role (the head hospital's row highlighted), total, rating, coverage. */
import { Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RatingTag } from '../../../components/rating-tag.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import type { RankedUnit } from '../../../lib/api/rankings.ts';
import { formatNumber, formatPercent, formatScore } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
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
const PAGE_SIZE = 50;

export function RankingTable({
  items,
  labelledBy,
}: {
  readonly items: readonly RankedUnit[];
  readonly labelledBy: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<RankedUnit> = [
    {
      key: 'rank',
      title: t('comparison.rank'),
      width: 72,
      align: 'right',
      render: (_, item) => formatNumber(item.rank, language),
    },
    {
      key: 'unit',
      title: t('comparison.unit'),
      render: (_, item) => localize(item.name, language),
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
      render: (_, item) =>
        item.evaluation.insufficientData ? (
          <span data-testid={`insufficient-${item.orgUnit}`}>{t('totals.insufficientShort')}</span>
        ) : (
          <strong>{formatScore(item.evaluation.total, language)}</strong>
        ),
    },
    {
      key: 'rating',
      title: t('comparison.rating'),
      render: (_, item) => (
        <RatingTag
          ratingCode={item.evaluation.ratingCode}
          ratingLabel={item.evaluation.ratingLabel}
          total={item.evaluation.total}
          language={language}
        />
      ),
    },
    {
      key: 'coverage',
      title: t('comparison.coverage'),
      align: 'right',
      render: (_, item) => formatPercent(item.evaluation.weightCoverage, language),
    },
  ];
  return (
    <ExportableTable>
      <Table<RankedUnit>
        aria-labelledby={labelledBy}
        data-testid="ranking-table"
        size="small"
        rowKey="orgUnit"
        columns={columns}
        dataSource={[...items]}
        rowClassName={(item) => (item.role === 'head' ? 'row-head' : '')}
        pagination={items.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
      />
    </ExportableTable>
  );
}
