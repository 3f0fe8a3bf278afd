/**
 * Publishing a scorecard for an org unit's subtree and a period (strategists): what it will freeze (how many
 * units), the earlier publication it replaces (a reason is then required), and the periods with unapproved
 * data, which the publisher names by ticking to publish anyway (GET /api/publications/check, then
 * POST /api/publications).
 */
import { Alert, Button, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicationCheck, usePublish } from '../lib/api/publications.ts';
import { formatDateTime, formatPeriod } from '../lib/format.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';
import { LoadingPanel } from './loading-panel.tsx';
import { ProblemAlert } from './problem-alert.tsx';

export default function PublishDialog({
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
  const check = usePublicationCheck(selection);
  const publish = usePublish();
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const data = check.data;
  const needsReason = data?.previous != null;
  const unapproved = data?.unapprovedPeriods ?? [];
  const ready =
    data !== undefined &&
    (!needsReason || reason.trim() !== '') &&
    (unapproved.length === 0 || acknowledged) &&
    !publish.isSuccess;
  const periods = unapproved.map((p) => formatPeriod(p, language)).join(', ');
  return (
    <Modal
      open
      title={t('publication.publish.title', {
        unit: unitName,
        period: formatPeriod(selection.period, language),
      })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" data-testid="publish-cancel" onClick={onClose}>
          {publish.isSuccess ? t('publication.publish.close') : t('publication.publish.cancel')}
        </Button>,
        <Button
          key="publish"
          type="primary"
          data-testid="publish-submit"
          disabled={!ready}
          loading={publish.isPending}
          onClick={() =>
            publish.mutate({
              ...selection,
              ...(needsReason ? { reason: reason.trim() } : {}),
              ...(unapproved.length > 0 ? { unapprovedPeriods: unapproved } : {}),
            })
          }
        >
          {t('publication.publish.submit')}
        </Button>,
      ]}
    >
      <LoadingPanel isLoading={check.isPending} error={check.error} onRetry={() => void check.refetch()}>
        {data === undefined ? null : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="publish-dialog">
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('publication.publish.units', { count: data.units })}
            </Typography.Paragraph>
            {data.previous === null ? null : (
              <>
                <Alert
                  type="info"
                  showIcon
                  data-testid="publish-previous"
                  title={t('publication.publish.previous', {
                    at: formatDateTime(data.previous.publishedAt, language),
                    by: data.previous.publishedBy,
                  })}
                />
                <label htmlFor="publish-reason">{t('publication.publish.reason')}</label>
                <Input.TextArea
                  id="publish-reason"
                  data-testid="publish-reason"
                  value={reason}
                  maxLength={2000}
                  autoSize={{ minRows: 2 }}
                  onChange={(e) => setReason(e.target.value)}
                />
              </>
            )}
            {unapproved.length === 0 ? null : (
              <>
                <Alert
                  type="warning"
                  showIcon
                  data-testid="publish-unapproved"
                  title={t('publication.publish.unapproved', { periods })}
                />
                <Checkbox
                  data-testid="publish-acknowledge"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                >
                  {t('publication.publish.acknowledge', { periods })}
                </Checkbox>
              </>
            )}
            <ProblemAlert error={publish.error} testId="publish-problem" />
            {publish.data === undefined ? null : (
              <Alert
                type="success"
                showIcon
                data-testid="publish-done"
                data-publication={publish.data.id}
                title={t('publication.publish.done', { id: publish.data.id })}
              />
            )}
          </Space>
        )}
      </LoadingPanel>
    </Modal>
  );
}
