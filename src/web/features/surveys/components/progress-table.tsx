/**
 * Who has answered which nodes: one row per expert, one column per node with the judgments given out of the
 * node's pairs and, once complete, its CR (warning colour when not below the threshold).
 */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { type SurveyDetail, type SurveyProgress, useSurveyProgress } from '../../../lib/api/surveys.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

type ExpertProgress = SurveyProgress['experts'][number];

export function ProgressTable({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const progress = useSurveyProgress(survey.id);
  return (
    <LoadingPanel
      isLoading={progress.isPending}
      error={progress.error}
      onRetry={() => void progress.refetch()}
    >
      <Table<ExpertProgress>
        data-testid="progress-table"
        size="small"
        rowKey="id"
        dataSource={progress.data?.experts ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('surveys.links.expert'), dataIndex: 'name', key: 'name', fixed: 'left' },
          ...survey.nodes.map((node) => ({
            title: localize(node.title, language),
            key: node.key,
            render: (_: unknown, row: ExpertProgress) => {
              const cell = row.nodes.find((n) => n.key === node.key);
              if (cell === undefined) return '—';
              return (
                <span data-testid={`progress-${row.id}-${node.key}`} data-answered={cell.answered}>
                  {cell.answered}/{cell.total}
                  {cell.cr === null ? null : (
                    <Tag color={cell.cr < survey.threshold ? 'success' : 'warning'} style={{ marginLeft: 6 }}>
                      {t('judgmentScale.cr', { value: formatNumber(cell.cr, language, 3) })}
                    </Tag>
                  )}
                </span>
              );
            },
          })),
          {
            title: t('surveys.links.submitted'),
            key: 'submitted',
            render: (_, row) => (row.submittedAt === null ? '—' : formatDateTime(row.submittedAt, language)),
          },
        ]}
      />
    </LoadingPanel>
  );
}
