/**
 * Status thresholds (core/scoring/status.ts): from which quantified value an indicator is on target, and from
 * which it is to be watched (below: off track). For an indicator, unset means the scorecard's thresholds; for
 * the scorecard, unset means the defaults (met 1, watch 0.9). The server checks `watch` ≤ `met` on save.
 */
import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusThresholdsFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { Field } from './field.tsx';

export function StatusEditor({
  idPrefix,
  status,
  inherited,
  onChange,
}: {
  readonly idPrefix: string;
  readonly status: StatusThresholdsFile | undefined;
  /** What holds while unset (shown as placeholders). */
  readonly inherited: StatusThresholdsFile;
  readonly onChange: (status: StatusThresholdsFile | undefined) => void;
}) {
  const { t } = useTranslation();
  const current = status ?? inherited;
  const set = (patch: Partial<StatusThresholdsFile>) => onChange({ ...current, ...patch });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid={`${idPrefix}-status`}>
      <legend style={{ fontSize: 14 }}>{t('designer.status.title')}</legend>
      <Space wrap align="end">
        <Field id={`${idPrefix}-status-met`} label={t('designer.status.met')}>
          <InputNumber
            id={`${idPrefix}-status-met`}
            data-testid={`${idPrefix}-status-met`}
            step={0.05}
            min={0}
            value={status?.met ?? null}
            placeholder={String(inherited.met)}
            onChange={(value) => set({ met: typeof value === 'number' ? value : inherited.met })}
          />
        </Field>
        <Field id={`${idPrefix}-status-watch`} label={t('designer.status.watch')}>
          <InputNumber
            id={`${idPrefix}-status-watch`}
            data-testid={`${idPrefix}-status-watch`}
            step={0.05}
            min={0}
            value={status?.watch ?? null}
            placeholder={String(inherited.watch)}
            onChange={(value) => set({ watch: typeof value === 'number' ? value : inherited.watch })}
          />
        </Field>
        {status === undefined ? null : (
          <Button
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`${idPrefix}-status-reset`}
            onClick={() => onChange(undefined)}
          >
            {t('designer.status.reset')}
          </Button>
        )}
      </Space>
      <p style={{ margin: 0, fontSize: 12 }}>
        {status === undefined ? t('designer.status.inherited') : t('designer.status.help')}
      </p>
    </fieldset>
  );
}
