/**
 * The objective dialog: its SMART fields, shown to everyone and editable in the designer; and, where the page
 * is given one, the "create an action" button (the hook the action plans wire to).
 */
import { Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerEmailPicker } from '../../../components/user-picker.tsx';
import type { StrategyJson, StrategyMapJson } from '../../../lib/api/strategy-map.ts';
import { formatPercent } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { STATUS_COLORS } from '../../../lib/status.ts';

type MapObjective = StrategyMapJson['lanes'][number]['objectives'][number];
export type StrategyObjective = StrategyJson['objectives'][number];

/** The form's field names (as values, not words a reader sees). */
const FIELDS = {
  statementEn: 'statementEn',
  statementZh: 'statementZh',
  owner: 'owner',
  ownerName: 'ownerName',
  baseline: 'baseline',
  target: 'target',
  targetDate: 'targetDate',
  role: 'role',
} as const;

const ROLE_KEYS = {
  leading: 'strategyMap.objective.roles.leading',
  lagging: 'strategyMap.objective.roles.lagging',
} as const;

interface FormValues {
  statementEn?: string;
  statementZh?: string;
  owner?: string;
  ownerName?: string;
  baseline?: number | null;
  target?: number | null;
  targetDate?: string;
  role?: 'leading' | 'lagging';
}

export interface ObjectiveEditorProps {
  readonly objective: MapObjective;
  readonly stored: StrategyObjective | undefined;
  readonly editable: boolean;
  readonly saving: boolean;
  readonly onSave: (objective: StrategyObjective) => void;
  readonly onClose: () => void;
  /** Shown as a button when given: the action plans' "create an action from the strategy map". */
  readonly onCreateAction?: (() => void) | undefined;
}

export function ObjectiveEditor({
  objective,
  stored,
  editable,
  saving,
  onSave,
  onClose,
  onCreateAction,
}: ObjectiveEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const initial: FormValues = {
    statementEn: objective.statement?.en,
    statementZh: objective.statement?.zh,
    owner: objective.owner ?? undefined,
    ownerName: objective.ownerName ?? undefined,
    baseline: objective.baseline,
    target: objective.target,
    targetDate: objective.targetDate ?? undefined,
    ...(objective.role === null ? {} : { role: objective.role }),
  };
  const save = (values: FormValues) => {
    if (stored === undefined) return;
    const {
      statement: _s,
      owner: _o,
      ownerName: _n,
      baseline: _b,
      target: _t,
      targetDate: _d,
      role: _r,
      ...rest
    } = stored;
    const en = values.statementEn?.trim();
    const zh = values.statementZh?.trim();
    onSave({
      ...rest,
      ...(en ? { statement: { en, ...(zh ? { zh } : {}) } } : {}),
      ...(values.owner?.trim() ? { owner: values.owner.trim() } : {}),
      ...(values.ownerName?.trim() ? { ownerName: values.ownerName.trim() } : {}),
      ...(typeof values.baseline === 'number' ? { baseline: values.baseline } : {}),
      ...(typeof values.target === 'number' ? { target: values.target } : {}),
      ...(values.targetDate?.trim() ? { targetDate: values.targetDate.trim() } : {}),
      ...(values.role ? { role: values.role } : {}),
    });
  };
  return (
    <Modal
      open
      title={`${t('strategyMap.objective.edit')}: ${localize(objective.name, language)}`}
      onCancel={onClose}
      width={640}
      footer={
        <Space>
          {onCreateAction === undefined ? null : (
            <Button data-testid="create-action" onClick={onCreateAction}>
              {t('strategyMap.objective.createAction')}
            </Button>
          )}
          <Button onClick={onClose}>{t('strategyMap.cancel')}</Button>
          {editable ? (
            <Button
              type="primary"
              loading={saving}
              data-testid="save-objective"
              onClick={() => form.submit()}
            >
              {t('strategyMap.save')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('strategyMap.objective.indicators')}>
          <Space wrap>
            {objective.indicators.map((indicator) => (
              <Tag key={indicator.id} color={STATUS_COLORS[indicator.status]}>
                {localize(indicator.name, language)} {formatPercent(indicator.quantified, language)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        {objective.ownerUser === null ? null : (
          <Descriptions.Item label={t('strategyMap.objective.owner')}>
            {t('strategyMap.objective.ownerUser', {
              name: objective.ownerUser.name ?? objective.ownerUser.email,
            })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={!editable}>
        <Form.Item name={FIELDS.statementEn} label={t('strategyMap.objective.statement')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name={FIELDS.statementZh} label={t('strategyMap.objective.statementZh')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Space wrap>
          <Form.Item name={FIELDS.owner} label={t('strategyMap.objective.owner')} rules={[{ type: 'email' }]}>
            <OwnerEmailPicker
              testId="objective-owner"
              known={objective.ownerUser === null ? [] : [{ id: 0, ...objective.ownerUser }]}
            />
          </Form.Item>
          <Form.Item name={FIELDS.ownerName} label={t('strategyMap.objective.ownerName')}>
            <Input />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name={FIELDS.baseline} label={t('strategyMap.objective.baseline')}>
            <InputNumber />
          </Form.Item>
          <Form.Item name={FIELDS.target} label={t('strategyMap.objective.target')}>
            <InputNumber />
          </Form.Item>
          <Form.Item
            name={FIELDS.targetDate}
            label={t('strategyMap.objective.targetDate')}
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-12-31" />
          </Form.Item>
          <Form.Item name={FIELDS.role} label={t('strategyMap.objective.role')}>
            <Select
              style={{ width: 140 }}
              allowClear
              options={(['leading', 'lagging'] as const).map((role) => ({
                value: role,
                label: t(ROLE_KEYS[role]),
              }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
