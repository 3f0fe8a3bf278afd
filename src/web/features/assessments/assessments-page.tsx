/**
 * Qualitative assessments (issue 5): for the selected scorecard's qualitative indicators, org unit and period,
 * the rating bands, every rater's assessment, and the signed-in rater's own 0–100 score and evidence, saved in
 * one batch with versions (conflicts shown per indicator, as in the data entry grid).
 */
import { Alert, Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_ENTRY_ROLES } from '../../../core/access/policy.ts';
import type { ApprovalResource } from '../../../core/contracts/approvals.ts';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useAssessments, useSaveAssessments } from '../../lib/api/assessments.ts';
import { useEvaluation } from '../../lib/api/evaluations.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { readApprovalLock, readVersionConflict } from '../../lib/api/problem-extensions.ts';
import { useScorecard } from '../../lib/api/scorecards.ts';
import { useSession } from '../../lib/api/session.ts';
import { formatPeriod } from '../../lib/format.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { holdsAny, rolesOver } from '../../lib/roles.ts';
import type { Selection } from '../../lib/selection.ts';
import { useSelection } from '../../lib/use-selection.ts';
import {
  type AssessmentConflict,
  type AssessmentDraft,
  applyAssessmentConflicts,
  bandRanges,
  buildAssessmentBatch,
  draftOf,
  keepMyAssessment,
  type QualitativeIndicator,
  qualitativeIndicators,
  takeStoredAssessment,
} from './assessment-model.ts';
import { IndicatorCard } from './components/indicator-card.tsx';

export function AssessmentsPage() {
  const { t } = useTranslation();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const detail = useScorecard(complete?.scorecard ?? null);
  const session = useSession();
  const indicators = useMemo(
    () => (detail.data === undefined ? [] : qualitativeIndicators(detail.data.file)),
    [detail.data],
  );
  return (
    <section aria-labelledby="assessments-title">
      <PageHeading id="assessments-title" title={t('assessments.title')} selection={complete} />
      <LoadingPanel
        isLoading={complete === null || detail.isPending || session.isPending}
        error={detail.error ?? session.error}
        isEmpty={indicators.length === 0}
        emptyText={t('assessments.empty', { scorecard: names.scorecard })}
        onRetry={() => void detail.refetch()}
      >
        {complete === null || detail.data === undefined || session.data === undefined ? null : (
          <AssessmentEditor
            key={`${complete.scorecard}|${complete.orgUnit}|${complete.period}`}
            selection={complete}
            indicators={indicators}
            bands={detail.data.file.scoring.ratingBands}
            rater={session.data.user.email}
            assignments={session.data.user.assignments}
          />
        )}
      </LoadingPanel>
    </section>
  );
}

function AssessmentEditor({
  selection,
  indicators,
  bands,
  rater,
  assignments,
}: {
  readonly selection: Selection;
  readonly indicators: readonly QualitativeIndicator[];
  readonly bands: Parameters<typeof bandRanges>[0];
  readonly rater: string;
  readonly assignments: Parameters<typeof rolesOver>[0];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgUnits = useOrgUnits();
  const assessments = useAssessments(selection);
  const evaluation = useEvaluation(selection);
  const save = useSaveAssessments();
  const [drafts, setDrafts] = useState<ReadonlyMap<string, AssessmentDraft>>(new Map());
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, AssessmentConflict>>(new Map());
  const [lock, setLock] = useState<ApprovalResource | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const ranges = useMemo(() => bandRanges(bands), [bands]);
  const canEnter = holdsAny(rolesOver(assignments, selection.orgUnit, orgUnits.data ?? []), DATA_ENTRY_ROLES);
  const readOnly = !canEnter || lock !== null || evaluation.data?.approval?.status === 'approved';
  const mine = useMemo(
    () => new Map((assessments.data ?? []).filter((a) => a.rater === rater).map((a) => [a.indicator, a])),
    [assessments.data, rater],
  );
  const batch = useMemo(() => buildAssessmentBatch(selection, drafts, mine), [selection, drafts, mine]);
  const evaluated = useMemo(() => {
    const scores = new Map<string, number | null>();
    for (const perspective of evaluation.data?.perspectives ?? []) {
      for (const indicator of perspective.indicators) scores.set(indicator.id, indicator.actual);
    }
    return scores;
  }, [evaluation.data]);

  const setDraft = (indicator: string, draft: AssessmentDraft) => {
    setDrafts((previous) => new Map(previous).set(indicator, draft));
    setSaved(null);
  };
  const dropConflict = (indicator: string) =>
    setConflicts((previous) => new Map([...previous].filter(([key]) => key !== indicator)));

  async function onSave() {
    if (readOnly || batch.assessments.length === 0) return;
    setFailure(null);
    try {
      const result = await save.mutateAsync({ assessments: batch.assessments });
      await assessments.refetch();
      setDrafts((previous) => new Map([...previous].filter(([key]) => !batch.indicators.includes(key))));
      setConflicts(new Map());
      setSaved(result.created + result.updated + result.deleted);
    } catch (error) {
      const current = readVersionConflict(error);
      const locked = readApprovalLock(error);
      if (current !== null) setConflicts(applyAssessmentConflicts(batch, current));
      else if (locked !== null) setLock(locked);
      else setFailure(error);
    }
  }

  return (
    <LoadingPanel
      isLoading={assessments.isPending}
      error={assessments.error}
      onRetry={() => void assessments.refetch()}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text data-testid="rater">{t('assessments.rater', { rater })}</Typography.Text>
        {!canEnter ? <Alert type="info" showIcon title={t('assessments.readOnlyRole')} /> : null}
        {lock === null ? null : (
          <Alert
            type="error"
            showIcon
            data-testid="lock-error"
            title={t('assessments.locked', {
              unit: lock.orgUnit,
              period: formatPeriod(lock.period, language),
              user: lock.decidedBy ?? '—',
            })}
          />
        )}
        <ProblemAlert error={failure} testId="save-error" />
        {indicators.map((item) => {
          const id = item.indicator.id;
          return (
            <IndicatorCard
              key={id}
              item={item}
              ranges={ranges}
              draft={drafts.get(id) ?? draftOf(mine.get(id))}
              others={(assessments.data ?? []).filter((a) => a.indicator === id && a.rater !== rater)}
              conflict={conflicts.get(id)}
              evaluated={evaluation.data === undefined ? undefined : (evaluated.get(id) ?? null)}
              readOnly={readOnly}
              onChange={(draft) => setDraft(id, draft)}
              onKeepMine={() => {
                const conflict = conflicts.get(id);
                const draft = drafts.get(id);
                if (conflict !== undefined && draft !== undefined)
                  setDraft(id, keepMyAssessment(draft, conflict));
                dropConflict(id);
              }}
              onTakeStored={() => {
                const conflict = conflicts.get(id);
                if (conflict !== undefined) setDraft(id, takeStoredAssessment(conflict));
                dropConflict(id);
              }}
            />
          );
        })}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Button
            type="primary"
            data-testid="save"
            disabled={readOnly || batch.assessments.length === 0}
            loading={save.isPending}
            onClick={() => void onSave()}
          >
            {t('assessments.save', { count: batch.assessments.length })}
          </Button>
          {batch.invalid.length > 0 ? (
            <Typography.Text type="danger" role="status" data-testid="invalid-count">
              {t('assessments.invalidCount', { count: batch.invalid.length })}
            </Typography.Text>
          ) : null}
          {saved === null ? null : (
            <Typography.Text type="success" role="status" data-testid="save-result">
              {t('assessments.saved', { count: saved })}
            </Typography.Text>
          )}
        </div>
      </Space>
    </LoadingPanel>
  );
}
