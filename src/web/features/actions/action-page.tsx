/**
 * `/actions/:id`: one action plan: what it answers (indicator × unit × period, the alert or objective it came
 * from), owner and collaborators, due date, status and progress (editable), the indicator's value when the action
 * opened and now, and the comments with their attachments (evidence: uploaded with progress, downloaded by link).
 */
import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { STATUS_COLORS, STATUS_KEYS } from '../../lib/action-labels.ts';
import { useAction } from '../../lib/api/actions.ts';
import { formatDateTime, formatNumber, formatPeriod, NO_VALUE } from '../../lib/format.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { scorecardHref } from '../../lib/scorecard-link.ts';
import { useNames } from '../../lib/use-names.ts';
import { ActionComments } from './components/action-comments.tsx';
import { ActionEditor } from './components/action-editor.tsx';

function parseId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function ActionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = parseId(useParams().id);
  const action = useAction(id);
  const data = action.data;
  const names = useNames(data?.scorecard ?? null);
  const scorecardLink = data === undefined ? '' : scorecardHref(data);

  return (
    <section aria-labelledby="action-title">
      <PageHeading id="action-title" title={data?.title ?? t('actions.one')} selection={null} />
      <LoadingPanel
        isLoading={id !== null && action.isPending}
        error={action.error}
        isEmpty={id === null}
        emptyText={t('actions.notFound')}
        onRetry={() => void action.refetch()}
      >
        {data === undefined ? null : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={STATUS_COLORS[data.status]} data-testid="action-status" data-status={data.status}>
                {t(STATUS_KEYS[data.status])}
              </Tag>
              {data.overdue ? <Tag color="red">{t('actions.overdue')}</Tag> : null}
            </Space>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="action-details">
              <Descriptions.Item label={t('actions.fields.indicator')}>
                <Link to={scorecardLink}>{names.indicator(data.indicator)}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.unit')}>
                {names.unit(data.orgUnit)}
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.period')}>
                {formatPeriod(data.period, language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.owner')}>
                <span data-testid="action-owner">{data.owner.name ?? data.owner.email}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.collaborators')}>
                {data.collaborators.length === 0
                  ? NO_VALUE
                  : data.collaborators.map((user) => user.name ?? user.email).join(', ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.origin')}>
                {t(ORIGIN_KEYS[data.origin])}
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.valueAtOpening')}>
                <span data-testid="action-value-opening">
                  {formatNumber(data.valueAtOpening, language, 2)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.valueNow')}>
                <span data-testid="action-value-now">
                  {formatNumber(data.valueNow, language, 2)}
                  {data.valueNowPeriod === null ? null : ` (${formatPeriod(data.valueNowPeriod, language)})`}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.created')}>
                {formatDateTime(data.createdAt, language)} · {data.createdBy}
              </Descriptions.Item>
              <Descriptions.Item label={t('actions.fields.description')}>
                {data.description ?? NO_VALUE}
              </Descriptions.Item>
            </Descriptions>
            <Panel title={t('actions.edit.title')} headingId="action-edit">
              <ActionEditor action={data} />
            </Panel>
            <Panel title={t('actions.comments.title')} headingId="action-comments">
              <ActionComments actionId={data.id} />
            </Panel>
          </Space>
        )}
      </LoadingPanel>
    </section>
  );
}

const ORIGIN_KEYS = {
  cell: 'actions.origins.cell',
  alert: 'actions.origins.alert',
  objective: 'actions.origins.objective',
} as const;
