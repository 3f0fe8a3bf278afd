/**
 * One survey, for the strategist: its settings, the panel with each expert's personal link (invitation text, QR
 * code, print, revoke), who has answered which nodes, reminders by e-mail, uploading paper answers, closing it, and the results under a choice of
 * aggregation, with applying them as a dated weight version of the scorecard.
 */
import { Alert, Button, Descriptions, Popconfirm, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { problemDetail } from '../../components/problem-words.ts';
import { type SurveyDetail, useCloseSurvey, useSurvey } from '../../lib/api/surveys.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { PanelLinks } from './components/panel-links.tsx';
import { PaperImport } from './components/paper-import.tsx';
import { ProgressTable } from './components/progress-table.tsx';
import { RemindersPanel } from './components/reminders-panel.tsx';
import { ResultsView } from './components/results-view.tsx';
import { RI_TABLE_LABELS, SCALE_LABELS, STATUS_LABELS } from './model/labels.ts';

type Tab = 'panel' | 'progress' | 'reminders' | 'paper' | 'results';
const TABS: readonly Tab[] = ['panel', 'progress', 'reminders', 'paper', 'results'];

export function SurveyPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const parsed = Number(idParam);
  const id = Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  const survey = useSurvey(id);
  return (
    <section aria-labelledby="survey-title" data-testid="survey-page">
      <PageHeading id="survey-title" title={survey.data?.title ?? t('surveys.title')} selection={null} />
      <p style={{ marginTop: 0 }}>
        <Link to="/surveys">{t('surveys.back')}</Link>
      </p>
      <LoadingPanel isLoading={survey.isPending} error={survey.error} onRetry={() => void survey.refetch()}>
        {survey.data === undefined ? null : <SurveyBody survey={survey.data} />}
      </LoadingPanel>
    </section>
  );
}

function SurveyBody({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [tab, setTab] = useState<Tab>(survey.status === 'open' ? 'panel' : 'results');
  const close = useCloseSurvey(survey.id);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'scorecard',
            label: t('surveys.columns.scorecard'),
            children: `${survey.scorecard} · ${localize(survey.scorecardName, language)}`,
          },
          {
            key: 'status',
            label: t('surveys.columns.status'),
            children: (
              <Tag data-testid="survey-status" data-status={survey.status}>
                {t(STATUS_LABELS[survey.status])}
              </Tag>
            ),
          },
          { key: 'scale', label: t('surveys.create.scale'), children: t(SCALE_LABELS[survey.scale]) },
          { key: 'ri', label: t('surveys.create.riTable'), children: t(RI_TABLE_LABELS[survey.riTable]) },
          {
            key: 'threshold',
            label: t('surveys.create.threshold'),
            children: formatNumber(survey.threshold, language, 2),
          },
          {
            key: 'partial',
            label: t('surveys.create.allowPartial'),
            children: survey.allowPartial ? t('surveys.yes') : t('surveys.no'),
          },
          {
            key: 'nodes',
            label: t('surveys.nodes'),
            children: survey.nodes.map((node) => localize(node.title, language)).join(' · '),
          },
          {
            key: 'created',
            label: t('surveys.columns.created'),
            children: `${formatDateTime(survey.createdAt, language)} · ${survey.createdBy}`,
          },
        ]}
      />
      {survey.status === 'open' ? (
        <Space wrap>
          <Popconfirm
            title={t('surveys.close.confirm')}
            okText={t('surveys.close.action')}
            cancelText={t('surveys.create.cancel')}
            onConfirm={() => close.mutate(undefined, { onSuccess: () => setTab('results') })}
          >
            <Button danger data-testid="close-survey" loading={close.isPending}>
              {t('surveys.close.action')}
            </Button>
          </Popconfirm>
          <span>{t('surveys.close.help')}</span>
        </Space>
      ) : null}
      {close.error ? <Alert type="error" showIcon title={problemDetail(t, close.error)} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(TABS.find((tab) => tab === key) ?? 'panel')}
        items={[
          { key: 'panel', label: t('surveys.tabs.panel'), children: <PanelLinks survey={survey} /> },
          {
            key: 'progress',
            label: <span data-testid="tab-progress">{t('surveys.tabs.progress')}</span>,
            children: <ProgressTable survey={survey} />,
          },
          {
            key: 'reminders',
            label: <span data-testid="tab-reminders">{t('surveys.tabs.reminders')}</span>,
            children: <RemindersPanel survey={survey} />,
          },
          {
            key: 'paper',
            label: <span data-testid="tab-paper">{t('surveys.tabs.paper')}</span>,
            children: <PaperImport survey={survey} />,
          },
          {
            key: 'results',
            label: <span data-testid="tab-results">{t('surveys.tabs.results')}</span>,
            children: <ResultsView survey={survey} />,
          },
        ]}
      />
    </Space>
  );
}
