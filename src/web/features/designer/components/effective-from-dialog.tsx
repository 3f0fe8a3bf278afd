/**
 * "From which period do these weights hold?", asked when saving weights: by default the first period with no
 * published score (GET /api/scorecards/:code/versions `defaultEffectiveFrom`), another period, or since the
 * beginning. Periods before the one chosen keep the weights that held for them (model/effective-from.ts).
 */
import { Alert, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodType } from '../../../../core/periods/index.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { useScorecardVersions } from '../../../lib/api/scorecards.ts';
import { formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { type EffectiveChoice, effectiveFromOf } from '../model/effective-from.ts';

export function EffectiveFromDialog({
  code,
  periodType,
  onCancel,
  onConfirm,
}: {
  readonly code: string;
  readonly periodType: PeriodType | null;
  readonly onCancel: () => void;
  readonly onConfirm: (effectiveFrom: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useScorecardVersions(code);
  const [choice, setChoice] = useState<EffectiveChoice>('default');
  const [typed, setTyped] = useState('');
  const defaultPeriod = versions.data?.defaultEffectiveFrom ?? null;
  const publishedThrough = versions.data?.publishedThrough ?? null;
  const answer = effectiveFromOf(choice, defaultPeriod, typed, periodType);
  const showError = choice === 'period' && typed.trim() !== '' && !answer.ok;
  return (
    <Modal
      open
      title={t('designer.weights.effective.title')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('designer.weights.effective.cancel')}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          data-testid="weights-effective-confirm"
          disabled={versions.data === undefined || !answer.ok}
          onClick={() => {
            if (answer.ok) onConfirm(answer.value);
          }}
        >
          {t('designer.weights.effective.confirm')}
        </Button>,
      ]}
    >
      <LoadingPanel
        isLoading={versions.isPending}
        error={versions.error}
        onRetry={() => void versions.refetch()}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="weights-effective">
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('designer.weights.effective.intro')}{' '}
            {publishedThrough === null
              ? t('designer.weights.effective.nothingPublished')
              : t('designer.weights.effective.published', {
                  period: formatPeriod(publishedThrough, language),
                })}
          </Typography.Paragraph>
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            <Radio value="default" data-testid="weights-effective-default" data-period={defaultPeriod ?? ''}>
              {defaultPeriod === null
                ? t('designer.weights.effective.defaultAll')
                : t('designer.weights.effective.default', { period: formatPeriod(defaultPeriod, language) })}
            </Radio>
            <Radio value="period" data-testid="weights-effective-period">
              {t('designer.weights.effective.period')}
            </Radio>
            {choice === 'period' ? (
              <Input
                aria-label={t('designer.weights.effective.period')}
                data-testid="weights-effective-input"
                placeholder={t('designer.weights.effective.periodPlaceholder')}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                style={{ maxWidth: 240, marginLeft: 24 }}
              />
            ) : null}
            <Radio value="beginning" data-testid="weights-effective-beginning">
              {t('designer.weights.effective.beginning')}
            </Radio>
          </Radio.Group>
          {showError ? (
            <Alert
              type="error"
              showIcon
              data-testid="weights-effective-error"
              title={
                !answer.ok && answer.reason === 'too-short'
                  ? t(
                      periodType === 'year'
                        ? 'designer.weights.effective.tooShort.year'
                        : 'designer.weights.effective.tooShort.quarter',
                    )
                  : t('designer.weights.effective.badPeriod')
              }
            />
          ) : null}
        </Space>
      </LoadingPanel>
    </Modal>
  );
}
