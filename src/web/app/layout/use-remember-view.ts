/**
 * Saves the scorecard and unit the user looks at as their last view (`PUT /api/me/last-view`), so the next
 * sign-in, on any machine, opens them (use-default-selection.ts). Only a change is saved: not the period, not
 * the same view again, nothing before the saved view has been read, and nothing the server does not know.
 */
import { useEffect } from 'react';
import { useLastView, useSaveLastView } from '../../lib/api/last-view.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { useScorecards } from '../../lib/api/scorecards.ts';
import { useSelection } from '../../lib/use-selection.ts';

export function useRememberView(): void {
  const { complete } = useSelection();
  const lastView = useLastView();
  const { mutate } = useSaveLastView();
  const scorecard = complete?.scorecard;
  const orgUnit = complete?.orgUnit;
  const saved = lastView.data;
  // Only a view of things that exist (an address may name a scorecard that does not: its page says so).
  const scorecards = useScorecards().data;
  const units = useOrgUnits().data;
  const known =
    (scorecards?.some((card) => card.code === scorecard) ?? false) &&
    (units?.some((unit) => unit.code === orgUnit) ?? false);
  useEffect(() => {
    if (!known || scorecard === undefined || orgUnit === undefined || saved === undefined) return;
    if (saved.scorecard === scorecard && saved.orgUnit === orgUnit) return;
    mutate({ scorecard, orgUnit });
  }, [known, scorecard, orgUnit, saved, mutate]);
}
