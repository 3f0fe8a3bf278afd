/** The comment of one value: shown, and editable unless the grid is read-only. Saved with the next Save. */
import { Input, Modal, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

export interface CommentTarget {
  readonly dataElement: string;
  readonly month: string;
  readonly label: string;
  readonly comment: string;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export function CommentDialog({
  target,
  readOnly,
  onSave,
  onClose,
}: {
  readonly target: CommentTarget | null;
  readonly readOnly: boolean;
  readonly onSave: (target: CommentTarget, comment: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [text, setText] = useState('');
  const inputId = useId();
  useEffect(() => setText(target?.comment ?? ''), [target]);
  return (
    <Modal
      open={target !== null}
      title={target === null ? '' : t('dataEntry.comment.title', { cell: target.label })}
      okText={t('dataEntry.comment.apply')}
      cancelText={t('dataEntry.comment.cancel')}
      okButtonProps={{ disabled: readOnly }}
      onOk={() => {
        if (target !== null) onSave(target, text);
        onClose();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <label htmlFor={inputId}>{t('dataEntry.comment.label')}</label>
      <Input.TextArea
        id={inputId}
        data-testid="comment-text"
        value={text}
        maxLength={2000}
        readOnly={readOnly}
        autoSize={{ minRows: 3, maxRows: 8 }}
        onChange={(event) => setText(event.target.value)}
      />
      {target?.updatedBy == null || target.updatedAt === null ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('dataEntry.comment.lastChange', {
            user: target.updatedBy,
            time: formatDateTime(target.updatedAt, language),
          })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('dataEntry.comment.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
