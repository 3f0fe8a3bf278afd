/**
 * Query keys of the endpoints more than one feature reads, namespaced by endpoint (`['evaluations', …]`), so
 * a later write can invalidate one endpoint's queries with its first element.
 */
import type { EvaluationQuery } from '../../../core/contracts/evaluation.ts';

export interface SeriesParams {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly from: string;
  readonly to: string;
}

export const queryKeys = {
  meta: () => ['meta'] as const,
  session: () => ['session'] as const,
  orgUnits: () => ['org-units', 'all'] as const,
  periods: () => ['periods', 'all'] as const,
  scorecards: () => ['scorecards', 'all'] as const,
  scorecardOrgUnits: (code: string) => ['scorecards', code, 'org-units'] as const,
  evaluation: (query: EvaluationQuery) => ['evaluations', query] as const,
  series: (params: SeriesParams) => ['series', params] as const,
};

/** Reference lists (units, periods, scorecards) change rarely: keep them for five minutes. */
export const REFERENCE_STALE_TIME = 5 * 60 * 1000;
