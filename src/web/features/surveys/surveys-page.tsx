/**
 * The strategist's AHP surveys (issue 12): the list, newest first, and a new survey from a scorecard's hierarchy
 * (the server builds the nodes: the perspectives, then each perspective's objectives or indicators) with its
 * scale, RI table, threshold, whether partial answers count, and the panel with optional expert weights.
 */
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { type SurveySummary, useSurveys } from '../../lib/api/surveys.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { CreateSurveyForm } from './components/create-survey-form.tsx';
import { STATUS_LABELS } from './model/labels.ts';

export function SurveysPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const surveys = useSurveys();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="surveys-title" data-testid="surveys-page">
      <PageHeading id="surveys-title" title={t('surveys.title')} selection={null} />
      <p style={{ marginTop: 0 }}>{t('surveys.intro')}</p>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {creating ? (
          <CreateSurveyForm
            onCancel={() => setCreating(false)}
            onCreated={(id) => void navigate(`/surveys/${id}`)}
          />
        ) : (
          <Button type="primary" data-testid="new-survey" onClick={() => setCreating(true)}>
            {t('surveys.new')}
          </Button>
        )}
        <LoadingPanel
          isLoading={surveys.isPending}
          error={surveys.error}
          isEmpty={surveys.data?.length === 0}
          emptyText={t('surveys.none')}
          onRetry={() => void surveys.refetch()}
        >
          <Table<SurveySummary>
            data-testid="surveys-table"
            size="small"
            rowKey="id"
            dataSource={[...(surveys.data ?? [])].sort((a, b) => b.id - a.id)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('surveys.columns.title'),
                key: 'title',
                render: (_, row) => <Link to={`/surveys/${row.id}`}>{row.title}</Link>,
              },
              { title: t('surveys.columns.scorecard'), dataIndex: 'scorecard', key: 'scorecard' },
              {
                title: t('surveys.columns.status'),
                key: 'status',
                render: (_, row) => <Tag>{t(STATUS_LABELS[row.status])}</Tag>,
              },
              {
                title: t('surveys.columns.submitted'),
                key: 'submitted',
                render: (_, row) =>
                  t('surveys.submittedOf', { submitted: row.submitted, experts: row.experts }),
              },
              {
                title: t('surveys.columns.created'),
                key: 'created',
                render: (_, row) => `${formatDateTime(row.createdAt, language)} · ${row.createdBy}`,
              },
            ]}
          />
        </LoadingPanel>
      </Space>
    </section>
  );
}
