/**
 * What every page shows: a scorecard, an org unit and a period. They live in the URL's query string
 * (`?scorecard=AZ-HOSPITAL&orgUnit=AZ&period=2016`), so a view can be bookmarked and shared; whatever is
 * missing is filled from what the server offers, preferring the demo's own views.
 */

export interface Selection {
  readonly scorecard: string;
  readonly orgUnit: string;
  readonly period: string;
}

export const SELECTION_KEYS = [
  'scorecard',
  'orgUnit',
  'period',
] as const satisfies readonly (keyof Selection)[];

/**
 * The demo's views (src/server/demo/load-demo.ts `DEMO_CODES`): AZ Hospital in 2016 (seed 002) and the
 * Yunhu medical group in 2024. The first is the app's opening view when it is there.
 */
export const DEMO_VIEWS: readonly Selection[] = [
  { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' },
  { scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' },
];

export function isDemoScorecard(code: string): boolean {
  return DEMO_VIEWS.some((view) => view.scorecard === code);
}

export function readSelection(params: URLSearchParams): Partial<Selection> {
  const out: { -readonly [K in keyof Selection]?: string } = {};
  for (const key of SELECTION_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export function isComplete(selection: Partial<Selection>): selection is Selection {
  return SELECTION_KEYS.every((key) => selection[key] !== undefined);
}

export interface Available {
  readonly scorecards: readonly string[];
  /** Org units as `{ code, parent }`, in the server's order. */
  readonly orgUnits: readonly { readonly code: string; readonly parent: string | null }[];
  /** Periods with data, as `{ id, type }`. */
  readonly periods: readonly { readonly id: string; readonly type: string }[];
}

/**
 * Fills what the URL leaves out: a demo view when its scorecard is there (or is the one asked for), otherwise
 * the first scorecard, the first top-level unit and the latest year (or latest period) with data. Null when
 * the server has no scorecard or no org unit yet.
 *
 * @example resolveSelection({}, available) // { scorecard: 'AZ-HOSPITAL', orgUnit: 'AZ', period: '2016' } with the demo
 */
export function resolveSelection(partial: Partial<Selection>, available: Available): Selection | null {
  const scorecardCodes = new Set(available.scorecards);
  const unitCodes = new Set(available.orgUnits.map((unit) => unit.code));
  const demo = DEMO_VIEWS.find((view) =>
    partial.scorecard === undefined
      ? scorecardCodes.has(view.scorecard) && unitCodes.has(view.orgUnit)
      : view.scorecard === partial.scorecard && unitCodes.has(view.orgUnit),
  );
  const scorecard = partial.scorecard ?? demo?.scorecard ?? available.scorecards[0];
  const orgUnit =
    partial.orgUnit ??
    demo?.orgUnit ??
    available.orgUnits.find((unit) => unit.parent === null)?.code ??
    available.orgUnits[0]?.code;
  const period = partial.period ?? demo?.period ?? latestPeriod(available.periods);
  if (scorecard === undefined || orgUnit === undefined || period === undefined) return null;
  return { scorecard, orgUnit, period };
}

function latestPeriod(periods: Available['periods']): string | undefined {
  const years = periods.filter((period) => period.type === 'year').map((period) => period.id);
  const pool = years.length > 0 ? years : periods.map((period) => period.id);
  // Period ids of one type sort as text (2023 < 2024, 2024-02 < 2024-11).
  return [...pool].sort().at(-1);
}
