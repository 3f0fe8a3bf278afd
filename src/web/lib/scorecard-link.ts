/**
 * A page opened on the scorecard, unit and period an alert, an action or an approval is about (the header's
 * selection in the query string, lib/selection.ts).
 *
 * @example selectionHref('/scorecard', { scorecard: 'UMG BSC', orgUnit: 'UMG-B1', period: '2024-03' }) // '/scorecard?scorecard=UMG+BSC&orgUnit=UMG-B1&period=2024-03'
 */
export function selectionHref(
  path: '/scorecard' | '/data-entry',
  target: { readonly scorecard: string; readonly orgUnit: string; readonly period: string },
): string {
  const query = new URLSearchParams({
    scorecard: target.scorecard,
    orgUnit: target.orgUnit,
    period: target.period,
  });
  return `${path}?${query.toString()}`;
}

/** The scorecard page of the target. */
export function scorecardHref(target: {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}): string {
  return selectionHref('/scorecard', target);
}
