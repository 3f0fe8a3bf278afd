/**
 * Why an indicator has no value (core/scoring NoValueReason), in short words for lists ("no target"): the
 * server sends a code (`missing-target`), the page words it. A reason a newer server adds is worded as "no
 * value", never shown as a raw code. `npm run check:i18n` checks every reason has words in both languages.
 */
import type { NoValueReason } from '../../core/scoring/index.ts';

export const NO_VALUE_REASON_KEYS = {
  'missing-actual': 'noValueReasons.missingActual',
  'missing-target': 'noValueReasons.missingTarget',
  'undefined-ratio': 'noValueReasons.undefinedRatio',
  'no-matching-rule': 'noValueReasons.noMatchingRule',
  'no-ratings': 'noValueReasons.noRatings',
  'not-in-effect': 'noValueReasons.notInEffect',
  'reported-quarterly': 'noValueReasons.reportedQuarterly',
  'reported-yearly': 'noValueReasons.reportedYearly',
} as const satisfies Record<NoValueReason, string>;

export type NoValueReasonKey = (typeof NO_VALUE_REASON_KEYS)[NoValueReason] | 'noValueReasons.unknown';

/**
 * The translation key of a reason sent by the server.
 *
 * @example noValueReasonKey('missing-target') // 'noValueReasons.missingTarget'
 * @example noValueReasonKey('something-new') // 'noValueReasons.unknown'
 */
export function noValueReasonKey(reason: string): NoValueReasonKey {
  return Object.hasOwn(NO_VALUE_REASON_KEYS, reason)
    ? NO_VALUE_REASON_KEYS[reason as NoValueReason]
    : 'noValueReasons.unknown';
}
