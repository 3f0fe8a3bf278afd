/**
 * Two kinds of time decide which method scored a period (docs/scorecard-format.md, "Dated versions"):
 * - the **effective-from period** of a method (a stored structure or weight version, an indicator's dated
 *   version, a dated scoring version): it holds for every period that starts at or after that period's first
 *   month, until a later change;
 * - the **recorded-at** time of a stored version: what was known on a date (`asOf`). A version recorded after
 *   `asOf` did not exist yet.
 *
 * A period is compared by its first month, so a year uses what held in its January: effective-from periods are
 * aligned to the scorecard's period type, so a change never starts inside a period of that type.
 */
import {
  MONTHS_PER_PERIOD,
  nextPeriod,
  type PeriodType,
  periodContaining,
  tryParsePeriod,
} from '../periods/index.ts';

/**
 * The first month of a period as `YYYY-MM` (the period id itself when it is not one, which then compares as text).
 *
 * @example periodStart('2024Q3') // '2024-07'
 * @example periodStart('2024') // '2024-01'
 */
export function periodStart(periodId: string): string {
  return tryParsePeriod(periodId)?.startDate.slice(0, 7) ?? periodId;
}

/**
 * Whether something effective from `effectiveFrom` (null: since the beginning) holds for `period`.
 *
 * @example holdsFor('2025', '2025Q2') // true
 * @example holdsFor('2025', '2024-12') // false
 * @example holdsFor(null, '1999') // true
 */
export function holdsFor(effectiveFrom: string | null | undefined, period: string): boolean {
  return effectiveFrom == null || periodStart(effectiveFrom) <= periodStart(period);
}

/** A stored version of a method: its number (in the order recorded), its effective-from period, when it was recorded. */
export interface DatedRecord {
  readonly version: number;
  readonly effectiveFrom: string | null;
  readonly recordedAt: Date;
}

/**
 * The version that held for `period` as recorded at `asOf` (default: now): of the versions recorded by then, the
 * latest recorded whose effective-from period holds for `period`. A change saved "from E" thus holds for E and
 * every later period until a later change, and never reaches back before E. Undefined when none holds.
 *
 * @example selectEffectiveVersion([{ version: 1, effectiveFrom: null, … }, { version: 2, effectiveFrom: '2025', … }], '2024')?.version // 1
 */
export function selectEffectiveVersion<T extends DatedRecord>(
  versions: readonly T[],
  period: string,
  asOf: Date | null = null,
): T | undefined {
  let chosen: T | undefined;
  for (const version of versions) {
    if (asOf !== null && version.recordedAt.getTime() > asOf.getTime()) continue;
    if (!holdsFor(version.effectiveFrom, period)) continue;
    if (chosen === undefined || version.version > chosen.version) chosen = version;
  }
  return chosen;
}

/**
 * The first period of `type` that starts after `periodId` ends: where a change that must not reach a published
 * period starts by default.
 *
 * @example periodAfter('2023', 'month') // '2024-01'
 * @example periodAfter('2024-03', 'year') // '2025'
 * @example periodAfter('2024Q1', 'quarter') // '2024Q2'
 */
export function periodAfter(periodId: string, type: PeriodType): string {
  const period = tryParsePeriod(periodId);
  if (period === null) return periodId;
  const lastMonth = period.endDate.slice(0, 7);
  const following = nextPeriod(lastMonth);
  const containing = periodContaining(following, type);
  // A coarser type whose period already began (a year after March) starts with the next one of its kind.
  return periodStart(containing) < following ? nextPeriod(containing) : containing;
}

/**
 * Whether a period of `candidate`'s type may start a change on a scheme of `periodType` (a yearly scheme cannot
 * change its method in March): the candidate is of that type or a longer one.
 *
 * @example isAligned('2024Q1', 'year') // false
 * @example isAligned('2024', 'month') // true
 */
export function isAligned(candidate: string, periodType: PeriodType | null | undefined): boolean {
  if (periodType == null) return true;
  const type = tryParsePeriod(candidate)?.type;
  return type === undefined || MONTHS_PER_PERIOD[type] >= MONTHS_PER_PERIOD[periodType];
}
