/**
 * The composite score V and its rating, in the rating band's colour (seed 002 §4.2.5: V = 92.57, very good); or
 * "insufficient data" with its coverage when too little of the weight has data for a total.
 */
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panel.tsx';
import { RatingTag } from '../../../components/rating-tag.tsx';
import type { EvaluationJson } from '../../../lib/api/evaluations.ts';
import { formatPercent, formatScore } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { ratingColor } from '../../../lib/status.ts';

export function TotalScoreCard({ evaluation }: { readonly evaluation: EvaluationJson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  return (
    <Panel title={t('overview.total')} fill>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <span
          data-testid="total-score"
          style={{
            // The words "insufficient data" in place of a number: smaller, so they fit the card.
            fontSize: evaluation.insufficientData ? 28 : 44,
            fontWeight: 600,
            lineHeight: 1,
            color: ratingColor(evaluation.ratingCode, evaluation.total),
          }}
        >
          {evaluation.insufficientData
            ? t('totals.insufficientShort')
            : formatScore(evaluation.total, language)}
        </span>
        <RatingTag
          ratingCode={evaluation.ratingCode}
          ratingLabel={evaluation.ratingLabel}
          total={evaluation.total}
          language={language}
          large
        />
      </div>
      <p style={{ margin: '12px 0 0', color: token.colorTextSecondary }}>
        {evaluation.insufficientData
          ? t('totals.insufficient', {
              coverage: formatPercent(evaluation.weightCoverage, language),
              minimum: formatPercent(evaluation.minimumCoverage, language),
            })
          : t('overview.totalHint')}
      </p>
    </Panel>
  );
}
