/**
 * The org units as the drill-down needs them: which units the reader may open (their roles' subtrees: a link to
 * any other would only answer "no access"), each unit's name with its hospital (unit-label.ts) as seen from
 * the page's own unit, and the moves to a unit's scorecard or indicator (drill-down.ts) through the router, so
 * Back returns.
 */
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type OrgUnit, useOrgUnitAncestors, useOrgUnits } from './api/org-units.ts';
import { useSession } from './api/session.ts';
import { unitIndicatorHref, unitScorecardHref } from './drill-down.ts';
import { useLanguage } from './i18n/use-language.ts';
import { unitsInScope } from './scoped-selection.ts';
import type { Selection } from './selection.ts';
import { unitLabeller } from './unit-label.ts';

export interface UnitScope {
  /**
   * Every unit the server lists (the reader's scope), in its order, and the units above the page's own unit
   * that the list lacks (named only: a department head reads their hospital's name, never opens it); empty while
   * loading.
   */
  readonly units: readonly OrgUnit[];
  /** Whether the reader may open `code` (false until the session and the units are in). */
  readonly canOpen: (code: string) => boolean;
  /** `code`'s name, with its hospital's when it is a department seen from outside that hospital. */
  readonly label: (code: string) => string;
  /** The units in scope, for a breadcrumb's links. */
  readonly inScope: ReadonlySet<string>;
}

/** `within`: the unit the page is about (the header's selection); null names every department with its hospital. */
export function useUnitScope(within: string | null): UnitScope {
  const language = useLanguage();
  const orgUnits = useOrgUnits();
  // Asked only when the list lacks a unit above `within` (a reader whose scope starts below the group).
  const ancestors = useOrgUnitAncestors(
    within !== null && orgUnits.data !== undefined && !chainListed(within, orgUnits.data) ? within : null,
  );
  const assignments = useSession().data?.user.assignments;
  return useMemo(() => {
    const listed = orgUnits.data ?? [];
    const inScope = new Set(
      assignments === undefined ? [] : unitsInScope(assignments, listed).map((unit) => unit.code),
    );
    const codes = new Set(listed.map((unit) => unit.code));
    const above = (ancestors.data ?? []).filter((unit) => !codes.has(unit.code));
    const units = above.length === 0 ? listed : [...above, ...listed];
    return {
      units,
      inScope,
      canOpen: (code) => inScope.has(code),
      label: unitLabeller(units, language, { within }),
    };
  }, [orgUnits.data, ancestors.data, assignments, language, within]);
}

/** Whether `units` holds `code` and every unit above it. */
function chainListed(code: string, units: readonly OrgUnit[]): boolean {
  const byCode = new Map(units.map((unit) => [unit.code, unit] as const));
  let unit = byCode.get(code);
  for (let steps = 0; unit !== undefined && steps < units.length; steps++) {
    if (unit.parent === null) return true;
    unit = byCode.get(unit.parent);
  }
  return false;
}

export interface DrillDown extends UnitScope {
  /** The unit's scorecard page (same scorecard and period); null when the reader may not open it. */
  readonly unitHref: (code: string) => string | null;
  /** One indicator's page for the unit; null when the reader may not open it. */
  readonly indicatorHref: (code: string, indicator: string) => string | null;
  /** Goes to `unitHref(code)`, when there is one. */
  readonly openUnit: (code: string) => void;
  /** Goes to `indicatorHref(code, indicator)`, when there is one. */
  readonly openIndicator: (code: string, indicator: string) => void;
}

/** The drill-down from a page about `selection` (null while the header fills it in: no links yet). */
export function useDrillDown(selection: Selection | null): DrillDown {
  const navigate = useNavigate();
  const scope = useUnitScope(selection?.orgUnit ?? null);
  return useMemo(() => {
    const unitHref = (code: string) =>
      selection === null || !scope.canOpen(code) ? null : unitScorecardHref(selection, code);
    const indicatorHref = (code: string, indicator: string) =>
      selection === null || !scope.canOpen(code) ? null : unitIndicatorHref(selection, code, indicator);
    const go = (href: string | null) => {
      if (href !== null) void navigate(href);
    };
    return {
      ...scope,
      unitHref,
      indicatorHref,
      openUnit: (code) => go(unitHref(code)),
      openIndicator: (code, indicator) => go(indicatorHref(code, indicator)),
    };
  }, [scope, selection, navigate]);
}
