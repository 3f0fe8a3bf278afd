/**
 * `/my-work`: what the signed-in user has to do, in one place: open actions they own or help with (the earliest
 * due first), open alerts of their inbox, the indicators they own, submitted data waiting for their approval, and
 * their units' entries not yet submitted with the deadline. The landing page of everyone with entry, approver or
 * owner duties (app/landing.ts).
 */
import { Badge, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionTable } from '../../components/action-table.tsx';
import { AlertTable } from '../../components/alert-table.tsx';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Panel } from '../../components/panel.tsx';
import { useMyWork } from '../../lib/api/my-work.ts';
import { formatDateTime, formatPeriod } from '../../lib/format.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { selectionHref } from '../../lib/scorecard-link.ts';
import { useNames } from '../../lib/use-names.ts';

export function MyWorkPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const work = useMyWork();
  const data = work.data;
  const scorecard =
    data?.actions[0]?.scorecard ?? data?.alerts[0]?.scorecard ?? data?.indicators[0]?.scorecard ?? null;
  const names = useNames(scorecard);

  return (
    <section aria-labelledby="my-work-title">
      <PageHeading id="my-work-title" title={t('myWork.title')} selection={null} />
      <LoadingPanel isLoading={work.isPending} error={work.error} onRetry={() => void work.refetch()}>
        {data === undefined ? null : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Panel
              title={t('myWork.actions', { count: data.actions.length })}
              headingId="my-work-actions"
              testId="my-work-actions"
              extra={<Link to="/actions">{t('myWork.allActions')}</Link>}
            >
              {data.actions.length === 0 ? (
                <p style={{ margin: 0 }}>{t('myWork.noActions')}</p>
              ) : (
                <ActionTable actions={data.actions} names={names} />
              )}
            </Panel>
            <Panel
              title={
                <Space>
                  {t('myWork.alerts', { count: data.alerts.length })}
                  <Badge count={data.unreadAlerts} />
                </Space>
              }
              headingId="my-work-alerts"
              testId="my-work-alerts"
              extra={<Link to="/inbox">{t('myWork.inbox')}</Link>}
            >
              {data.alerts.length === 0 ? (
                <p style={{ margin: 0 }}>{t('myWork.noAlerts')}</p>
              ) : (
                <AlertTable alerts={data.alerts} names={names} />
              )}
            </Panel>
            <Panel
              title={t('myWork.approvals', { count: data.approvals.length })}
              headingId="my-work-approvals"
              testId="my-work-approvals"
            >
              <List
                size="small"
                dataSource={data.approvals}
                locale={{ emptyText: t('myWork.noApprovals') }}
                renderItem={(approval) => (
                  <List.Item key={`${approval.scorecard}|${approval.orgUnit}|${approval.period}`}>
                    <Link to={selectionHref('/data-entry', approval)}>
                      {names.unit(approval.orgUnit)} · {formatPeriod(approval.period, language)}
                    </Link>
                  </List.Item>
                )}
              />
            </Panel>
            <Panel
              title={t('myWork.deadlines', { count: data.deadlines.length })}
              headingId="my-work-deadlines"
              testId="my-work-deadlines"
            >
              <List
                size="small"
                dataSource={data.deadlines}
                locale={{ emptyText: t('myWork.noDeadlines') }}
                renderItem={(due) => (
                  <List.Item key={`${due.scorecard}|${due.orgUnit}|${due.period}`}>
                    <Space wrap>
                      <Link to={selectionHref('/data-entry', due)}>
                        {names.unit(due.orgUnit)} · {formatPeriod(due.period, language)}
                      </Link>
                      <span>{t('myWork.dueAt', { at: formatDateTime(due.dueAt, language) })}</span>
                      {due.late ? <Tag color="red">{t('myWork.late')}</Tag> : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Panel>
            <Panel
              title={t('myWork.indicators', { count: data.indicators.length })}
              headingId="my-work-indicators"
              testId="my-work-indicators"
            >
              <List
                size="small"
                dataSource={data.indicators}
                locale={{ emptyText: t('myWork.noIndicators') }}
                renderItem={(indicator) => (
                  <List.Item key={`${indicator.scorecard}|${indicator.indicator}`}>
                    <Link
                      to={`/indicators/${encodeURIComponent(indicator.indicator)}?scorecard=${encodeURIComponent(indicator.scorecard)}`}
                    >
                      {localize(indicator.name, language)}
                    </Link>
                  </List.Item>
                )}
              />
            </Panel>
          </Space>
        )}
      </LoadingPanel>
    </section>
  );
}
