/**
 * Creating or editing a data element in a dialog: names, value type, unit (in English and Chinese; one word
 * alone is completed from the common units), how units and months combine, and the allowed range. The code
 * never changes once made (formulas name it).
 */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import { unitFromWords } from '../../../../core/scorecard/units.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useSaveDataElement } from '../../../lib/api/data-elements.ts';
import { AGGREGATION_KEYS, VALUE_TYPE_KEYS } from '../labels.ts';

const VALUE_TYPES = ['number', 'integer', 'percentage', 'money'] as const;
const AGGREGATIONS = ['sum', 'average'] as const;
const TIME_AGGREGATIONS = ['sum', 'average', 'last', 'max'] as const;

interface Values {
  code: string;
  nameEn: string;
  nameZh?: string;
  valueType: (typeof VALUE_TYPES)[number];
  unitEn?: string;
  unitZh?: string;
  aggregation: (typeof AGGREGATIONS)[number];
  timeAggregation: (typeof TIME_AGGREGATIONS)[number];
  min?: number | null;
  max?: number | null;
  description?: string;
}

export function DataElementForm({
  element,
  onClose,
}: {
  /** null: a new element. */
  readonly element: DataElement | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveDataElement();

  async function submit(values: Values): Promise<void> {
    const zh = values.nameZh?.trim() ?? '';
    const name = { en: values.nameEn.trim(), ...(zh === '' ? {} : { zh }) };
    const unit = unitFromWords(values.unitEn ?? '', values.unitZh ?? '');
    const description = values.description?.trim() ?? '';
    const min = values.min ?? null;
    const max = values.max ?? null;
    if (element === null) {
      await save.mutateAsync({
        kind: 'create',
        body: {
          code: values.code.trim(),
          name,
          valueType: values.valueType,
          aggregation: values.aggregation,
          timeAggregation: values.timeAggregation,
          ...(unit === null ? {} : { unit }),
          ...(description === '' ? {} : { description }),
          ...(min === null ? {} : { min }),
          ...(max === null ? {} : { max }),
        },
      });
    } else {
      await save.mutateAsync({
        kind: 'update',
        code: element.code,
        body: {
          name,
          valueType: values.valueType,
          aggregation: values.aggregation,
          timeAggregation: values.timeAggregation,
          unit,
          description: description === '' ? null : description,
          min,
          max,
        },
      });
    }
    onClose();
  }

  return (
    <Modal
      open
      title={
        element === null
          ? t('admin.dataElements.createTitle')
          : t('admin.dataElements.editTitle', { code: element.code })
      }
      onCancel={onClose}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'data-element-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} testId="data-element-form-problem" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          element === null
            ? { valueType: 'number', aggregation: 'sum', timeAggregation: 'sum' }
            : {
                code: element.code,
                nameEn: element.name.en,
                nameZh: element.name.zh ?? '',
                valueType: element.valueType,
                unitEn: element.unit?.en ?? '',
                unitZh: element.unit?.zh ?? '',
                aggregation: element.aggregation,
                timeAggregation: element.timeAggregation,
                min: element.min,
                max: element.max,
                description: element.description ?? '',
              }
        }
        onFinish={(values) => void submit(values).catch(() => undefined)}
      >
        <Form.Item
          name={['code']}
          label={t('admin.dataElements.code')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input data-testid="data-element-form-code" disabled={element !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['nameEn']}
          label={t('admin.nameEn')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input data-testid="data-element-form-name-en" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['nameZh']} label={t('admin.nameZh')}>
          <Input data-testid="data-element-form-name-zh" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['valueType']} label={t('admin.dataElements.valueType')}>
          <Select
            options={VALUE_TYPES.map((value) => ({
              value,
              label: t(VALUE_TYPE_KEYS[value]),
            }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name={['unitEn']} label={t('admin.dataElements.unitEn')} style={{ flex: 1 }}>
            <Input data-testid="data-element-form-unit-en" autoComplete="off" />
          </Form.Item>
          <Form.Item name={['unitZh']} label={t('admin.dataElements.unitZh')} style={{ flex: 1 }}>
            <Input data-testid="data-element-form-unit-zh" autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name={['aggregation']} label={t('admin.dataElements.aggregation')}>
          <Select
            options={AGGREGATIONS.map((value) => ({
              value,
              label: t(AGGREGATION_KEYS[value]),
            }))}
          />
        </Form.Item>
        <Form.Item name={['timeAggregation']} label={t('admin.dataElements.timeAggregation')}>
          <Select
            options={TIME_AGGREGATIONS.map((value) => ({
              value,
              label: t(AGGREGATION_KEYS[value]),
            }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name={['min']} label={t('admin.dataElements.min')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['max']} label={t('admin.dataElements.max')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name={['description']} label={t('admin.dataElements.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
