/**
 * Changing an action: title, due date, status and progress, the owner and the collaborators (picked from the
 * user directory). Marking it done sets the progress to 100 unless the
 * user set another; the server audits each change.
 */
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { UserPicker, UsersPicker } from '../../../components/user-picker.tsx';
import { STATUS_KEYS } from '../../../lib/action-labels.ts';
import {
  ACTION_STATUSES,
  type ActionResource,
  type ActionStatus,
  useUpdateAction,
} from '../../../lib/api/actions.ts';
import { type ActionFields, actionChanges } from '../action-changes.ts';

/** The form's field names (keys of its values, never shown). */
const FIELD = {
  // i18n-ignore: a form field's name, never shown
  title: 'title',
  dueDate: 'dueDate',
  status: 'status',
  progress: 'progress',
  ownerId: 'ownerId',
  collaboratorIds: 'collaboratorIds',
} as const satisfies Record<keyof ActionFields, string>;

export function ActionEditor({ action }: { readonly action: ActionResource }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionFields>();
  const update = useUpdateAction(action.id);
  const initial: ActionFields = {
    title: action.title,
    dueDate: action.dueDate,
    status: action.status,
    progress: action.progress,
    ownerId: action.owner.id,
    collaboratorIds: action.collaborators.map((user) => user.id),
  };
  const known = [action.owner, ...action.collaborators];
  return (
    <>
      <ProblemAlert error={update.error} />
      <Form<ActionFields>
        form={form}
        layout="inline"
        key={action.updatedAt}
        initialValues={initial}
        onFinish={(fields) => {
          const body = actionChanges(initial, fields);
          if (Object.keys(body).length > 0) update.mutate(body);
        }}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name={FIELD.title}
          label={t('actions.fields.title')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} style={{ width: 320 }} data-testid="action-edit-title" />
        </Form.Item>
        <Form.Item name={FIELD.dueDate} label={t('actions.fields.dueDate')} rules={[{ required: true }]}>
          <Input type="date" data-testid="action-edit-due" />
        </Form.Item>
        <Form.Item name={FIELD.status} label={t('actions.fields.status')}>
          <Select<ActionStatus>
            style={{ minWidth: 140 }}
            data-testid="action-edit-status"
            options={ACTION_STATUSES.map((value) => ({ value, label: t(STATUS_KEYS[value]) }))}
          />
        </Form.Item>
        <Form.Item name={FIELD.progress} label={t('actions.fields.progress')}>
          <InputNumber<number> min={0} max={100} suffix="%" data-testid="action-edit-progress" />
        </Form.Item>
        <Form.Item name={FIELD.ownerId} label={t('actions.fields.owner')}>
          <UserPicker unit={action.orgUnit} known={known} testId="action-edit-owner" />
        </Form.Item>
        <Form.Item name={FIELD.collaboratorIds} label={t('actions.fields.collaborators')}>
          <UsersPicker
            unit={action.orgUnit}
            known={known}
            testId="action-edit-collaborators"
            style={{ minWidth: 320 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="action-edit-save">
            {t('actions.edit.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
