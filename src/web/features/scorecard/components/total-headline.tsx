/**
 * The scorecard's total and rating at the top of the page (issue 17: a reader should not have to go to the
 * overview for them): the composite score in its rating band's colour and the rating; "insufficient data" or
 * "no total" when there is none.
 */
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { RatingTag } from '../../../components/rating-tag.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { formatScore } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { ratingColor } from '../../../lib/status.ts';

export function TotalHeadline({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const text = evaluation.insufficientData
    ? t('totals.insufficientShort')
    : evaluation.total === null
      ? t('totals.noTotal')
      : formatScore(evaluation.total, language);
  return (
    <div
      data-testid="scorecard-total"
      style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}
    >
      <span style={{ color: token.colorTextSecondary }}>{t('totals.totalLabel')}</span>
      <span
        data-testid="scorecard-total-value"
        style={{
          fontSize: 28,
          fontWeight: 600,
          lineHeight: 1,
          color: ratingColor(evaluation.ratingCode, evaluation.total),
        }}
      >
        {text}
      </span>
      {evaluation.ratingLabel === null ? null : (
        <>
          <span style={{ color: token.colorTextSecondary }}>{t('totals.ratingLabel')}</span>
          <RatingTag
            ratingCode={evaluation.ratingCode}
            ratingLabel={evaluation.ratingLabel}
            total={evaluation.total}
            language={language}
            large
          />
        </>
      )}
    </div>
  );
}
