/**
 * Reminders by e-mail: the survey's deadline and how many days before it the experts who have not submitted
 * are reminded automatically; reminding them now; and every reminder sent (who, when, the mail's state). Each
 * reminder carries a new personal link, so the expert's earlier link stops working.
 */
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  type SurveyDetail,
  type SurveyReminders,
  useRemindExperts,
  useSetReminderSchedule,
  useSurveyReminders,
} from '../../../lib/api/surveys.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

type Reminder = SurveyReminders['reminders'][number];

const MAIL_STATUS_KEYS = {
  queued: 'surveys.reminders.mail.queued',
  sent: 'surveys.reminders.mail.sent',
  failed: 'surveys.reminders.mail.failed',
  'not-configured': 'surveys.reminders.mail.notConfigured',
} as const;

const SKIP_KEYS = {
  answered: 'surveys.reminders.skip.answered',
  'no-email': 'surveys.reminders.skip.noEmail',
  'already-reminded': 'surveys.reminders.skip.alreadyReminded',
} as const;

/** `2026-12-20T09:00` in the browser's zone, for an `<input type="datetime-local">`. */
function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function RemindersPanel({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reminders = useSurveyReminders(survey.id);
  const save = useSetReminderSchedule(survey.id);
  const remind = useRemindExperts(survey.id);
  const [deadline, setDeadline] = useState('');
  const [days, setDays] = useState<number | null>(null);
  const open = survey.status === 'open';

  useEffect(() => {
    if (reminders.data === undefined) return;
    setDeadline(toLocalInput(reminders.data.deadline));
    setDays(reminders.data.remindDaysBefore);
  }, [reminders.data]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="reminders-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('surveys.reminders.help')}
      </Typography.Paragraph>
      <ProblemAlert error={save.error} testId="reminder-schedule-problem" />
      <Form
        layout="inline"
        onFinish={() =>
          save.mutate({
            deadline: deadline === '' ? null : new Date(deadline).toISOString(),
            remindDaysBefore: deadline === '' ? null : days,
          })
        }
      >
        <Form.Item label={t('surveys.reminders.deadline')}>
          <Input
            type="datetime-local"
            data-testid="reminder-deadline"
            value={deadline}
            disabled={!open}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('surveys.reminders.daysBefore')}>
          <InputNumber
            data-testid="reminder-days"
            min={1}
            max={60}
            precision={0}
            value={days}
            disabled={!open}
            onChange={(value) => setDays(value)}
          />
        </Form.Item>
        <Button htmlType="submit" data-testid="reminder-save" loading={save.isPending} disabled={!open}>
          {t('surveys.reminders.save')}
        </Button>
      </Form>
      <Space wrap>
        <Popconfirm
          title={t('surveys.reminders.confirm')}
          okText={t('surveys.reminders.remindNow')}
          cancelText={t('surveys.create.cancel')}
          onConfirm={() => remind.mutate(undefined)}
          disabled={!open}
        >
          <Button type="primary" data-testid="remind-now" loading={remind.isPending} disabled={!open}>
            {t('surveys.reminders.remindNow')}
          </Button>
        </Popconfirm>
      </Space>
      <ProblemAlert error={remind.error} testId="remind-problem" />
      {remind.data === undefined ? null : (
        <Alert
          type={remind.data.reminded.length > 0 ? 'success' : 'info'}
          showIcon
          data-testid="remind-result"
          title={t('surveys.reminders.result', { count: remind.data.reminded.length })}
          description={
            remind.data.skipped.length === 0 ? null : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {remind.data.skipped.map((skip) => (
                  <li key={skip.expertId} data-testid="remind-skipped" data-reason={skip.reason}>
                    {skip.expert}: {t(SKIP_KEYS[skip.reason])}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <LoadingPanel
        isLoading={reminders.isPending}
        error={reminders.error}
        isEmpty={(reminders.data?.reminders.length ?? 0) === 0}
        emptyText={t('surveys.reminders.none')}
        onRetry={() => void reminders.refetch()}
      >
        <Table<Reminder>
          data-testid="reminders-table"
          size="small"
          rowKey={(row) => `${row.round}/${row.expertId}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={reminders.data?.reminders ?? []}
          columns={[
            { key: 'expert', title: t('surveys.links.expert'), dataIndex: 'expert' },
            { key: 'recipient', title: t('surveys.reminders.recipient'), dataIndex: 'recipient' },
            {
              key: 'round',
              title: t('surveys.reminders.round'),
              render: (_, row) =>
                row.round === 'deadline'
                  ? t('surveys.reminders.roundDeadline')
                  : t('surveys.reminders.roundManual', { n: row.round.replace('manual-', '') }),
            },
            {
              key: 'sent',
              title: t('surveys.reminders.sentAt'),
              render: (_, row) => `${formatDateTime(row.sentAt, language)} · ${row.sentBy}`,
            },
            {
              key: 'mail',
              title: t('surveys.reminders.mailStatus'),
              render: (_, row) =>
                row.mailStatus === null ? null : (
                  <Tag data-testid="reminder-mail-status">{t(MAIL_STATUS_KEYS[row.mailStatus])}</Tag>
                ),
            },
          ]}
        />
      </LoadingPanel>
    </Space>
  );
}
