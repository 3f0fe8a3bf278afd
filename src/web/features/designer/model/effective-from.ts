/**
 * The answer to "from which period do these weights hold?" (saving weights in the designer): by default the
 * first period with no published score (the server's `defaultEffectiveFrom`), another period the strategist
 * types, or since the beginning (every period not published is scored again). Periods before the one chosen
 * keep the weights that held for them.
 */
import { type PeriodType, tryParsePeriod } from '../../../../core/periods/index.ts';
import { isAligned } from '../../../../core/scorecard/effective-periods.ts';

export type EffectiveChoice = 'default' | 'period' | 'beginning';

export type EffectiveFrom =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly reason: 'not-a-period' | 'too-short' };

/**
 * The `effectiveFrom` to send for a choice: the default period (null when nothing is published: since the
 * beginning), the typed period normalised, or null for since the beginning. A typed period must be a period of
 * the scorecard's period type or a longer one.
 *
 * @example effectiveFromOf('default', '2024-01', '', 'month') // { ok: true, value: '2024-01' }
 * @example effectiveFromOf('period', null, '2025q3', 'month') // { ok: true, value: '2025Q3' }
 * @example effectiveFromOf('period', null, '2025-07', 'year') // { ok: false, reason: 'too-short' }
 */
export function effectiveFromOf(
  choice: EffectiveChoice,
  defaultPeriod: string | null,
  typed: string,
  periodType: PeriodType | null | undefined,
): EffectiveFrom {
  if (choice === 'default') return { ok: true, value: defaultPeriod };
  if (choice === 'beginning') return { ok: true, value: null };
  const period = tryParsePeriod(typed.trim());
  if (period === null) return { ok: false, reason: 'not-a-period' };
  if (!isAligned(period.id, periodType)) return { ok: false, reason: 'too-short' };
  return { ok: true, value: period.id };
}
