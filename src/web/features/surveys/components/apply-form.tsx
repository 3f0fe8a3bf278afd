/**
 * Applying the result as a new dated weight version of the scorecard: from which period the weights hold
 * (default: the first period with no published score, so no published score is weighed again), with a note.
 * The version keeps its provenance (this survey, the aggregation, the experts counted), which the designer shows.
 */
import { Alert, Button, Col, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../../components/panel.tsx';
import { problemDetail } from '../../../components/problem-words.ts';
import { useScorecardVersions } from '../../../lib/api/scorecards.ts';
import { type SurveyDetail, type SurveyResults, useApplySurvey } from '../../../lib/api/surveys.ts';
import { formatDateTime, formatPeriod } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { AGGREGATION_LABELS, INCONSISTENT_LABELS } from '../model/labels.ts';

export function ApplyForm({
  survey,
  results,
  aggregation,
  inconsistent,
}: {
  readonly survey: SurveyDetail;
  readonly results: SurveyResults;
  readonly aggregation: 'aij' | 'aip';
  readonly inconsistent: 'include' | 'exclude';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useScorecardVersions(survey.scorecard);
  const apply = useApplySurvey(survey.id);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const from = effectiveFrom ?? versions.data?.defaultEffectiveFrom ?? '';
  const blocked = results.blockers.length > 0 || results.hierarchy.globalWeights === null;
  const applied = apply.data;
  return (
    <Panel title={t('surveys.apply.title')} headingId="apply-survey" testId="apply-survey">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <p style={{ margin: 0 }}>
          {t('surveys.apply.intro', {
            aggregation: t(AGGREGATION_LABELS[aggregation]),
            inconsistent: t(INCONSISTENT_LABELS[inconsistent]),
          })}
        </p>
        {survey.status === 'open' ? (
          <Alert type="info" showIcon title={t('surveys.apply.closeFirst')} />
        ) : null}
        {survey.applications.map((application) => (
          <Alert
            key={application.id}
            type="success"
            showIcon
            data-testid="survey-application"
            title={t('surveys.apply.appliedBefore', {
              version: application.weightVersion,
              from:
                application.effectiveFrom === null
                  ? t('surveys.apply.beginning')
                  : formatPeriod(application.effectiveFrom, language),
              who: application.appliedBy,
              when: formatDateTime(application.appliedAt, language),
              count: application.expertsCounted,
            })}
          />
        ))}
        <Row gutter={8} align="bottom">
          <Col xs={24} md={6}>
            <label htmlFor="apply-effective-from">{t('surveys.apply.effectiveFrom')}</label>
            <Input
              id="apply-effective-from"
              data-testid="apply-effective-from"
              value={from}
              placeholder="2025"
              onChange={(e) => setEffectiveFrom(e.target.value.trim())}
            />
          </Col>
          <Col xs={24} md={12}>
            <label htmlFor="apply-note">{t('surveys.apply.note')}</label>
            <Input id="apply-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </Col>
          <Col xs={24} md={6}>
            <Button
              type="primary"
              style={{ marginTop: 8 }}
              data-testid="apply-submit"
              disabled={survey.status === 'open' || blocked || apply.isPending}
              loading={apply.isPending}
              onClick={() =>
                apply.mutate({
                  aggregation,
                  inconsistent,
                  ...(from === '' ? {} : { effectiveFrom: from }),
                  ...(note.trim() === '' ? {} : { note: note.trim() }),
                })
              }
            >
              {t('surveys.apply.submit')}
            </Button>
          </Col>
        </Row>
        {apply.error ? <Alert type="error" showIcon title={problemDetail(t, apply.error)} /> : null}
        {applied === undefined ? null : (
          <Alert
            type="success"
            showIcon
            data-testid="apply-done"
            data-version={applied.weights.version}
            data-effective-from={applied.weights.effectiveFrom ?? ''}
            title={t('surveys.apply.done', {
              version: applied.weights.version,
              from:
                applied.weights.effectiveFrom === null
                  ? t('surveys.apply.beginning')
                  : formatPeriod(applied.weights.effectiveFrom, language),
            })}
            description={
              <Link to={`/designer?scorecard=${encodeURIComponent(survey.scorecard)}`}>
                {t('surveys.apply.openDesigner')}
              </Link>
            }
          />
        )}
      </Space>
    </Panel>
  );
}
