/**
 * Rankings of org units by total score, and the sign that a group's total needs explaining.
 *
 * A hospital's total and a department's are scored on different scorecards or on different shares of one, so
 * they are not comparable: units are ranked among units of the same type and level (hospitals with hospitals,
 * departments with departments) unless mixing them is asked for. A unit without a total (no data, or
 * "insufficient data" below the scorecard's minimum coverage) is listed last, unranked.
 */

/** What ranking needs of a unit. */
export interface RankCandidate {
  readonly type: string;
  /** Depth in the org tree (the root is 1). */
  readonly level: number;
  /** Null: no total (no data, or insufficient data). */
  readonly total: number | null;
}

export interface RankPlace<T> {
  readonly item: T;
  /** 1 = best within its cohort; ties share a rank (1, 1, 3); null without a total. */
  readonly rank: number | null;
  /** `<type>@<level>`, or `all` when mixed. */
  readonly cohort: string;
}

/** The cohort a unit is ranked in. @example cohortOf({ type: 'hospital', level: 2 }, false) // 'hospital@2' */
export function cohortOf(unit: { readonly type: string; readonly level: number }, mix: boolean): string {
  return mix ? 'all' : `${unit.type}@${unit.level}`;
}

/**
 * Ranks units by total, within cohorts of the same type and level (or all together with `mix`). Cohorts come
 * in the order of their first unit in `items` (tree order puts hospitals before their departments); inside a
 * cohort, units by total, best first, then those without a total in their given order.
 *
 * @example rankUnits([
 *   { type: 'hospital', level: 2, total: 90 },
 *   { type: 'department', level: 3, total: 99 },
 *   { type: 'hospital', level: 2, total: 95 },
 * ], false).map((p) => [p.item.total, p.rank, p.cohort])
 * // [[95, 1, 'hospital@2'], [90, 2, 'hospital@2'], [99, 1, 'department@3']]
 */
export function rankUnits<T extends RankCandidate>(items: readonly T[], mix: boolean): RankPlace<T>[] {
  const cohorts = new Map<string, T[]>();
  for (const item of items) {
    const key = cohortOf(item, mix);
    const members = cohorts.get(key);
    if (members) members.push(item);
    else cohorts.set(key, [item]);
  }
  const places: RankPlace<T>[] = [];
  for (const [cohort, members] of cohorts) {
    // A stable sort keeps units without a total, and equal totals, in their given order.
    const sorted = [...members].sort(
      (a, b) => (b.total ?? Number.NEGATIVE_INFINITY) - (a.total ?? Number.NEGATIVE_INFINITY),
    );
    let rank = 0;
    let previous: number | null = null;
    sorted.forEach((item, index) => {
      if (item.total !== null && item.total !== previous) rank = index + 1;
      previous = item.total;
      places.push({ item, rank: item.total === null ? null : rank, cohort });
    });
  }
  return places;
}

/** An indicator of a unit's evaluation, as the group explanation reads it. */
export interface ExplainableIndicator {
  readonly id: string;
  /** Actual against target (1 = on target); null without a value. */
  readonly quantified: number | null;
  /** Its share of the total weight. */
  readonly globalWeight: number;
}

/**
 * Whether a group's total is higher than every member's, which looks wrong and is not: a group's rates pool
 * its members' numerators and denominators (a large member's good rate weighs more than a small member's poor
 * one), and each quantified value is capped at the target (a member far above target on one indicator cannot
 * make up for another, while the pooled figure can meet both). Returns the indicator that lifts the group most
 * above its best member (the largest gap of globalWeight × quantified between the group and that member), so the screen
 * can link to its Explain; null when the group is not above every member, or has fewer than two members with
 * a total.
 *
 * @example groupAboveMembers(
 *   { total: 96, indicators: [{ id: 'A', quantified: 1, globalWeight: 0.5 }, { id: 'B', quantified: 0.92, globalWeight: 0.5 }] },
 *   [
 *     { total: 90, indicators: [{ id: 'A', quantified: 1, globalWeight: 0.5 }, { id: 'B', quantified: 0.8, globalWeight: 0.5 }] },
 *     { total: 80, indicators: [{ id: 'A', quantified: 0.7, globalWeight: 0.5 }, { id: 'B', quantified: 0.9, globalWeight: 0.5 }] },
 *   ],
 * ) // { indicator: 'B', bestMemberTotal: 90 }
 */
export function groupAboveMembers(
  group: { readonly total: number | null; readonly indicators: readonly ExplainableIndicator[] },
  members: readonly { readonly total: number | null; readonly indicators: readonly ExplainableIndicator[] }[],
): { readonly indicator: string | null; readonly bestMemberTotal: number } | null {
  if (group.total === null) return null;
  const scored = members.filter((m): m is typeof m & { total: number } => m.total !== null);
  if (scored.length < 2) return null;
  let best = scored[0];
  for (const member of scored) if (best === undefined || member.total > best.total) best = member;
  if (best === undefined || group.total <= best.total) return null;
  const bestScores = new Map(best.indicators.map((i) => [i.id, i]));
  let indicator: string | null = null;
  let widest = 0;
  for (const own of group.indicators) {
    const theirs = bestScores.get(own.id);
    if (own.quantified === null) continue;
    const gap = weightedPoints(own) - (theirs ? weightedPoints(theirs) : 0);
    if (gap > widest) {
      widest = gap;
      indicator = own.id;
    }
  }
  return { indicator, bestMemberTotal: best.total };
}

/** The indicator's part of a total on the 0–1 scale (its quantified value times its share of the weight). */
function weightedPoints(indicator: ExplainableIndicator): number {
  return indicator.quantified === null ? 0 : indicator.quantified * indicator.globalWeight;
}
