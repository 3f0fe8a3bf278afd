/** Where the indicator page's back link goes: the scorecard page with the same selection. */
import type { Selection } from '../../lib/selection.ts';

/**
 * @example scorecardHref({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' }) // '/scorecard?scorecard=UMG-BSC&orgUnit=UMG&period=2024'
 */
export function scorecardHref(selection: Selection | null): string {
  if (selection === null) return '/scorecard';
  const query = new URLSearchParams({
    scorecard: selection.scorecard,
    orgUnit: selection.orgUnit,
    period: selection.period,
  });
  return `/scorecard?${query.toString()}`;
}
