/**
 * The indicator in each of the unit's children for the selected period: sorted bars (closest to target first)
 * with the head hospital and branches told apart by colour and label, and the same numbers as a table. A child's
 * name opens the same indicator for that child (when the reader may open it).
 */
import { Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '../../../components/chart/lazy-chart.tsx';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { StatusTag } from '../../../components/status-tag.tsx';
import { ExportableTable } from '../../../components/table-export.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { childrenChartOption, describeChildren, ROW_HEIGHT } from '../chart-options.ts';
import type { ChildValue } from '../indicator-series.ts';

export interface ChildrenCardProps {
  readonly name: string;
  readonly unitName: string;
  readonly periodName: string;
  /** The child units, best first; undefined while they load. */
  readonly units: readonly ChildValue[] | undefined;
  readonly decimals: number;
  readonly isLoading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
  /** The page of this indicator for a child unit; null when the reader may not open it. */
  readonly childHref: (orgUnit: string) => string | null;
}

export function ChildrenCard(props: ChildrenCardProps) {
  const { name, units: children, decimals } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const roleNames = useMemo(() => ({ head: t('roles.head'), branch: t('roles.branch') }), [t]);
  const option = useMemo(
    () =>
      children === undefined
        ? null
        : childrenChartOption(children, decimals, language, t('indicator.actual'), roleNames),
    [children, decimals, language, t, roleNames],
  );
  const number = (value: number | null) => formatNumber(value, language, decimals);

  const columns: TableColumnsType<ChildValue> = [
    {
      key: 'unit',
      title: t('indicator.childUnit'),
      render: (_, child) => {
        const href = props.childHref(child.orgUnit);
        const shown = localize(child.name, language);
        return href === null ? (
          <span data-cell="unit">{shown}</span>
        ) : (
          <Link to={href} data-cell="unit">
            {shown}
          </Link>
        );
      },
    },
    {
      key: 'role',
      title: t('indicator.role'),
      render: (_, child) => (
        <span data-cell="role" data-role={child.role ?? ''}>
          {child.role === 'head' || child.role === 'branch' ? roleNames[child.role] : t('roles.other')}
        </span>
      ),
    },
    {
      key: 'actual',
      title: t('indicator.actual'),
      align: 'right',
      render: (_, child) => <span data-cell="actual">{number(child.actual)}</span>,
    },
    {
      key: 'target',
      title: t('indicator.target'),
      align: 'right',
      render: (_, child) => <span data-cell="target">{number(child.target)}</span>,
    },
    {
      key: 'quantified',
      title: t('indicator.quantified'),
      align: 'right',
      render: (_, child) => <span data-cell="quantified">{formatNumber(child.quantified, language, 2)}</span>,
    },
    {
      key: 'status',
      title: t('indicator.status'),
      render: (_, child) => <StatusTag status={child.status} />,
    },
  ];

  return (
    <Panel
      title={t('indicator.children', { period: props.periodName })}
      headingId="indicator-children"
      testId="indicator-children-panel"
    >
      <LoadingPanel
        isLoading={props.isLoading}
        error={props.error}
        isEmpty={children !== undefined && children.length === 0}
        emptyText={t('indicator.childrenEmpty', { unit: props.unitName })}
        onRetry={props.onRetry}
      >
        {option === null || children === undefined ? null : (
          <>
            <Chart
              option={option}
              height={Math.max(3, children.length) * ROW_HEIGHT + 24}
              testId="indicator-children"
              ariaLabel={t('indicator.childrenLabel', {
                indicator: name,
                summary: describeChildren(children, decimals, language),
              })}
            />
            <ExportableTable>
              <Table<ChildValue>
                aria-labelledby="indicator-children"
                data-testid="indicator-children-table"
                size="small"
                rowKey="orgUnit"
                dataSource={[...children]}
                columns={columns}
                pagination={false}
                scroll={{ x: 640 }}
                style={{ marginTop: 16 }}
              />
            </ExportableTable>
          </>
        )}
      </LoadingPanel>
    </Panel>
  );
}
