/**
 * The overview's and scorecard's line about publication: whether the unit's score for the period was published
 * (by whom, when), a switch between the score as published and today's computation, what differs today (the
 * restatement, in a dialog) and, for strategists, publishing the unit's subtree. The dialogs load in their own
 * chunk when first opened.
 */
import { Button, Segmented, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESIGN_ROLES } from '../../core/access/policy.ts';
import type { EvaluationJson } from '../lib/api/evaluations.ts';
import { useOrgUnits } from '../lib/api/org-units.ts';
import { useSession } from '../lib/api/session.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import { holdsAny, rolesOver } from '../lib/roles.ts';
import type { Selection } from '../lib/selection.ts';
import type { EvaluationView } from '../lib/use-evaluation-view.ts';

const RestatementDialog = lazy(() => import('./restatement-dialog.tsx'));
const PublishDialog = lazy(() => import('./publish-dialog.tsx'));

/** Whether the signed-in user designs over the unit (the server decides; this only offers the button). */
function useCanPublish(orgUnit: string): boolean {
  const session = useSession();
  const orgUnits = useOrgUnits();
  return useMemo(
    () =>
      session.data !== undefined &&
      holdsAny(rolesOver(session.data.user.assignments, orgUnit, orgUnits.data ?? []), DESIGN_ROLES),
    [session.data, orgUnit, orgUnits.data],
  );
}

export function PublicationBar({
  selection,
  today,
  view,
  onViewChange,
  unitName,
}: {
  readonly selection: Selection;
  /** Today's evaluation: it names the publication and says whether it differs. */
  readonly today: EvaluationJson | undefined;
  readonly view: EvaluationView;
  readonly onViewChange: (view: EvaluationView) => void;
  readonly unitName: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dialog, setDialog] = useState<'restatement' | 'publish' | null>(null);
  const canPublish = useCanPublish(selection.orgUnit);
  const publication = today?.publication ?? null;
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="publication-bar">
      {publication === null ? (
        <Tag data-testid="published-badge" data-published="false">
          {t('publication.notPublished')}
        </Tag>
      ) : (
        <>
          <Tag
            color="blue"
            data-testid="published-badge"
            data-published="true"
            data-publication={publication.id}
          >
            {t('publication.badge', { at: formatDateTime(publication.at, language), by: publication.by })}
          </Tag>
          <Segmented<EvaluationView>
            data-testid="view-switch"
            aria-label={t('publication.view.label')}
            value={view}
            onChange={onViewChange}
            options={[
              { value: 'published', label: t('publication.view.published') },
              { value: 'today', label: t('publication.view.today') },
            ]}
          />
          {publication.differs ? (
            <>
              <Tag color="orange" data-testid="publication-differs">
                {t('publication.differs')}
              </Tag>
              <Button size="small" data-testid="restatement-open" onClick={() => setDialog('restatement')}>
                {t('publication.restatementOpen')}
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="publication-same">
              {t('publication.same')}
            </Typography.Text>
          )}
        </>
      )}
      {canPublish ? (
        <Button size="small" type="primary" data-testid="publish-open" onClick={() => setDialog('publish')}>
          {t('publication.publish.open')}
        </Button>
      ) : null}
      <Suspense fallback={null}>
        {dialog === 'restatement' ? (
          <RestatementDialog selection={selection} unitName={unitName} onClose={() => setDialog(null)} />
        ) : null}
        {dialog === 'publish' ? (
          <PublishDialog selection={selection} unitName={unitName} onClose={() => setDialog(null)} />
        ) : null}
      </Suspense>
    </Space>
  );
}
