/**
 * The scoring method of a quantitative indicator and its parameters, as the format allows them
 * (core/scorecard scoringMethodSchema): ratio with a cap, linear from a floor, band with a tolerance, or a table
 * of thresholds. Unset: the scorecard's default method.
 */
import { Button, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { Field } from './field.tsx';
import { METHOD_LABELS } from './labels.ts';

type Scoring = NonNullable<IndicatorFile['scoring']>;
type Rule = Extract<Scoring, { method: 'thresholds' }>['rules'][number];
type MethodChoice = Scoring['method'] | 'default';

const num = (value: number | string | null): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function initial(method: MethodChoice): Scoring | undefined {
  switch (method) {
    case 'ratio':
      return { method: 'ratio', cap: 1 };
    case 'linear':
      return { method: 'linear', floor: 0, cap: 1 };
    case 'band':
      return { method: 'band', tolerance: 1 };
    case 'thresholds':
      return { method: 'thresholds', rules: [{ min: 0, score: 1 }] };
    case 'rubric':
      return { method: 'rubric' };
    default:
      return undefined;
  }
}

export function ScoringEditor({
  scoring,
  onChange,
}: {
  scoring: IndicatorFile['scoring'];
  onChange: (scoring: IndicatorFile['scoring']) => void;
}) {
  const { t } = useTranslation();
  const method: MethodChoice = scoring?.method ?? 'default';
  const methods: MethodChoice[] = ['default', 'ratio', 'linear', 'band', 'thresholds'];
  const cap = (value: number | null) => (value === null ? null : value);

  return (
    <div data-testid="scoring-editor">
      <Field id="indicator-scoring" label={t('designer.scoring.method')}>
        <Select<MethodChoice>
          id="indicator-scoring"
          value={method}
          options={methods.map((m) => ({ value: m, label: t(METHOD_LABELS[m]) }))}
          onChange={(next) => onChange(initial(next))}
        />
      </Field>
      {scoring?.method === 'ratio' ? (
        <Field id="scoring-cap" label={t('designer.scoring.cap')} help={t('designer.scoring.capHelp')}>
          <InputNumber
            id="scoring-cap"
            min={0}
            step={0.1}
            value={scoring.cap ?? null}
            onChange={(value) => onChange({ method: 'ratio', cap: cap(num(value)) })}
          />
        </Field>
      ) : null}
      {scoring?.method === 'linear' ? (
        <Space wrap>
          <Field id="scoring-floor" label={t('designer.scoring.floor')}>
            <InputNumber
              id="scoring-floor"
              value={scoring.floor}
              onChange={(value) => onChange({ ...scoring, floor: num(value) ?? 0 })}
            />
          </Field>
          <Field id="scoring-linear-cap" label={t('designer.scoring.cap')}>
            <InputNumber
              id="scoring-linear-cap"
              min={0}
              step={0.1}
              value={scoring.cap ?? null}
              onChange={(value) => onChange({ ...scoring, cap: cap(num(value)) })}
            />
          </Field>
        </Space>
      ) : null}
      {scoring?.method === 'band' ? (
        <Field id="scoring-tolerance" label={t('designer.scoring.tolerance')}>
          <InputNumber
            id="scoring-tolerance"
            min={0}
            value={scoring.tolerance}
            onChange={(value) => onChange({ method: 'band', tolerance: num(value) ?? 1 })}
          />
        </Field>
      ) : null}
      {scoring?.method === 'thresholds' ? (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14 }}>{t('designer.scoring.rules')}</legend>
          {scoring.rules.map((rule, index) => {
            const set = (patch: Partial<Rule>) =>
              onChange({
                method: 'thresholds',
                rules: scoring.rules.map((r, i) => (i === index ? clean({ ...r, ...patch }) : r)),
              });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their place
              <Space key={index} wrap align="end" style={{ marginBottom: 4 }}>
                <InputNumber
                  aria-label={t('designer.scoring.ruleMin', { n: index + 1 })}
                  placeholder={t('designer.scoring.min')}
                  value={rule.min ?? null}
                  onChange={(value) => set({ min: num(value) ?? undefined })}
                />
                <InputNumber
                  aria-label={t('designer.scoring.ruleMax', { n: index + 1 })}
                  placeholder={t('designer.scoring.max')}
                  value={rule.max ?? null}
                  onChange={(value) => set({ max: num(value) ?? undefined })}
                />
                <InputNumber
                  aria-label={t('designer.scoring.ruleScore', { n: index + 1 })}
                  placeholder={t('designer.scoring.score')}
                  min={0}
                  value={rule.score}
                  onChange={(value) => set({ score: num(value) ?? 0 })}
                />
                <Button
                  size="small"
                  disabled={scoring.rules.length === 1}
                  onClick={() =>
                    onChange({ method: 'thresholds', rules: scoring.rules.filter((_, i) => i !== index) })
                  }
                >
                  {t('designer.actions.remove')}
                </Button>
              </Space>
            );
          })}
          <Button
            size="small"
            onClick={() => onChange({ method: 'thresholds', rules: [...scoring.rules, { score: 0 }] })}
          >
            {t('designer.scoring.addRule')}
          </Button>
        </fieldset>
      ) : null}
    </div>
  );
}

/** A rule without the bounds left empty (the format has them optional, not null). */
function clean(rule: Rule): Rule {
  return {
    ...(rule.min === undefined ? {} : { min: rule.min }),
    ...(rule.max === undefined ? {} : { max: rule.max }),
    score: rule.score,
  };
}
