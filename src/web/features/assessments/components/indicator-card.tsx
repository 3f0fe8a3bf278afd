/**
 * One qualitative indicator: its name, perspective and description, the rating bands, the other raters'
 * assessments, and the signed-in rater's own score (0–100) and evidence.
 */
import { Alert, Button, Input, List, Space, Typography, theme } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../core/contracts/assessments.ts';
import { formatDateTime, formatNumber, NO_VALUE } from '../../../lib/format.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import {
  type AssessmentConflict,
  type AssessmentDraft,
  type BandRange,
  checkScore,
  type QualitativeIndicator,
} from '../assessment-model.ts';
import { BandList } from './band-list.tsx';

const SCORE_ERRORS = {
  notNumber: 'assessments.scoreNotNumber',
  outOfRange: 'assessments.scoreOutOfRange',
} as const;

export function IndicatorCard({
  item,
  ranges,
  draft,
  others,
  conflict,
  evaluated,
  readOnly,
  onChange,
  onKeepMine,
  onTakeStored,
}: {
  readonly item: QualitativeIndicator;
  readonly ranges: readonly BandRange[];
  readonly draft: AssessmentDraft;
  readonly others: readonly Assessment[];
  readonly conflict: AssessmentConflict | undefined;
  /** The indicator's mean rating in the evaluation (every rater); undefined while it loads. */
  readonly evaluated: number | null | undefined;
  readonly readOnly: boolean;
  readonly onChange: (draft: AssessmentDraft) => void;
  readonly onKeepMine: () => void;
  readonly onTakeStored: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const scoreId = useId();
  const evidenceId = useId();
  const { indicator } = item;
  const name = localize(indicator.name, language);
  const check = checkScore(draft.scoreText);
  const shown = (value: number | null) => (value === null ? NO_VALUE : formatNumber(value, language, 0));
  return (
    <section
      data-testid="assessment-card"
      data-indicator={indicator.id}
      aria-labelledby={`${scoreId}-title`}
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: 16,
        background: token.colorBgContainer,
      }}
    >
      <h3 id={`${scoreId}-title`} style={{ margin: 0, fontSize: 16 }}>
        {indicator.id} · {name}
      </h3>
      <Typography.Text type="secondary">{localize(item.perspective, language)}</Typography.Text>
      {evaluated === undefined ? null : (
        <div>
          {t('assessments.evaluated')}{' '}
          <strong data-testid="evaluated-score">
            {evaluated === null ? NO_VALUE : formatNumber(evaluated, language, 2)}
          </strong>
        </div>
      )}
      {indicator.description === undefined ? null : (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>{indicator.description}</Typography.Paragraph>
      )}
      <div style={{ margin: '12px 0' }}>
        <BandList ranges={ranges} />
      </div>
      {conflict === undefined ? null : (
        <Alert
          type="error"
          showIcon
          data-testid="assessment-conflict"
          style={{ marginBottom: 12 }}
          title={t('assessments.conflict.title')}
          description={
            <Space orientation="vertical" size={4}>
              <span data-testid="conflict-mine">
                {t('assessments.conflict.mine', { value: shown(conflict.mine) })}
              </span>
              <span data-testid="conflict-stored">
                {t('assessments.conflict.stored', {
                  value: shown(conflict.stored.value),
                  user: conflict.stored.updatedBy ?? NO_VALUE,
                  time:
                    conflict.stored.updatedAt === null
                      ? NO_VALUE
                      : formatDateTime(conflict.stored.updatedAt, language),
                })}
              </span>
              <Space wrap>
                <Button size="small" type="primary" onClick={onKeepMine}>
                  {t('assessments.conflict.keepMine')}
                </Button>
                <Button size="small" onClick={onTakeStored}>
                  {t('assessments.conflict.takeStored')}
                </Button>
              </Space>
            </Space>
          }
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 160px) minmax(0, 1fr)', gap: 12 }}>
        <div>
          <label htmlFor={scoreId}>{t('assessments.score')}</label>
          <Input
            id={scoreId}
            data-testid="assessment-score"
            inputMode="decimal"
            value={draft.scoreText}
            readOnly={readOnly}
            status={check.ok ? undefined : 'error'}
            aria-invalid={!check.ok}
            aria-describedby={check.ok ? undefined : `${scoreId}-error`}
            onChange={(event) => onChange({ ...draft, scoreText: event.target.value })}
          />
          {check.ok ? null : (
            <div id={`${scoreId}-error`} role="alert" style={{ color: token.colorError, fontSize: 12 }}>
              {t(SCORE_ERRORS[check.error])}
            </div>
          )}
        </div>
        <div>
          <label htmlFor={evidenceId}>{t('assessments.evidence')}</label>
          <Input.TextArea
            id={evidenceId}
            data-testid="assessment-evidence"
            value={draft.evidence}
            readOnly={readOnly}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => onChange({ ...draft, evidence: event.target.value })}
          />
        </div>
      </div>
      {others.length === 0 ? null : (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={t('assessments.otherRaters')}
          dataSource={[...others]}
          renderItem={(other) => (
            <List.Item data-testid="other-assessment">
              <span>
                {t('assessments.otherRating', {
                  rater: other.rater,
                  score: shown(other.score),
                  time: formatDateTime(other.updatedAt, language),
                })}
                {other.evidence === null ? null : ` — ${other.evidence}`}
              </span>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
