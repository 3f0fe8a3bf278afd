/**
 * Where a click on a unit or on one of its figures leads (issue 17 §2, DHIS2's and ClearPoint's drill-down): a
 * unit's scorecard, or one indicator's page for that unit, on the same scorecard and period, the selection in
 * the query string so Back returns; and the breadcrumbs group → hospital → department, each ancestor in the
 * reader's scope a link to its own scorecard. A unit outside the reader's scope is no link: the server would
 * only answer "no access".
 */
import type { Language } from './i18n/languages.ts';
import { localize } from './i18n/languages.ts';
import { appliesTo } from './org-unit-tree.ts';
import { selectionHref } from './scorecard-link.ts';
import type { Selection } from './selection.ts';
import { type LabelledUnit, unitTrail } from './unit-label.ts';

/**
 * The scorecard page of `orgUnit`, same scorecard and period as `from`.
 *
 * @example unitScorecardHref({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' }, 'UMG-B1') // '/scorecard?scorecard=UMG-BSC&orgUnit=UMG-B1&period=2024'
 */
export function unitScorecardHref(from: Selection, orgUnit: string): string {
  return selectionHref('/scorecard', { ...from, orgUnit });
}

/**
 * The page of one indicator of `orgUnit`, same scorecard and period as `from`.
 *
 * @example unitIndicatorHref({ scorecard: 'UMG-BSC', orgUnit: 'UMG', period: '2024' }, 'UMG-B1', 'F1') // '/indicators/F1?scorecard=UMG-BSC&orgUnit=UMG-B1&period=2024'
 */
export function unitIndicatorHref(from: Selection, orgUnit: string, indicator: string): string {
  const query = new URLSearchParams({ scorecard: from.scorecard, orgUnit, period: from.period });
  return `/indicators/${encodeURIComponent(indicator)}?${query.toString()}`;
}

/** A scorecard with the units it is assigned to (`GET /api/scorecards/:code/org-units`). */
export interface ScorecardUnitsRow {
  readonly code: string;
  readonly units: readonly { readonly orgUnit: string; readonly includeDescendants: boolean }[];
}

/**
 * The scorecard a crumb opens for `orgUnit`: the current one when it applies there (a group's scheme on its
 * hospitals), else the first scorecard that does (a department's scheme does not apply to its hospital), else the
 * current one (the list is not in yet, or nothing is assigned).
 *
 * @example scorecardForUnit('UMG-B1', 'UMG-DEPT', scorecards, units) // 'UMG-BSC'
 */
export function scorecardForUnit(
  orgUnit: string,
  current: string,
  scorecards: readonly ScorecardUnitsRow[] | undefined,
  units: readonly Pick<LabelledUnit, 'code' | 'parent'>[],
): string {
  if (scorecards === undefined) return current;
  const own = scorecards.find((scorecard) => scorecard.code === current);
  if (own !== undefined && appliesTo(orgUnit, own.units, units)) return current;
  return scorecards.find((scorecard) => appliesTo(orgUnit, scorecard.units, units))?.code ?? current;
}

export interface Crumb {
  readonly code: string;
  readonly label: string;
  /** The crumb's scorecard page; null for the unit shown (the last crumb) and for units out of scope. */
  readonly href: string | null;
}

/**
 * The breadcrumbs of `selection`'s unit: its ancestors and itself, top first, each named in `language` (the last
 * crumb plain: the trail itself says where it is). Ancestors the reader holds no role over are plain text.
 *
 * @example unitCrumbs(selection, units, 'en', new Set(['UMG-B1', 'UMG-B1-INT']), scorecards).map((c) => c.href) // [null, '/scorecard?scorecard=UMG-BSC&orgUnit=UMG-B1&period=2024', null]
 */
export function unitCrumbs(
  selection: Selection,
  units: readonly LabelledUnit[],
  language: Language,
  inScope: ReadonlySet<string>,
  scorecards: readonly ScorecardUnitsRow[] | undefined,
): Crumb[] {
  const trail = unitTrail(selection.orgUnit, units);
  return trail.map((unit, index) => ({
    code: unit.code,
    label: localize(unit.name, language),
    href:
      index === trail.length - 1 || !inScope.has(unit.code)
        ? null
        : unitScorecardHref(
            {
              ...selection,
              scorecard: scorecardForUnit(unit.code, selection.scorecard, scorecards, units),
            },
            unit.code,
          ),
  }));
}
