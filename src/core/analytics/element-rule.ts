/**
 * How a data element's values combine: across org units (a parent from its children) and over months (a
 * quarter or year from its months). Each data element prescribes both; see README.md for why. The pair
 * splits DHIS2's data-element aggregation types in two (`SUM`, `AVERAGE`, `AVERAGE_SUM_ORG_UNIT`, `LAST`,
 * `LAST_AVERAGE_ORG_UNIT` in the DHIS2 API's `AggregationType`).
 */
import { badRequest } from '../errors/problem.ts';

/** Across org units, per month: `sum` adds the children's values, `average` takes their mean. */
export type UnitAggregation = 'sum' | 'average';

/**
 * Over months: `sum` adds them, `average` takes their mean, `last` keeps the latest month that has a value,
 * `max` the highest (a peak: the most patients waiting, the longest wait).
 */
export type TimeAggregation = 'sum' | 'average' | 'last' | 'max';

/**
 * Across org units, when a child has no value for a month: `skip` leaves it out (the default, as before),
 * `zero` counts it as 0 (a mean then divides by every child), `required` gives the parent no value unless
 * every child has one, and `pairwise` leaves a child out of a numerator/denominator pair unless it reports
 * both (applied to the pairs a request names; alone it skips).
 */
export type MissingValues = 'skip' | 'zero' | 'required' | 'pairwise';

export interface ElementRule {
  readonly units: UnitAggregation;
  readonly time: TimeAggregation;
  /** How a missing child value rolls up; absent: `skip`. */
  readonly missing?: MissingValues;
}

/** Rules by data-element code, or a list indexed like the cube's elements. */
export type ElementRules = ReadonlyMap<string, ElementRule> | readonly ElementRule[];

/** The usual rules, named for the kind of data element they fit (README.md explains each). */
export const COMMON_RULES = {
  /** A count that accumulates: discharges, patient days, deaths, revenue. */
  flow: { units: 'sum', time: 'sum' },
  /** A stock counted at month end: beds, staff in post. */
  stock: { units: 'sum', time: 'last' },
  /** A level that does not add up across units, such as a price or a score; prefer numerators and denominators. */
  level: { units: 'average', time: 'average' },
} as const satisfies Record<string, ElementRule>;

// Codes the aggregation kernel switches on, so its inner loop compares small integers rather than strings.
export const SUM = 0;
export const AVERAGE = 1;
export const LAST = 2;
export const MAX = 3;
// Missing-value codes; pairwise outside a named pair skips.
export const SKIP = 0;
export const ZERO = 1;
export const REQUIRED = 2;

// Maps, not object literals, so that a rule read from JSON such as { units: 'constructor' } finds nothing.
const UNIT_CODES: ReadonlyMap<string, number> = new Map([
  ['sum', SUM],
  ['average', AVERAGE],
]);
const TIME_CODES: ReadonlyMap<string, number> = new Map([
  ['sum', SUM],
  ['average', AVERAGE],
  ['last', LAST],
  ['max', MAX],
]);
const MISSING_CODES: ReadonlyMap<string, number> = new Map([
  ['skip', SKIP],
  ['pairwise', SKIP],
  ['zero', ZERO],
  ['required', REQUIRED],
]);

function isRuleList(rules: ElementRules): rules is readonly ElementRule[] {
  return Array.isArray(rules);
}

/**
 * The rule codes of the requested elements, checked: every element needs a rule with known aggregations.
 * Throws `badRequest` naming the element otherwise.
 */
export function resolveRuleCodes(
  rules: ElementRules,
  elementCodes: readonly string[],
  elements: Int32Array,
): { readonly units: Uint8Array; readonly time: Uint8Array; readonly missing: Uint8Array } {
  const units = new Uint8Array(elements.length);
  const time = new Uint8Array(elements.length);
  const missing = new Uint8Array(elements.length);
  elements.forEach((e, i) => {
    const code = elementCodes[e] ?? '';
    const rule = isRuleList(rules) ? rules[e] : rules.get(code);
    if (rule === undefined) throw badRequest('analytics.no-aggregation-rule', { code }, ['elements', i]);
    const u = UNIT_CODES.get(rule.units);
    const t = TIME_CODES.get(rule.time);
    const m = MISSING_CODES.get(rule.missing ?? 'skip');
    if (u === undefined || t === undefined || m === undefined) {
      throw badRequest('analytics.bad-aggregation-rule', { code, rule: JSON.stringify(rule) }, [
        'elements',
        i,
      ]);
    }
    units[i] = u;
    time[i] = t;
    missing[i] = m;
  });
  return { units, time, missing };
}
