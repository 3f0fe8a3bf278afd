/**
 * Where a weight version derived from an expert survey came from (the survey, its aggregation, the experts
 * counted, who applied it and when), and "overridden" once the weights were edited by hand after it: the
 * survey's judgments stay with the survey.
 */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WeightProvenance as Provenance } from '../../../../core/contracts/scorecards.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

const AGGREGATION = { aij: 'designer.provenance.aij', aip: 'designer.provenance.aip' } as const;
const INCONSISTENT = {
  include: 'designer.provenance.include',
  exclude: 'designer.provenance.exclude',
} as const;

export function WeightProvenance({ provenance }: { readonly provenance: Provenance }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12 }}
      data-testid="weight-provenance"
      data-survey={provenance.survey}
      data-overridden={provenance.overridden}
    >
      {t('designer.provenance.survey', {
        title: provenance.surveyTitle,
        survey: provenance.survey,
        aggregation: t(AGGREGATION[provenance.aggregation]),
        counted: provenance.expertsCounted,
        total: provenance.expertsTotal,
        inconsistent: t(INCONSISTENT[provenance.inconsistent]),
        who: provenance.appliedBy,
        when: formatDateTime(provenance.appliedAt, language),
      })}{' '}
      {provenance.overridden ? (
        <Tag color="warning" data-testid="weight-overridden" title={t('designer.provenance.overriddenHelp')}>
          {t('designer.provenance.overridden')}
        </Tag>
      ) : null}
    </Typography.Text>
  );
}
