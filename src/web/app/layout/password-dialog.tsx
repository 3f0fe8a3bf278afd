/**
 * Changing one's own password from the account menu (POST /api/session/password): the current password, the
 * new one twice. The server checks the current password and the policy; its problem is shown as it words it.
 * This session stays signed in; the account's other sessions end.
 */
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useChangePassword } from '../../lib/api/session.ts';

interface Fields {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly repeat: string;
}

export function PasswordDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [form] = Form.useForm<Fields>();
  const [mismatch, setMismatch] = useState(false);
  const done = change.isSuccess;

  const submit = (fields: Fields) => {
    if (fields.newPassword !== fields.repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
  };

  return (
    <Modal
      open
      title={t('ownPassword.title')}
      onCancel={change.isPending ? undefined : onClose}
      footer={
        done
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t('ownPassword.cancel')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose} disabled={change.isPending}>
                {t('ownPassword.cancel')}
              </Button>,
              <Button
                key="save"
                type="primary"
                data-testid="own-password-save"
                loading={change.isPending}
                onClick={() => form.submit()}
              >
                {t('ownPassword.save')}
              </Button>,
            ]
      }
    >
      {done ? (
        <Alert type="success" showIcon title={t('ownPassword.done')} data-testid="own-password-done" />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <ProblemAlert error={change.error} />
          {mismatch ? (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('ownPassword.mismatch')} />
          ) : null}
          <Form.Item
            name={['currentPassword']}
            label={t('ownPassword.current')}
            rules={[{ required: true, message: '' }]}
          >
            <Input.Password autoComplete="current-password" data-testid="own-password-current" />
          </Form.Item>
          <Form.Item
            name={['newPassword']}
            label={t('ownPassword.new')}
            extra={t('ownPassword.hint')}
            rules={[{ required: true, message: '' }]}
          >
            <Input.Password autoComplete="new-password" data-testid="own-password-new" />
          </Form.Item>
          <Form.Item
            name={['repeat']}
            label={t('ownPassword.repeat')}
            rules={[{ required: true, message: '' }]}
          >
            <Input.Password autoComplete="new-password" data-testid="own-password-repeat" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
