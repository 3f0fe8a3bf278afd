/**
 * The approval of the grid's unit × period × scorecard (core/contracts/approvals.ts): its status, who did what
 * last, and the actions the user's roles allow: submit (entry, steward, approver), approve and reopen with a
 * reason (approver). The server checks every action; the buttons only follow the roles.
 */
import { Alert, Button, Input, Modal, Space, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalResource } from '../../../../core/contracts/approvals.ts';
import { formatDateTime, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

const STATUS = {
  none: { key: 'dataEntry.approval.none', color: 'default' },
  submitted: { key: 'dataEntry.approval.submitted', color: 'processing' },
  approved: { key: 'dataEntry.approval.approved', color: 'success' },
  reopened: { key: 'dataEntry.approval.reopened', color: 'warning' },
} as const;

export function ApprovalBar({
  approval,
  period,
  canSubmit,
  canApprove,
  busy,
  hasUnsaved,
  onSubmit,
  onApprove,
  onReopen,
}: {
  readonly approval: ApprovalResource | null;
  readonly period: string;
  readonly canSubmit: boolean;
  readonly canApprove: boolean;
  readonly busy: boolean;
  readonly hasUnsaved: boolean;
  readonly onSubmit: () => void;
  readonly onApprove: () => void;
  readonly onReopen: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const status = approval?.status ?? 'none';
  const last =
    approval === null
      ? null
      : approval.decidedBy !== null && approval.decidedAt !== null && approval.status !== 'submitted'
        ? { user: approval.decidedBy, time: approval.decidedAt }
        : approval.submittedBy !== null && approval.submittedAt !== null
          ? { user: approval.submittedBy, time: approval.submittedAt }
          : null;
  return (
    <div
      data-testid="approval-bar"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
    >
      <span>{t('dataEntry.approval.label', { period: formatPeriod(period, language) })}</span>
      <Tag color={STATUS[status].color} data-testid="approval-status" data-status={status}>
        {t(STATUS[status].key)}
      </Tag>
      {last === null ? null : (
        <span data-testid="approval-by">
          {t('dataEntry.approval.by', { user: last.user, time: formatDateTime(last.time, language) })}
        </span>
      )}
      {/* The reopen reason belongs to the reopened state: once resubmitted, it no longer describes the data. */}
      {status === 'reopened' && approval?.reason ? (
        <span data-testid="approval-reason">
          {t('dataEntry.approval.reason', { reason: approval.reason })}
        </span>
      ) : null}
      <Space wrap style={{ marginInlineStart: 'auto' }}>
        {canSubmit && (status === 'none' || status === 'reopened') ? (
          <Button
            data-testid="approval-submit"
            loading={busy}
            disabled={hasUnsaved}
            title={hasUnsaved ? t('dataEntry.approval.saveFirst') : undefined}
            onClick={onSubmit}
          >
            {t('dataEntry.approval.submit')}
          </Button>
        ) : null}
        {canApprove && status === 'submitted' ? (
          <Button data-testid="approval-approve" type="primary" loading={busy} onClick={onApprove}>
            {t('dataEntry.approval.approve')}
          </Button>
        ) : null}
        {canApprove && (status === 'submitted' || status === 'approved') ? (
          <Button data-testid="approval-reopen" danger loading={busy} onClick={() => setReopening(true)}>
            {t('dataEntry.approval.reopen')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={reopening}
        title={t('dataEntry.approval.reopenTitle')}
        okText={t('dataEntry.approval.reopen')}
        cancelText={t('dataEntry.comment.cancel')}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => {
          onReopen(reason.trim());
          setReopening(false);
          setReason('');
        }}
        onCancel={() => setReopening(false)}
      >
        <label htmlFor={reasonId}>{t('dataEntry.approval.reasonLabel')}</label>
        <Input.TextArea
          id={reasonId}
          data-testid="reopen-reason"
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
      {status === 'approved' ? (
        <Alert
          style={{ flexBasis: '100%' }}
          type="info"
          showIcon
          data-testid="locked-notice"
          title={t('dataEntry.approval.lockedTitle')}
          description={t('dataEntry.approval.lockedText')}
        />
      ) : null}
    </div>
  );
}
