/**
 * Breadcrumbs group → hospital → department above a page about one unit (the scorecard, the indicator, the
 * overview): each ancestor the reader may open is a link to its own scorecard page (the current scorecard where
 * it applies there, else one that does), the others plain text (lib/drill-down.ts). Nothing for a top-level unit:
 * a trail of one says nothing the heading does not.
 */
import { Breadcrumb } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useScorecards, useScorecardsWithUnits } from '../lib/api/scorecards.ts';
import { unitCrumbs } from '../lib/drill-down.ts';
import { useLanguage } from '../lib/i18n/use-language.ts';
import type { Selection } from '../lib/selection.ts';
import { useUnitScope } from '../lib/use-drill-down.ts';

export function UnitBreadcrumbs({ selection }: { readonly selection: Selection | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scope = useUnitScope(selection?.orgUnit ?? null);
  const scorecards = useScorecards();
  const withUnits = useScorecardsWithUnits(scorecards.data?.map((scorecard) => scorecard.code));
  const crumbs = useMemo(
    () => (selection === null ? [] : unitCrumbs(selection, scope.units, language, scope.inScope, withUnits)),
    [selection, scope, language, withUnits],
  );
  if (crumbs.length < 2) return null;
  return (
    <Breadcrumb
      aria-label={t('drillDown.breadcrumbs')}
      data-testid="unit-breadcrumbs"
      style={{ marginBottom: 4 }}
      items={crumbs.map((crumb) => ({
        key: crumb.code,
        title:
          crumb.href === null ? (
            <span data-testid={`crumb-${crumb.code}`}>{crumb.label}</span>
          ) : (
            <Link to={crumb.href} data-testid={`crumb-${crumb.code}`}>
              {crumb.label}
            </Link>
          ),
      }))}
    />
  );
}
