/**
 * Creating an action plan in one click, from wherever something is off target: a red cell of the scorecard, an
 * alert of the inbox, an objective of the strategy map. `CreateActionButton` opens `CreateActionDialog`, which
 * proposes a title (indicator · unit) and a due date four weeks ahead, with the signed-in user as the owner; the
 * owner and the collaborators are picked from the user directory (the people of the unit's subtree and those above
 * it). Once created, the action's page opens (or `onCreated` decides).
 *
 * @example <CreateActionButton target={{ origin: 'cell', scorecard, indicator, orgUnit, period, indicatorName, unitName }} />
 */
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_DUE_DAYS, dueDateAfter, proposedTitle } from '../lib/action-defaults.ts';
import { type ActionResource, useCreateAction } from '../lib/api/actions.ts';
import { useSession } from '../lib/api/session.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { UserPicker, UsersPicker } from './user-picker.tsx';

/** What the action answers: an indicator × unit × period, and where it was created from. */
export interface ActionTarget {
  readonly origin: 'cell' | 'alert' | 'objective';
  readonly scorecard: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  /** The names as the reader sees them (for the proposed title); the codes otherwise. */
  readonly indicatorName?: string;
  readonly unitName?: string;
  /** The alert it answers (origin `alert`). */
  readonly alertId?: number;
  /** The objective's id (origin `objective`). */
  readonly objective?: string;
}

export interface CreateActionDialogProps {
  readonly target: ActionTarget;
  readonly onClose: () => void;
  /** Called with the new action; by default its page opens. */
  readonly onCreated?: (action: ActionResource) => void;
}

interface Fields {
  readonly title: string;
  readonly dueDate: string;
  readonly description: string;
  /** Null: the signed-in user (the server's default). */
  readonly ownerId: number | null;
  readonly collaboratorIds: number[];
}

/** The form's field names (keys of its values, never shown). */
const FIELD = {
  // i18n-ignore: a form field's name, never shown
  title: 'title',
  dueDate: 'dueDate',
  // i18n-ignore: a form field's name, never shown
  description: 'description',
  ownerId: 'ownerId',
  collaboratorIds: 'collaboratorIds',
} as const satisfies Record<keyof Fields, string>;

export function CreateActionDialog({ target, onClose, onCreated }: CreateActionDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const create = useCreateAction();
  const me = useSession().data?.user;
  const initial: Fields = {
    title: proposedTitle(target.indicatorName ?? target.indicator, target.unitName ?? target.orgUnit),
    dueDate: dueDateAfter(new Date(), DEFAULT_DUE_DAYS),
    description: '',
    ownerId: me?.id ?? null,
    collaboratorIds: [],
  };

  const submit = (fields: Fields) => {
    create.mutate(
      {
        title: fields.title,
        ...(fields.description.trim() === '' ? {} : { description: fields.description.trim() }),
        scorecard: target.scorecard,
        indicator: target.indicator,
        orgUnit: target.orgUnit,
        period: target.period,
        dueDate: fields.dueDate,
        ...(fields.ownerId === null ? {} : { ownerId: fields.ownerId }),
        collaboratorIds: fields.collaboratorIds.filter((id) => id !== fields.ownerId),
        origin: target.origin,
        ...(target.alertId === undefined ? {} : { alertId: target.alertId }),
        ...(target.objective === undefined ? {} : { objective: target.objective }),
      },
      {
        onSuccess: (action) => {
          onClose();
          if (onCreated) onCreated(action);
          else void navigate(`/actions/${action.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('actions.create.title')}
      okText={t('actions.create.submit')}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'create-action-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <p data-testid="create-action-target" style={{ marginTop: 0 }}>
        {t('actions.create.answers', {
          indicator: target.indicatorName ?? target.indicator,
          unit: target.unitName ?? target.orgUnit,
          period: target.period,
        })}
      </p>
      <ProblemAlert error={create.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          name={FIELD.title}
          label={t('actions.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('actions.create.titleRequired') }]}
        >
          <Input maxLength={300} data-testid="create-action-title" />
        </Form.Item>
        <Form.Item
          name={FIELD.dueDate}
          label={t('actions.fields.dueDate')}
          rules={[{ required: true, message: t('actions.create.dueRequired') }]}
        >
          <Input type="date" data-testid="create-action-due" />
        </Form.Item>
        <Form.Item name={FIELD.ownerId} label={t('actions.fields.owner')}>
          <UserPicker
            unit={target.orgUnit}
            known={me === undefined ? [] : [me]}
            testId="create-action-owner"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name={FIELD.collaboratorIds} label={t('actions.fields.collaborators')}>
          <UsersPicker unit={target.orgUnit} testId="create-action-collaborators" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={FIELD.description} label={t('actions.fields.description')}>
          <Input.TextArea rows={3} maxLength={10000} data-testid="create-action-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface CreateActionButtonProps {
  readonly target: ActionTarget;
  readonly size?: 'small' | 'middle';
  readonly onCreated?: (action: ActionResource) => void;
  /** The button's test id (default `create-action-<indicator>`). */
  readonly testId?: string;
}

/** A button that opens the dialog. */
export function CreateActionButton({ target, size = 'small', onCreated, testId }: CreateActionButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={size}
        danger
        data-testid={testId ?? `create-action-${target.indicator}`}
        aria-label={t('actions.create.buttonLabel', { indicator: target.indicatorName ?? target.indicator })}
        onClick={() => setOpen(true)}
      >
        {t('actions.create.button')}
      </Button>
      {open ? (
        <CreateActionDialog
          target={target}
          onClose={() => setOpen(false)}
          {...(onCreated === undefined ? {} : { onCreated })}
        />
      ) : null}
    </>
  );
}
