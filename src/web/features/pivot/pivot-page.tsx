/**
 * The pivot (DHIS2's habit): one indicator's values with months, quarters or years as columns and the selected
 * unit's children (or its whole subtree, each department named with its hospital) as rows, read from
 * `GET /api/pivot`, optionally coloured by status; under them the total, which is the unit's own evaluation (the
 * roll-up, never a mean of the rows), and how many units it rests on. Exportable as XLSX or CSV as displayed.
 *
 * A page of its own rather than a tab of the comparison: the comparison ranks one period's units by total score,
 * while this reads one indicator across periods, with its own choices (indicator, columns) kept in the URL.
 */
import { Pagination, Segmented, Select, Switch, Table, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { ExportableTable } from '../../components/table-export.tsx';
import { useIndicators } from '../../lib/api/indicators.ts';
import { type PivotJson, usePivot } from '../../lib/api/pivot.ts';
import { formatNumber, formatPercent, formatPeriod, formatUnit } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { type IndicatorStatus, STATUS_COLORS } from '../../lib/status.ts';
import { useSearchParam, useSelection } from '../../lib/use-selection.ts';
import { PIVOT_GRANULARITIES, pivotRange, unitLabel } from './pivot-periods.ts';

const PAGE_SIZE = 50;
const STATUS_KEYS = {
  met: 'status.met',
  watch: 'status.watch',
  'off-track': 'status.offTrack',
  'no-data': 'status.noData',
} as const satisfies Record<IndicatorStatus, string>;
const ROWS = ['children', 'descendants'] as const;

type Cell = PivotJson['units'][number]['cells'][number];

interface Row {
  readonly key: string;
  readonly label: string;
  readonly kind: 'unit' | 'total' | 'coverage';
  readonly cells: readonly Cell[];
  readonly coverage?: readonly string[];
}

export function PivotPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { complete } = useSelection();
  const indicators = useIndicators(complete?.scorecard ?? null);
  const [params, setParams] = useIndicatorParam();
  const [rows, setRows] = useSearchParam('rows', ROWS, 'children');
  const [granularity, setGranularity] = useSearchParam('columns', PIVOT_GRANULARITIES, 'month');
  const [colour, setColour] = useSearchParam('colour', ['true', 'false'] as const, 'false');
  const [page, setPage] = useState(1);
  const indicator = params ?? indicators.data?.[0]?.id ?? null;
  const range = complete === null ? null : pivotRange(complete.period, granularity);
  const pivot = usePivot(
    complete === null || range === null || indicator === null
      ? null
      : {
          scorecard: complete.scorecard,
          indicator,
          parent: complete.orgUnit,
          rows,
          ...range,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
  );
  const data = pivot.data;

  const table = useMemo(() => {
    if (data === undefined) return null;
    const decimals = data.indicator.decimals;
    const unitRows: Row[] = data.units.map((unit) => ({
      key: unit.code,
      label: unitLabel(
        localize(unit.name, language),
        unit.parentUnit === null ? null : localize(unit.parentUnit.name, language),
        data.rows === 'descendants' && unit.parentUnit?.code !== data.parent.code,
      ),
      kind: 'unit',
      cells: unit.cells,
    }));
    const totalRows: Row[] =
      data.total === null
        ? []
        : [
            {
              key: '__total',
              label: t('pivot.total', { unit: localize(data.parent.name, language) }),
              kind: 'total',
              cells: data.total,
            },
            {
              key: '__coverage',
              label: t('pivot.coverage'),
              kind: 'coverage',
              cells: data.total,
              coverage: data.total.map((cell) =>
                cell.source === 'children'
                  ? t('pivot.unitsIncluded', {
                      included: cell.included,
                      all: cell.included + cell.leftOut,
                      share:
                        cell.denominatorShare === null ? '' : formatPercent(cell.denominatorShare, language),
                    })
                  : cell.source === 'own'
                    ? t('pivot.reportedItself')
                    : '',
              ),
            },
          ];
    const columns: TableColumnsType<Row> = [
      {
        key: 'unit',
        title: t('pivot.unit'),
        dataIndex: 'label',
        fixed: 'left',
        width: 220,
        render: (label: string, row) => (row.kind === 'unit' ? label : <strong>{label}</strong>),
      },
      ...data.periods.map((period, i) => ({
        key: period,
        title: formatPeriod(period, language),
        align: 'right' as const,
        width: 96,
        render: (_: unknown, row: Row) => {
          if (row.kind === 'coverage') return <span>{row.coverage?.[i] ?? ''}</span>;
          const cell = row.cells[i];
          const value = cell?.actual ?? null;
          const text = formatNumber(value, language, decimals);
          const tinted = colour === 'true' && cell !== undefined && value !== null;
          return (
            <span
              data-testid={`pivot-cell-${row.key}-${period}`}
              data-value={value === null ? '' : String(value)}
              title={cell === undefined ? undefined : t(STATUS_KEYS[cell.status])}
              style={
                tinted
                  ? { color: STATUS_COLORS[cell.status], fontWeight: row.kind === 'total' ? 600 : undefined }
                  : { fontWeight: row.kind === 'total' ? 600 : undefined }
              }
            >
              {text}
            </span>
          );
        },
      })),
    ];
    return { columns, rows: [...unitRows, ...totalRows] };
  }, [data, language, t, colour]);

  const indicatorOptions = (indicators.data ?? []).map((item) => ({
    value: item.id,
    label: localize(item.name, language),
  }));
  const title = data === undefined ? '' : localize(data.indicator.name, language);
  const unit = data === undefined ? '' : formatUnit(data.indicator.unit, language);

  return (
    <section aria-labelledby="pivot-title">
      <PageHeading id="pivot-title" title={t('pivot.title')} selection={complete} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center', marginBottom: 16 }}>
        <Select
          aria-label={t('pivot.indicator')}
          data-testid="pivot-indicator"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 280 }}
          value={indicator ?? undefined}
          options={indicatorOptions}
          onChange={(value: string) => {
            setPage(1);
            setParams(value);
          }}
        />
        <Segmented
          aria-label={t('pivot.rows')}
          data-testid="pivot-rows"
          value={rows}
          onChange={(value) => {
            const next = ROWS.find((candidate) => candidate === value);
            if (next !== undefined) {
              setPage(1);
              setRows(next);
            }
          }}
          options={[
            { value: 'children', label: t('pivot.children') },
            { value: 'descendants', label: t('pivot.descendants') },
          ]}
        />
        <Segmented
          aria-label={t('pivot.columns')}
          data-testid="pivot-columns"
          value={granularity}
          onChange={(value) => {
            const next = PIVOT_GRANULARITIES.find((candidate) => candidate === value);
            if (next !== undefined) setGranularity(next);
          }}
          options={[
            { value: 'month', label: t('pivot.months') },
            { value: 'quarter', label: t('pivot.quarters') },
            { value: 'year', label: t('pivot.years') },
          ]}
        />
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Switch
            id="pivot-colour"
            data-testid="pivot-colour"
            checked={colour === 'true'}
            onChange={(checked) => setColour(checked ? 'true' : 'false')}
          />
          <label htmlFor="pivot-colour">{t('pivot.colour')}</label>
        </span>
      </div>
      <LoadingPanel
        isLoading={pivot.isPending && indicator !== null}
        error={pivot.error}
        isEmpty={data !== undefined && data.units.length === 0}
        emptyText={t('pivot.empty')}
        onRetry={() => void pivot.refetch()}
      >
        {table === null || data === undefined ? null : (
          <Panel
            title={unit === '' ? title : `${title} (${unit})`}
            headingId="pivot-table-title"
            testId="pivot-panel"
          >
            <ExportableTable name={`${title} ${data.periods[0] ?? ''}–${data.periods.at(-1) ?? ''}`}>
              <Table<Row>
                aria-labelledby="pivot-table-title"
                data-testid="pivot-table"
                size="small"
                columns={table.columns}
                dataSource={table.rows}
                pagination={false}
                loading={pivot.isFetching}
                scroll={{ x: 'max-content' }}
                rowClassName={(row) => `pivot-row-${row.kind}`}
              />
            </ExportableTable>
            {data.totalUnits > PAGE_SIZE ? (
              <Pagination
                style={{ marginTop: 8 }}
                current={page}
                pageSize={PAGE_SIZE}
                total={data.totalUnits}
                showSizeChanger={false}
                onChange={setPage}
              />
            ) : null}
          </Panel>
        )}
      </LoadingPanel>
    </section>
  );
}

/** The indicator in the URL (`?indicator=`), or null for the scorecard's first. */
function useIndicatorParam(): [string | null, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('indicator')?.trim() ?? '';
  const set = useCallback(
    (next: string) =>
      setParams((previous) => {
        const updated = new URLSearchParams(previous);
        updated.set('indicator', next);
        return updated;
      }),
    [setParams],
  );
  return [value === '' ? null : value, set];
}
