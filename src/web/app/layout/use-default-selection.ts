/**
 * Fills the parts of the selection the URL leaves out, once the pickers' lists are in. A user whose roles cover
 * part of the installation lands on their last scorecard and unit (kept on the server, so on any machine) or on
 * a scorecard of a unit in their scope (lib/scoped-selection.ts); others on the demo's first view (AZ Hospital
 * 2016) when the demo is loaded. Rewrites the history entry rather than adding one.
 */
import { useEffect } from 'react';
import { useLastView } from '../../lib/api/last-view.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { usePeriods } from '../../lib/api/periods.ts';
import { useScorecards, useScorecardsWithUnits } from '../../lib/api/scorecards.ts';
import { useSession } from '../../lib/api/session.ts';
import { scopedDefaults } from '../../lib/scoped-selection.ts';
import { resolveSelection } from '../../lib/selection.ts';
import { useSelection } from '../../lib/use-selection.ts';

export function useDefaultSelection(): {
  readonly error: unknown;
  readonly isLoading: boolean;
  readonly isEmpty: boolean;
} {
  const { selection, complete, update } = useSelection();
  const scorecards = useScorecards();
  const orgUnits = useOrgUnits();
  const periods = usePeriods();
  const session = useSession();
  const lastView = useLastView();
  const withUnits = useScorecardsWithUnits(scorecards.data?.map((scorecard) => scorecard.code));
  // The last view is a nicety: when it cannot be read, the defaults go on without it.
  const lastViewDone = lastView.data !== undefined || lastView.isError;
  const lists =
    scorecards.data !== undefined &&
    orgUnits.data !== undefined &&
    periods.data !== undefined &&
    session.data !== undefined &&
    withUnits !== undefined &&
    lastViewDone;
  const resolved =
    lists && complete === null
      ? resolveSelection(
          scopedDefaults(selection, {
            assignments: session.data.user.assignments,
            units: orgUnits.data,
            scorecards: withUnits,
            lastView: lastView.data ?? null,
          }),
          {
            scorecards: scorecards.data.map((scorecard) => scorecard.code),
            orgUnits: orgUnits.data,
            periods: periods.data,
          },
        )
      : null;

  // The parts, not the object: the effect runs when the resolved selection changes, not on every render.
  const scorecard = resolved?.scorecard;
  const orgUnit = resolved?.orgUnit;
  const period = resolved?.period;
  useEffect(() => {
    if (scorecard !== undefined && orgUnit !== undefined && period !== undefined) {
      update({ scorecard, orgUnit, period }, { replace: true });
    }
  }, [scorecard, orgUnit, period, update]);

  return {
    // Once the URL names all three, the page goes ahead even if a picker's list failed (the picker shows it).
    error: complete === null ? (scorecards.error ?? orgUnits.error ?? periods.error ?? session.error) : null,
    isLoading: complete === null && !lists,
    // The server has no scorecard or no org unit yet: nothing to show until data is imported.
    isEmpty: complete === null && lists && resolved === null,
  };
}
