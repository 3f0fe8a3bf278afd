/**
 * The restatement of a published score (GET /api/evaluations/restatement): for each indicator whose figure
 * differs today, the figure as published, as computed now, and why (its data, a reported value, its ratings, its
 * target, its method, the weights, the scheme's scoring).
 */
import { Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RestatementJson, useRestatement } from '../lib/api/publications.ts';
import { formatDateTime, formatNumber, formatPeriod } from '../lib/format.ts';
import { localize } from '../lib/i18n/languages.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';
import { LoadingPanel } from './loading-panel.tsx';

type Difference = RestatementJson['differences'][number];
type Figure = Difference['figure'];
type Reason = Difference['why'][number];

const FIGURE_KEYS = {
  actual: 'publication.restatement.figures.actual',
  target: 'publication.restatement.figures.target',
  quantified: 'publication.restatement.figures.quantified',
  score: 'publication.restatement.figures.score',
  weight: 'publication.restatement.figures.weight',
  status: 'publication.restatement.figures.status',
} as const satisfies Record<Figure, string>;

const REASON_KEYS = {
  values: 'publication.restatement.reasons.values',
  reported: 'publication.restatement.reasons.reported',
  ratings: 'publication.restatement.reasons.ratings',
  target: 'publication.restatement.reasons.target',
  method: 'publication.restatement.reasons.method',
  weights: 'publication.restatement.reasons.weights',
  scoring: 'publication.restatement.reasons.scoring',
} as const satisfies Record<Reason, string>;

const STATUS_KEYS: Readonly<
  Record<string, 'status.met' | 'status.watch' | 'status.offTrack' | 'status.noData'>
> = {
  met: 'status.met',
  watch: 'status.watch',
  'off-track': 'status.offTrack',
  'no-data': 'status.noData',
};

export default function RestatementDialog({
  selection,
  unitName,
  onClose,
}: {
  readonly selection: Selection;
  readonly unitName: string;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const restatement = useRestatement(selection);
  const data = restatement.data;
  const figure = (row: Difference, value: number | string | null): string => {
    if (value === null) return '—';
    if (typeof value === 'string') {
      const key = STATUS_KEYS[value];
      return key === undefined ? value : t(key);
    }
    return formatNumber(value, language, row.figure === 'quantified' || row.figure === 'weight' ? 4 : 2);
  };
  return (
    <Modal
      open
      width={880}
      title={t('publication.restatement.title', {
        unit: unitName,
        period: formatPeriod(selection.period, language),
      })}
      onCancel={onClose}
      footer={null}
    >
      <LoadingPanel
        isLoading={restatement.isPending}
        error={restatement.error}
        onRetry={() => void restatement.refetch()}
      >
        {data === undefined ? null : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="restatement">
            <Typography.Paragraph style={{ margin: 0 }} data-testid="restatement-intro">
              {t('publication.restatement.intro', {
                id: data.publication.id,
                at: formatDateTime(data.publication.publishedAt, language),
                by: data.publication.publishedBy,
                published: formatNumber(data.total.published, language, 2),
                now: formatNumber(data.total.now, language, 2),
              })}
            </Typography.Paragraph>
            <Table<Difference>
              data-testid="restatement-table"
              size="small"
              rowKey={(row) => `${row.indicator}/${row.figure}`}
              dataSource={data.differences}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('publication.restatement.none') }}
              columns={[
                {
                  title: t('publication.restatement.indicator'),
                  key: 'indicator',
                  render: (_, row) => `${row.indicator} · ${localize(row.name, language)}`,
                },
                {
                  title: t('publication.restatement.figure'),
                  key: 'figure',
                  render: (_, row) => t(FIGURE_KEYS[row.figure]),
                },
                {
                  title: t('publication.restatement.published'),
                  key: 'published',
                  align: 'right',
                  render: (_, row) => (
                    <span data-testid="restated-published">{figure(row, row.published)}</span>
                  ),
                },
                {
                  title: t('publication.restatement.now'),
                  key: 'now',
                  align: 'right',
                  render: (_, row) => <span data-testid="restated-now">{figure(row, row.now)}</span>,
                },
                {
                  title: t('publication.restatement.why'),
                  key: 'why',
                  render: (_, row) =>
                    row.why.map((reason) => (
                      <Tag key={reason} data-testid="restated-why" data-reason={reason}>
                        {t(REASON_KEYS[reason])}
                      </Tag>
                    )),
                },
              ]}
            />
          </Space>
        )}
      </LoadingPanel>
    </Modal>
  );
}
