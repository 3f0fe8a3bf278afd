/**
 * Validation rules between data elements, as DHIS2 has them (https://docs.dhis2.org/en/use/user-guides/dhis-core-version-master/configure-metadata/metadata-configuration/validation-rules.html):
 * a left expression, an operator and a right expression, evaluated on one org unit × period's values. A rule
 * whose side has no value (an input missing, a division by zero) is skipped, as DHIS2's default
 * "skip if any value is missing" strategy does: a missing value is the completeness check's business.
 */

import type { CompiledFormula, ValueLookup } from '../formula/index.ts';
import { evaluateFormula } from '../formula/index.ts';
import type { LocalizedText } from '../indicators/indicator.ts';

export type RuleOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type RuleImportance = 'low' | 'medium' | 'high';

/** A rule with both sides compiled (core/scorecard's `CompiledValidationRule` fits). */
export interface QualityRule {
  readonly id: string;
  readonly left: CompiledFormula;
  readonly operator: RuleOperator;
  readonly right: CompiledFormula;
  readonly importance: RuleImportance;
  readonly message: LocalizedText;
}

/** A rule that does not hold, with both sides' values. */
export interface RuleViolation {
  readonly rule: string;
  readonly importance: RuleImportance;
  readonly left: number;
  readonly operator: RuleOperator;
  readonly right: number;
  readonly message: LocalizedText;
  /** The data elements the rule reads, left side first. */
  readonly dataElements: readonly string[];
}

/** Relative tolerance of `==` and `!=`, so that 0.1 + 0.2 equals 0.3 as a person reads it. */
const EQUAL_TOLERANCE = 1e-9;

/**
 * Whether `left operator right` holds.
 *
 * @example compare(900_000, '<=', 4_129) // false: the AZ case's diabetics managed out of registered
 */
export function compare(left: number, operator: RuleOperator, right: number): boolean {
  const equal = Math.abs(left - right) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(left), Math.abs(right));
  switch (operator) {
    case '==':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return left < right && !equal;
    case '<=':
      return left <= right || equal;
    case '>':
      return left > right && !equal;
    case '>=':
      return left >= right || equal;
  }
}

/**
 * The rules that do not hold for one org unit × period's values (`lookup` by data-element code), in rule
 * order; a rule with a side without a value is skipped.
 *
 * @example
 * // managed_diabetics <= registered_diabetics, with 900,000 managed out of 4,129 registered:
 * checkRules([rule], (code) => ({ managed_diabetics: 900_000, registered_diabetics: 4_129 })[code])
 * // [{ rule: 'diabetics-managed-within-registered', left: 900000, operator: '<=', right: 4129, … }]
 */
export function checkRules(rules: readonly QualityRule[], lookup: ValueLookup): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const rule of rules) {
    const left = evaluateFormula(rule.left, lookup);
    const right = evaluateFormula(rule.right, lookup);
    if (left === null || right === null || compare(left, rule.operator, right)) continue;
    violations.push({
      rule: rule.id,
      importance: rule.importance,
      left,
      operator: rule.operator,
      right,
      message: rule.message,
      dataElements: [...new Set([...rule.left.references, ...rule.right.references])],
    });
  }
  return violations;
}

/**
 * Whether a rule reads a data element: the rules worth checking when that element's value changes.
 *
 * @example readsElement(rule, 'managed_diabetics') // true for managed_diabetics <= registered_diabetics
 */
export function readsElement(rule: QualityRule, code: string): boolean {
  return rule.left.references.includes(code) || rule.right.references.includes(code);
}
