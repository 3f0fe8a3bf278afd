/**
 * Publishing a scorecard for an org unit's subtree and a period (strategists): what it will freeze (how many
 * units), the earlier publication it replaces (a reason is then required), and the periods with unapproved
 * data, which the publisher names by ticking to publish anyway (GET /api/publications/check, then
 * POST /api/publications).
 *
 * Publish stays enabled: pressing it without a reason or the tick says, next to the field, what is missing
 * (and moves the focus there), rather than leaving a greyed-out button to puzzle over. While the server freezes
 * the units the dialog says so and cannot be closed; once published it shows the new publication only. In the
 * reason, Ctrl+Enter (⌘+Enter) publishes.
 */
import { Alert, Button, Checkbox, type GetRef, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
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
  // Whether Publish was pressed: only then are missing answers shown as errors.
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const acknowledgeRef = useRef<GetRef<typeof Checkbox>>(null);
  const data = check.data;
  const needsReason = data?.previous != null;
  const unapproved = data?.unapprovedPeriods ?? [];
  const reasonMissing = needsReason && reason.trim() === '';
  const unacknowledged = unapproved.length > 0 && !acknowledged;
  const pending = publish.isPending;
  const done = publish.data;
  const periods = unapproved.map((p) => formatPeriod(p, language)).join(', ');

  // A republication starts with its question: why.
  useEffect(() => {
    if (needsReason) reasonRef.current?.focus();
  }, [needsReason]);

  const submit = () => {
    if (data === undefined || pending || done !== undefined) return;
    setTried(true);
    if (reasonMissing) {
      reasonRef.current?.focus();
      return;
    }
    if (unacknowledged) {
      acknowledgeRef.current?.focus();
      return;
    }
    publish.mutate({
      ...selection,
      ...(needsReason ? { reason: reason.trim() } : {}),
      ...(unapproved.length > 0 ? { unapprovedPeriods: unapproved } : {}),
    });
  };

  return (
    <Modal
      open
      title={t('publication.publish.title', {
        unit: unitName,
        period: formatPeriod(selection.period, language),
      })}
      onCancel={pending ? undefined : onClose}
      closable={!pending}
      mask={{ closable: !pending }}
      keyboard={!pending}
      footer={[
        <Button key="cancel" data-testid="publish-cancel" disabled={pending} onClick={onClose}>
          {done === undefined ? t('publication.publish.cancel') : t('publication.publish.close')}
        </Button>,
        done === undefined ? (
          <Button
            key="publish"
            type="primary"
            data-testid="publish-submit"
            disabled={data === undefined}
            loading={pending}
            onClick={submit}
          >
            {t('publication.publish.submit')}
          </Button>
        ) : null,
      ]}
    >
      <LoadingPanel isLoading={check.isPending} error={check.error} onRetry={() => void check.refetch()}>
        {data === undefined ? null : done !== undefined ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="publish-done"
            data-publication={done.id}
            title={t('publication.publish.done', { id: done.id })}
            description={t('publication.publish.doneUnits', { count: done.units })}
          />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="publish-dialog">
            <Typography.Paragraph style={{ margin: 0 }} data-testid="publish-units">
              {t('publication.publish.units', { count: data.units })}
            </Typography.Paragraph>
            {data.previous === null ? null : (
              <>
                <Alert
                  type="info"
                  showIcon
                  data-testid="publish-previous"
                  data-publication={data.previous.id}
                  title={t('publication.publish.previous', {
                    id: data.previous.id,
                    at: formatDateTime(data.previous.publishedAt, language),
                    by: data.previous.publishedBy,
                  })}
                />
                <label htmlFor="publish-reason">{t('publication.publish.reason')}</label>
                <Input.TextArea
                  id="publish-reason"
                  ref={reasonRef}
                  data-testid="publish-reason"
                  value={reason}
                  maxLength={2000}
                  autoSize={{ minRows: 2 }}
                  disabled={pending}
                  aria-required
                  aria-invalid={tried && reasonMissing}
                  aria-describedby={tried && reasonMissing ? 'publish-reason-missing' : undefined}
                  status={tried && reasonMissing ? 'error' : undefined}
                  onChange={(e) => setReason(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      submit();
                    }
                  }}
                />
                {tried && reasonMissing ? (
                  <Typography.Text
                    type="danger"
                    id="publish-reason-missing"
                    role="alert"
                    data-testid="publish-reason-missing"
                  >
                    {t('publication.publish.reasonMissing')}
                  </Typography.Text>
                ) : null}
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
                  ref={acknowledgeRef}
                  data-testid="publish-acknowledge"
                  checked={acknowledged}
                  disabled={pending}
                  aria-invalid={tried && unacknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                >
                  {t('publication.publish.acknowledge', { periods })}
                </Checkbox>
                {tried && unacknowledged ? (
                  <Typography.Text type="danger" role="alert" data-testid="publish-acknowledge-missing">
                    {t('publication.publish.acknowledgeMissing', { periods })}
                  </Typography.Text>
                ) : null}
              </>
            )}
            {pending ? (
              <Alert
                type="info"
                role="status"
                data-testid="publish-progress"
                icon={<Spin size="small" />}
                showIcon
                title={t('publication.publish.progress', { count: data.units })}
              />
            ) : null}
            <ProblemAlert error={publish.error} testId="publish-problem" />
          </Space>
        )}
      </LoadingPanel>
    </Modal>
  );
}
