/**
 * Creating a unit (under a parent, or at the top) or editing one, in a dialog. A unit's code, type and parent
 * never change once made (the server's rule), so editing shows only the names, role and order. The server's
 * problem (a taken code, a unit outside the user's subtree) is shown in the dialog as it was sent.
 */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../core/contracts/org-units.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../../../lib/api/org-units.ts';
import { childUnitType, type OrgUnitType } from '../child-unit-type.ts';
import { UNIT_TYPE_KEYS } from '../labels.ts';

const TYPES: readonly OrgUnitType[] = ['group', 'hospital', 'department', 'unit'];

interface FormValues {
  code: string;
  nameEn: string;
  nameZh?: string;
  type: OrgUnitType;
  role: 'head' | 'branch' | 'none';
  sortOrder?: number | null;
}

export type OrgUnitFormTarget =
  | { readonly kind: 'create'; readonly parent: OrgUnit | null }
  | { readonly kind: 'edit'; readonly unit: OrgUnit };

export function OrgUnitForm({
  target,
  onClose,
  onSaved,
}: {
  readonly target: OrgUnitFormTarget;
  readonly onClose: () => void;
  readonly onSaved: (unit: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const saving = create.isPending || update.isPending;
  const error = target.kind === 'create' ? create.error : update.error;
  const initial: Partial<FormValues> =
    target.kind === 'edit'
      ? {
          code: target.unit.code,
          nameEn: target.unit.name.en,
          nameZh: target.unit.name.zh ?? '',
          type: target.unit.type,
          role: target.unit.role ?? 'none',
          sortOrder: target.unit.sortOrder,
        }
      : { type: childUnitType(target.parent?.type ?? null), role: 'none' };

  async function submit(values: FormValues): Promise<void> {
    const zh = values.nameZh?.trim() ?? '';
    const name = { en: values.nameEn.trim(), ...(zh === '' ? {} : { zh }) };
    const role = values.role === 'none' ? null : values.role;
    const sortOrder = values.sortOrder ?? undefined;
    const saved =
      target.kind === 'create'
        ? await create.mutateAsync({
            code: values.code.trim(),
            name,
            type: values.type,
            role,
            parent: target.parent?.code ?? null,
            ...(sortOrder === undefined ? {} : { sortOrder }),
          })
        : await update.mutateAsync({
            code: target.unit.code,
            body: { name, role, ...(sortOrder === undefined ? {} : { sortOrder }) },
          });
    onSaved(saved);
  }

  const title =
    target.kind === 'edit'
      ? t('admin.orgUnits.editTitle', { code: target.unit.code })
      : target.parent === null
        ? t('admin.orgUnits.createTopTitle')
        : t('admin.orgUnits.createChildTitle', { code: target.parent.code });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'org-unit-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <ProblemAlert error={error} testId="org-unit-form-problem" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values).catch(() => undefined)}
        data-testid="org-unit-form"
      >
        <Form.Item
          name={['code']}
          label={t('admin.orgUnits.code')}
          rules={[{ required: true, message: t('admin.required') }]}
          extra={target.kind === 'create' ? t('admin.orgUnits.codeHelp') : undefined}
        >
          <Input data-testid="org-unit-form-code" disabled={target.kind === 'edit'} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['nameEn']}
          label={t('admin.nameEn')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input data-testid="org-unit-form-name-en" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['nameZh']} label={t('admin.nameZh')}>
          <Input data-testid="org-unit-form-name-zh" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['type']} label={t('admin.orgUnits.type')}>
          <Select
            data-testid="org-unit-form-type"
            disabled={target.kind === 'edit'}
            options={TYPES.map((type) => ({ value: type, label: t(UNIT_TYPE_KEYS[type]) }))}
          />
        </Form.Item>
        <Form.Item name={['role']} label={t('admin.orgUnits.role')}>
          <Select
            data-testid="org-unit-form-role"
            options={[
              { value: 'none', label: t('admin.orgUnits.roles.none') },
              { value: 'head', label: t('admin.orgUnits.roles.head') },
              { value: 'branch', label: t('admin.orgUnits.roles.branch') },
            ]}
          />
        </Form.Item>
        <Form.Item name={['sortOrder']} label={t('admin.orgUnits.sortOrder')}>
          <InputNumber data-testid="org-unit-form-sort" precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
