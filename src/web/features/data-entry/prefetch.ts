/**
 * Starts the data entry page's requests when the user clicks its menu entry, before the page is drawn: the
 * page itself asks for the grid's stored values and approvals only once it is drawn, and for the values only
 * after the scorecard and the data elements (which name the grid's rows), a waterfall of two round trips
 * behind the drawing. Here everything that needs only the selection starts at once; the values start as soon
 * as the rows are known (usually at once too: the scorecard and the elements are reference data, kept for
 * minutes). The page's queries then find these in flight or done, under the same keys (grid-model.ts).
 *
 * Only on the click, not on hover: the values and approvals are never fresh for long (staleTime 0, what is
 * typed over must be current), so a hover's fetch would be fetched again when the page mounts.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api/api-client.ts';
import { getApprovalQueryOptions, getUnitApprovalsQueryOptions } from '../../lib/api/approvals.ts';
import { getDataElementsQueryOptions } from '../../lib/api/data-elements.ts';
import { getDataQualityQueryOptions } from '../../lib/api/data-quality.ts';
import { getDataValuesQueryOptions } from '../../lib/api/data-values.ts';
import { getScorecardQueryOptions } from '../../lib/api/scorecards.ts';
import type { Selection } from '../../lib/selection.ts';
import { approvalPeriodOf } from './approval-period.ts';
import { gridRows, gridSpan, gridValues } from './grid-model.ts';

/** Fetches what the data entry page of `selection` reads; resolves when the grid's values are in. */
export async function prefetchDataEntry(
  queryClient: QueryClient,
  client: ApiClient,
  selection: Selection,
): Promise<void> {
  const span = gridSpan(selection.period);
  if (span === null) return;
  const approvalKey = {
    scorecard: selection.scorecard,
    orgUnit: selection.orgUnit,
    period: approvalPeriodOf(selection.period, span.period),
  };
  // A prefetch never throws; a failed one leaves the page to ask again and show the error.
  void queryClient.prefetchQuery(getApprovalQueryOptions(client, approvalKey));
  void queryClient.prefetchQuery(getUnitApprovalsQueryOptions(client, selection.orgUnit));
  void queryClient.prefetchQuery(getDataQualityQueryOptions(client, approvalKey));
  let rows: ReturnType<typeof gridRows>;
  try {
    const [detail, elements] = await Promise.all([
      queryClient.ensureQueryData(getScorecardQueryOptions(client, selection.scorecard)),
      queryClient.ensureQueryData(getDataElementsQueryOptions(client)),
    ]);
    rows = gridRows(detail.file, elements);
  } catch {
    return;
  }
  await queryClient.prefetchQuery(
    getDataValuesQueryOptions(client, gridValues(selection.orgUnit, span, rows).query),
  );
}
