/**
 * Creating a user (email, name, password, role assignments) or changing one (name, a new password,
 * assignments). The server checks the password policy and answers with one issue per reason; the dialog shows
 * them as they came.
 */
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserResource } from '../../../../core/contracts/accounts.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useSaveUser } from '../../../lib/api/users.ts';
import type { Assignment } from '../assignments.ts';
import { AssignmentEditor } from './assignment-editor.tsx';

interface Values {
  email: string;
  name?: string;
  password?: string;
  assignments: Assignment[];
}

export function UserForm({
  user,
  unitNames,
  onClose,
}: {
  /** null: a new user. */
  readonly user: UserResource | null;
  readonly unitNames: ReadonlyMap<string, string>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();

  async function submit(values: Values): Promise<void> {
    const name = values.name?.trim() ?? '';
    const password = values.password ?? '';
    if (user === null) {
      await save.mutateAsync({
        kind: 'create',
        body: {
          email: values.email.trim(),
          password,
          assignments: values.assignments,
          ...(name === '' ? {} : { name }),
        },
      });
    } else {
      await save.mutateAsync({
        kind: 'update',
        id: user.id,
        body: {
          name: name === '' ? null : name,
          assignments: values.assignments,
          ...(password === '' ? {} : { password }),
        },
      });
    }
    onClose();
  }

  return (
    <Modal
      open
      width={640}
      title={user === null ? t('admin.users.createTitle') : t('admin.users.editTitle', { email: user.email })}
      onCancel={onClose}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} testId="user-form-problem" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user === null
            ? { assignments: [] }
            : { email: user.email, name: user.name ?? '', assignments: user.assignments }
        }
        onFinish={(values) => void submit(values).catch(() => undefined)}
      >
        <Form.Item
          name={['email']}
          label={t('admin.users.email')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input data-testid="user-form-email" type="email" disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item name={['name']} label={t('admin.name')}>
          <Input data-testid="user-form-name" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['password']}
          label={user === null ? t('admin.users.password') : t('admin.users.newPassword')}
          extra={t('admin.users.passwordHelp')}
          rules={user === null ? [{ required: true, message: t('admin.required') }] : []}
        >
          <Input.Password data-testid="user-form-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name={['assignments']} label={t('admin.users.assignments')}>
          <AssignmentEditor unitNames={unitNames} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
