/**
 * Data entry (issue 5): a grid of the data elements the selected scorecard's formulas read × the months of the
 * selected year or quarter, for the selected org unit, with checks as you type, one batch Save with optimistic
 * concurrency, comments, and the approval of the unit's data for the period; a second tab holds the data-quality
 * report of the unit and period (broken validation rules, unusual values).
 */
import { Tabs } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { APPROVE_ROLES, DATA_ENTRY_ROLES, SUBMIT_ROLES } from '../../../core/access/policy.ts';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading, useSelectionNames } from '../../components/page-heading.tsx';
import { useDataElements } from '../../lib/api/data-elements.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { useScorecard } from '../../lib/api/scorecards.ts';
import { useSession } from '../../lib/api/session.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { holdsAny, rolesOver } from '../../lib/roles.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { approvalPeriodOf } from './approval-period.ts';
import { DeadlineNote } from './components/deadline-note.tsx';
import { GridEditor } from './components/grid-editor.tsx';
import { QualityReport } from './components/quality-report.tsx';
import { type GridRow, gridRows, gridSpan } from './grid-model.ts';

export function DataEntryPage() {
  const { t } = useTranslation();
  const { complete } = useSelection();
  const names = useSelectionNames(complete);
  const detail = useScorecard(complete?.scorecard ?? null);
  const elements = useDataElements();
  const session = useSession();
  const orgUnits = useOrgUnits();
  const span = complete === null ? null : gridSpan(complete.period);
  const language = useLanguage();
  const elementName = useCallback(
    (code: string) => {
      const element = elements.data?.find((e) => e.code === code);
      return element === undefined ? code : localize(element.name, language);
    },
    [elements.data, language],
  );

  const rows = useMemo<GridRow[]>(
    () =>
      detail.data === undefined || elements.data === undefined
        ? []
        : gridRows(detail.data.file, elements.data),
    [detail.data, elements.data],
  );

  const roles = useMemo(
    () =>
      complete === null || session.data === undefined
        ? new Set<never>()
        : rolesOver(session.data.user.assignments, complete.orgUnit, orgUnits.data ?? []),
    [complete, session.data, orgUnits.data],
  );

  return (
    <section aria-labelledby="data-entry-title">
      <PageHeading id="data-entry-title" title={t('dataEntry.title')} selection={complete} />
      <LoadingPanel
        isLoading={complete === null || detail.isPending || elements.isPending || session.isPending}
        error={detail.error ?? elements.error ?? session.error}
        isEmpty={span === null || rows.length === 0}
        emptyText={
          span === null
            ? t('dataEntry.badPeriod', { period: complete?.period ?? '' })
            : t('dataEntry.empty', { scorecard: names.scorecard })
        }
        onRetry={() => {
          void detail.refetch();
          void elements.refetch();
        }}
      >
        {complete === null || span === null ? null : (
          <DeadlineNote scorecard={complete.scorecard} period={complete.period} />
        )}
        {complete === null || span === null ? null : (
          <Tabs
            data-testid="data-entry-tabs"
            items={[
              {
                key: 'grid',
                label: t('dataEntry.tabs.grid'),
                children: (
                  <GridEditor
                    key={`${complete.scorecard}|${complete.orgUnit}|${span.period}`}
                    scorecard={complete.scorecard}
                    orgUnit={complete.orgUnit}
                    span={span}
                    approvalPeriod={approvalPeriodOf(complete.period, span.period)}
                    rows={rows}
                    canEnter={holdsAny(roles, DATA_ENTRY_ROLES)}
                    canSubmit={holdsAny(roles, SUBMIT_ROLES)}
                    canApprove={holdsAny(roles, APPROVE_ROLES)}
                  />
                ),
              },
              {
                key: 'quality',
                label: <span data-testid="tab-quality">{t('dataEntry.tabs.quality')}</span>,
                children: (
                  <QualityReport
                    scorecard={complete.scorecard}
                    orgUnit={complete.orgUnit}
                    period={approvalPeriodOf(complete.period, span.period)}
                    elementName={elementName}
                  />
                ),
              },
            ]}
          />
        )}
      </LoadingPanel>
    </section>
  );
}
