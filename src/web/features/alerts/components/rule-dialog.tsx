/**
 * Adding or changing an alert rule of a scorecard: its kind, severity, the units whose subtrees it watches (none:
 * every unit of the scorecard), the indicators (none: every one; per-unit kinds take none) and, for off target,
 * whether "watch" alerts too. A refusal is worded by its problem code above the form.
 */
import { Form, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { ALERT_KINDS, KIND_KEYS, SEVERITY_KEYS } from '../../../lib/alert-labels.ts';
import { type AlertRuleResource, useSaveAlertRule } from '../../../lib/api/alert-rules.ts';
import type { AlertRuleKind, AlertSeverity } from '../../../lib/api/alerts.ts';
import { useIndicators } from '../../../lib/api/indicators.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { NEW_RULE, type RuleFields, ruleBody, ruleFields, usesIndicators, usesWatch } from '../rule-form.ts';

const SEVERITIES = ['info', 'warning', 'critical'] as const satisfies readonly AlertSeverity[];

/** The form's field names (keys of its values, never shown). */
const FIELD = {
  kind: 'kind',
  severity: 'severity',
  orgUnits: 'orgUnits',
  indicators: 'indicators',
  includeWatch: 'includeWatch',
  enabled: 'enabled',
} as const satisfies Record<keyof RuleFields, string>;

export interface RuleDialogProps {
  readonly scorecard: string;
  /** The rule changed; none: a new one. */
  readonly rule: AlertRuleResource | null;
  readonly onClose: () => void;
}

export function RuleDialog({ scorecard, rule, onClose }: RuleDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<RuleFields>();
  const kind: AlertRuleKind = Form.useWatch(FIELD.kind, form) ?? rule?.kind ?? NEW_RULE.kind;
  const save = useSaveAlertRule();
  const units = useOrgUnits();
  const indicators = useIndicators(scorecard);

  const submit = (fields: RuleFields) => {
    const body = ruleBody(scorecard, { ...NEW_RULE, ...fields });
    save.mutate(rule === null ? { kind: 'create', body } : { kind: 'replace', id: rule.id, body }, {
      onSuccess: onClose,
    });
  };

  return (
    <Modal
      open
      title={rule === null ? t('alerts.rules.addTitle') : t('alerts.rules.editTitle')}
      okText={t('alerts.rules.save')}
      cancelText={t('alerts.rules.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'rule-submit' } as Record<string, string>}
      width={640}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} />
      <Form<RuleFields>
        form={form}
        layout="vertical"
        initialValues={rule === null ? NEW_RULE : ruleFields(rule)}
        onFinish={submit}
      >
        <Form.Item name={FIELD.kind} label={t('alerts.columns.kind')}>
          <Select<AlertRuleKind>
            data-testid="rule-kind"
            options={ALERT_KINDS.map((value) => ({ value, label: t(KIND_KEYS[value]) }))}
          />
        </Form.Item>
        <Form.Item name={FIELD.severity} label={t('alerts.columns.severity')}>
          <Select<AlertSeverity>
            data-testid="rule-severity"
            options={SEVERITIES.map((value) => ({ value, label: t(SEVERITY_KEYS[value]) }))}
          />
        </Form.Item>
        <Form.Item name={FIELD.orgUnits} label={t('alerts.rules.units')} extra={t('alerts.rules.unitsHelp')}>
          <Select<string[]>
            mode="multiple"
            data-testid="rule-units"
            placeholder={t('alerts.rules.everyUnit')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? []).map((unit) => ({
              value: unit.code,
              label: `${localize(unit.name, language)} (${unit.code})`,
            }))}
          />
        </Form.Item>
        {usesIndicators(kind) ? (
          <Form.Item
            name={FIELD.indicators}
            label={t('alerts.rules.indicators')}
            extra={t('alerts.rules.indicatorsHelp')}
          >
            <Select<string[]>
              mode="multiple"
              data-testid="rule-indicators"
              placeholder={t('alerts.rules.everyIndicator')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={indicators.isPending}
              options={(indicators.data ?? []).map((indicator) => ({
                value: indicator.id,
                label: `${localize(indicator.name, language)} (${indicator.id})`,
              }))}
            />
          </Form.Item>
        ) : null}
        {usesWatch(kind) ? (
          <Form.Item name={FIELD.includeWatch} label={t('alerts.rules.includeWatch')} valuePropName="checked">
            <Switch data-testid="rule-watch" />
          </Form.Item>
        ) : null}
        <Form.Item name={FIELD.enabled} label={t('alerts.rules.enabled')} valuePropName="checked">
          <Switch data-testid="rule-enabled" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
